package org.entente.tenant.admin;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.entente.platform.i18n.Text;
import org.entente.platform.validation.PlainText;
import org.entente.platform.validation.UploadedText;

/**
 * Reads a capacity file: UTF-8 CSV with a header naming the columns {@code alias, year, amount, currency, source}
 * (any order, any case), one line per organization and year. Every value is checked here, before anything is
 * stored, and every problem is reported with its line and column, so the
 * administrator fixes the file once rather than line by line. No database: the organizations and the valuation
 * rates are handed in.
 */
final class CapacityCsv {

    /** Large enough for every organization's figures for a century; small enough to hold and check in memory. */
    static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_ROWS = 5_000;
    static final int MAX_SOURCE = 500;
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;
    /** tenant_capacity.capacity_eur is numeric(20, 2). */
    private static final BigDecimal LARGEST_EUR = new BigDecimal("1e18");

    static final List<String> COLUMNS = List.of("alias", "year", "amount", "currency", "source");
    private static final Pattern AMOUNT = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern YEAR = Pattern.compile("\\d{1,4}");

    /** One line of the file, checked, with its amount converted to EUR. */
    record Line(int line, UUID tenantId, String alias, int year, BigDecimal amount, String currency,
                BigDecimal capacityEur, String source) {
    }

    private CapacityCsv() {
    }

    /**
     * @param tenantsByAlias   every tenant, by alias
     * @param eurPerCurrency   the valuation rates of currencies (ISO codes), as contributions use them
     * @throws CapacityImportException naming each problem's line and column; nothing is returned then
     */
    static List<Line> read(byte[] content, Map<String, UUID> tenantsByAlias, Map<String, BigDecimal> eurPerCurrency) {
        if (content.length > MAX_BYTES) {
            throw CapacityImportException.of(0, null, "admin.capacityFile.tooLarge", String.valueOf(MAX_BYTES / 1024));
        }
        String text = utf8(content);
        List<CapacityImportException.Problem> problems = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setHeader().setSkipHeaderRecord(true)
                .setTrim(true).setIgnoreEmptyLines(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
                .get();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            checkHeader(parser.getHeaderNames());
            Map<String, String> columnNames = new HashMap<>();
            parser.getHeaderNames().forEach(name -> columnNames.put(name.toLowerCase(Locale.ROOT), name));
            for (CSVRecord record : parser) {
                // The parser's line count after a record is the line it ends on: its own line for a one-line record.
                int line = (int) parser.getCurrentLineNumber();
                if (record.getRecordNumber() > MAX_ROWS) {
                    throw CapacityImportException.of(line, null, "admin.capacityFile.tooManyLines", String.valueOf(MAX_ROWS));
                }
                Row row = new Row(record, line, columnNames, problems);
                if (!record.isConsistent()) {
                    row.problem(null, "admin.capacityFile.valueCount", COLUMNS.size(), String.join(", ", COLUMNS),
                            record.size());
                    continue;
                }
                check(row, tenantsByAlias, eurPerCurrency, seen).ifPresent(lines::add);
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // Commons CSV's words for a broken file (the text is in memory, so no other input fails): an unclosed
            // quote, a duplicate or empty header name.
            throw CapacityImportException.of(0, null, "admin.capacityFile.notCsv", e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new CapacityImportException(problems);
        }
        if (lines.isEmpty()) {
            throw CapacityImportException.of(0, null, "admin.capacityFile.noLines");
        }
        return lines;
    }

    private static java.util.Optional<Line> check(Row row, Map<String, UUID> tenantsByAlias,
            Map<String, BigDecimal> eurPerCurrency, Map<String, Integer> seen) {
        String alias = row.value("alias").toLowerCase(Locale.ROOT);
        UUID tenantId = tenantsByAlias.get(alias);
        if (alias.isEmpty()) {
            row.problem("alias", "admin.capacityFile.aliasMissing");
        } else if (tenantId == null) {
            row.problem("alias", "admin.capacityFile.aliasUnknown", alias);
        }

        String yearText = row.value("year");
        Integer year = null;
        if (!YEAR.matcher(yearText).matches()) {
            row.problem("year", "admin.capacityFile.notAYear", yearText);
        } else if (Integer.parseInt(yearText) < FIRST_YEAR || Integer.parseInt(yearText) > LAST_YEAR) {
            row.problem("year", "admin.capacityFile.yearOutside", yearText, String.valueOf(FIRST_YEAR),
                    String.valueOf(LAST_YEAR));
        } else {
            year = Integer.parseInt(yearText);
        }

        String amountText = row.value("amount");
        BigDecimal amount = null;
        if (!AMOUNT.matcher(amountText).matches()) {
            row.problem("amount", "admin.capacityFile.notANumber", amountText);
        } else if (new BigDecimal(amountText).signum() <= 0) {
            row.problem("amount", "admin.capacityFile.amountNotPositive");
        } else {
            amount = new BigDecimal(amountText);
        }

        String currency = row.value("currency").toUpperCase(Locale.ROOT);
        BigDecimal rate = eurPerCurrency.get(currency);
        if (rate == null) {
            if (currency.isEmpty()) {
                row.problem("currency", "admin.capacityFile.currencyMissing");
            } else {
                row.problem("currency", "admin.capacityFile.currencyUnknown", currency,
                        String.join(", ", new TreeSet<>(eurPerCurrency.keySet())));
            }
        }

        String source = row.value("source");
        if (source.isEmpty()) {
            row.problem("source", "admin.capacityFile.sourceMissing");
        } else if (source.length() > MAX_SOURCE) {
            row.problem("source", "admin.capacityFile.sourceTooLong", source.length(), MAX_SOURCE);
        } else if (!PlainText.storable(source)) {
            row.problem("source", PlainText.MESSAGE);
        }

        BigDecimal eur = null;
        if (amount != null && rate != null) {
            eur = toEur(amount, rate);
            if (eur.signum() <= 0) {
                row.problem("amount", "admin.capacityFile.lessThanACent", amountText, currency);
            } else if (eur.compareTo(LARGEST_EUR) >= 0) {
                row.problem("amount", "admin.capacityFile.amountTooLarge", amountText, currency);
            }
        }
        if (tenantId != null && year != null) {
            Integer first = seen.putIfAbsent(alias + "/" + year, row.line);
            if (first != null) {
                row.problem("year", "admin.capacityFile.yearTwice", alias, String.valueOf(year), String.valueOf(first));
            }
        }
        if (row.failed) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Line(row.line, tenantId, alias, year, amount, currency, eur, source));
    }

    /**
     * EUR at the valuation rate, rounded to the cent: the conversion the database applies to contributions
     * ({@code round(amount * eur_per_unit, 2)} in contribution_normalize(), V2), so capacities and contributions
     * are in one currency at one rate.
     */
    static BigDecimal toEur(BigDecimal amount, BigDecimal eurPerUnit) {
        return amount.multiply(eurPerUnit).setScale(2, RoundingMode.HALF_UP);
    }

    private static void checkHeader(List<String> header) {
        List<String> names = header.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
        List<String> missing = COLUMNS.stream().filter(c -> !names.contains(c)).toList();
        List<String> unknown = names.stream().filter(n -> !COLUMNS.contains(n)).toList();
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            // The column names stay as the file writes them (English); only the sentence around them is translated.
            throw CapacityImportException.of(1, null, "admin.capacityFile.header", String.join(", ", COLUMNS),
                    missing.isEmpty() ? "" : Text.of("admin.capacityFile.missing",
                            String.join(", ", missing)),
                    unknown.isEmpty() ? "" : Text.of("admin.capacityFile.unknown",
                            String.join(", ", unknown)));
        }
    }

    private static String utf8(byte[] content) {
        return UploadedText.utf8(content).orElseThrow(() -> CapacityImportException.of(0, null, "admin.capacityFile.notUtf8"));
    }

    /** One record being checked, collecting its problems. */
    private static final class Row {

        private final CSVRecord record;
        private final int line;
        private final Map<String, String> columnNames;
        private final List<CapacityImportException.Problem> problems;
        private boolean failed;

        Row(CSVRecord record, int line, Map<String, String> columnNames, List<CapacityImportException.Problem> problems) {
            this.record = record;
            this.line = line;
            this.columnNames = columnNames;
            this.problems = problems;
        }

        String value(String column) {
            String value = record.get(columnNames.get(column));
            return value == null ? "" : value.strip();
        }

        void problem(String column, String key, Object... args) {
            failed = true;
            problems.add(new CapacityImportException.Problem(line, column, Text.of(key, args)));
        }
    }
}
