package org.entente.tenant.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How a capacity file is read and checked, before anything reaches the database. */
class CapacityCsvTest {

    static final UUID NORWAY = UUID.randomUUID();
    static final UUID KENYA = UUID.randomUUID();
    static final Map<String, UUID> TENANTS = Map.of("norway", NORWAY, "kenya", KENYA);
    static final Map<String, BigDecimal> RATES = Map.of("EUR", BigDecimal.ONE, "NOK", new BigDecimal("0.086000"),
            "KES", new BigDecimal("0.007100"));

    @Test
    void aFileIsReadWithItsAmountsConvertedToEurAtTheValuationRate() {
        List<CapacityCsv.Line> lines = read("""
                alias,year,amount,currency,source
                norway,2024,5100000000000,NOK,"Statistics Norway, GDP 2024 (approximate)"
                KENYA , 2023 , 15000000000000.50 , kes , KNBS Economic Survey 2024
                """);

        assertThat(lines).hasSize(2);
        CapacityCsv.Line norway = lines.getFirst();
        assertThat(norway.line()).isEqualTo(2);
        assertThat(norway.tenantId()).isEqualTo(NORWAY);
        assertThat(norway.year()).isEqualTo(2024);
        assertThat(norway.capacityEur()).isEqualByComparingTo("438600000000.00");
        assertThat(norway.source()).isEqualTo("Statistics Norway, GDP 2024 (approximate)");
        CapacityCsv.Line kenya = lines.get(1);
        assertThat(kenya.tenantId()).isEqualTo(KENYA);
        assertThat(kenya.currency()).isEqualTo("KES");
        // 15,000,000,000,000.50 × 0.0071 = 106,500,000,000.00355: rounded to the cent, as contributions are.
        assertThat(kenya.capacityEur()).isEqualTo(new BigDecimal("106500000000.00"));
    }

    @Test
    void theColumnsMayComeInAnyOrderAndCaseAfterASpreadsheetsByteOrderMark() {
        List<CapacityCsv.Line> lines = CapacityCsv.read(("\uFEFFSource,Currency,Amount,Year,Alias\n"
                + "IMF WEO,EUR,1000,2025,norway\n").getBytes(StandardCharsets.UTF_8), TENANTS, RATES);
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.capacityEur()).isEqualByComparingTo("1000");
            assertThat(line.year()).isEqualTo(2025);
        });
    }

    @Test
    void everyBadValueIsNamedByLineAndColumnAndNothingIsReturned() {
        assertThatThrownBy(() -> read("""
                alias,year,amount,currency,source
                norway,2024,1000,EUR,fine
                atlantis,2024,1000,EUR,unknown alias
                norway,1999,1000,EUR,year too early
                norway,20x5,1000,EUR,not a year
                norway,2025,"1,000",EUR,thousands separator
                norway,2026,-5,EUR,negative
                norway,2027,0,EUR,zero
                norway,2028,1000,XYZ,unknown currency
                norway,2029,1000,PERSON_DAY,not a currency
                norway,2030,1000,EUR,
                norway,2024,2000,EUR,the same year again
                kenya,2024,1000,EUR
                """))
                .isInstanceOfSatisfying(CapacityImportException.class, e -> {
                    assertThat(e.problems()).extracting(CapacityImportException.Problem::toString).containsExactly(
                            "Line 3, column alias: no organization has the alias \"atlantis\".",
                            "Line 4, column year: 1999 is outside 2000–2100.",
                            "Line 5, column year: \"20x5\" is not a year (e.g. 2024).",
                            "Line 6, column amount: \"1,000\" is not a number: write digits with a decimal point and "
                                    + "no thousands separators (e.g. 482500000000.50).",
                            "Line 7, column amount: the amount must be greater than 0.",
                            "Line 8, column amount: the amount must be greater than 0.",
                            "Line 9, column currency: \"XYZ\" is not a currency with a valuation rate; use one of "
                                    + "EUR, KES, NOK.",
                            "Line 10, column currency: \"PERSON_DAY\" is not a currency with a valuation rate; use one "
                                    + "of EUR, KES, NOK.",
                            "Line 11, column source: say where the figure comes from (e.g. \"IMF WEO, October 2025\").",
                            "Line 12, column year: norway 2024 is already on line 2; each organization and year may "
                                    + "appear once.",
                            "Line 13: expected 5 values (alias, year, amount, currency, source), found 4.");
                    assertThat(e.getMessage()).startsWith("Nothing was loaded. 11 problems:\nLine 3, column alias:");
                });
    }

    @Test
    void aSourceMustBePlainTextOfAtMost500Characters() {
        assertThatThrownBy(() -> read("alias,year,amount,currency,source\nnorway,2024,1,EUR," + "x".repeat(501) + "\n"))
                .isInstanceOfSatisfying(CapacityImportException.class, e -> assertThat(e.problems())
                        .extracting(CapacityImportException.Problem::toString)
                        .containsExactly("Line 2, column source: the source has 501 characters; at most 500."));
        assertThatThrownBy(() -> read("alias,year,amount,currency,source\nnorway,2024,1,EUR,be\u0007ll\n"))
                .isInstanceOfSatisfying(CapacityImportException.class, e -> assertThat(e.problems())
                        .extracting(CapacityImportException.Problem::column).containsExactly("source"));
    }

    @Test
    void aHeaderMustNameTheFiveColumns() {
        assertThatThrownBy(() -> read("alias,year,amount,source\nnorway,2024,1,x\n"))
                .isInstanceOf(CapacityImportException.class)
                .hasMessage("Nothing was loaded. Line 1: The first line must name the columns alias, year, amount, "
                        + "currency, source; missing: currency.");
        assertThatThrownBy(() -> read("norway,2024,1000,EUR,IMF\n"))
                .isInstanceOf(CapacityImportException.class)
                .hasMessageContaining("missing: alias, year, amount, currency, source; not known: norway, 2024, 1000, "
                        + "eur, imf");
        assertThatThrownBy(() -> read("alias,year,amount,currency,source\n"))
                .isInstanceOf(CapacityImportException.class)
                .hasMessage("Nothing was loaded. The file has a header but no lines of figures.");
    }

    @Test
    void tooLargeBrokenOrNonUtf8FilesAreRefusedWhole() {
        byte[] large = new byte[CapacityCsv.MAX_BYTES + 1];
        assertThatThrownBy(() -> CapacityCsv.read(large, TENANTS, RATES))
                .isInstanceOf(CapacityImportException.class).hasMessageContaining("larger than 1024 KiB");

        StringBuilder many = new StringBuilder("alias,year,amount,currency,source\n");
        for (int i = 0; i <= CapacityCsv.MAX_ROWS; i++) {
            many.append("norway,2024,1,EUR,x\n");
        }
        assertThatThrownBy(() -> read(many.toString()))
                .isInstanceOf(CapacityImportException.class).hasMessageContaining("more than 5000 lines");

        assertThatThrownBy(() -> CapacityCsv.read(new byte[] {'a', 'l', (byte) 0xC3, (byte) 0x28}, TENANTS, RATES))
                .isInstanceOf(CapacityImportException.class).hasMessageContaining("not UTF-8");
        assertThatThrownBy(() -> read("alias,year,amount,currency,source\nnorway,2024,1,EUR,\"unclosed\n"))
                .isInstanceOf(CapacityImportException.class).hasMessageContaining("not readable as CSV");
    }

    @Test
    void manyProblemsAreCountedBeyondTheFirstTwenty() {
        StringBuilder bad = new StringBuilder("alias,year,amount,currency,source\n");
        for (int i = 0; i < 25; i++) {
            bad.append("atlantis,").append(2000 + i).append(",1,EUR,x\n");
        }
        assertThatThrownBy(() -> read(bad.toString()))
                .isInstanceOfSatisfying(CapacityImportException.class, e -> {
                    assertThat(e.problems()).hasSize(25);
                    assertThat(e.getMessage()).endsWith("… and 5 more.");
                });
    }

    private static List<CapacityCsv.Line> read(String text) {
        return CapacityCsv.read(text.getBytes(StandardCharsets.UTF_8), TENANTS, RATES);
    }
}
