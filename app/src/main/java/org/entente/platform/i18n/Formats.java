package org.entente.platform.i18n;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/**
 * Numbers, money and dates as the reader's language writes them: 1,234.56 and 7 Dec 2026 in English,
 * 1 234,56 and 7 déc. 2026 in French. Times are UTC, said so, because partners sit in many time zones.
 */
public final class Formats {

    private Formats() {
    }

    public static String number(Locale locale, Number value) {
        return value == null ? "" : NumberFormat.getNumberInstance(Language.orDefault(locale).locale()).format(value);
    }

    /** A whole number or one with up to {@code fractionDigits} decimals. */
    public static String number(Locale locale, Number value, int fractionDigits) {
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(Language.orDefault(locale).locale());
        format.setMaximumFractionDigits(fractionDigits);
        return format.format(value);
    }

    /** An amount in its currency: €1,234.56 in English, 1 234,56 € in French. */
    public static String money(Locale locale, BigDecimal amount, String currencyCode) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(Language.orDefault(locale).locale());
        format.setCurrency(Currency.getInstance(currencyCode == null ? "EUR" : currencyCode));
        return format.format(amount);
    }

    public static String date(Locale locale, LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(Language.orDefault(locale).locale()).format(date);
    }

    /** A moment in UTC: "7 Dec 2026, 14:05 UTC" / "7 déc. 2026, 14:05 UTC". */
    public static String dateTimeUtc(Locale locale, OffsetDateTime moment) {
        if (moment == null) {
            return "";
        }
        OffsetDateTime utc = moment.withOffsetSameInstant(ZoneOffset.UTC);
        return date(locale, utc.toLocalDate()) + ", " + DateTimeFormatter.ofPattern("HH:mm").format(utc) + " UTC";
    }
}
