package org.entente.contribution.importing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.entente.contribution.ContributionDraft;
import org.entente.contribution.ContributionType;
import org.entente.platform.i18n.Language;
import org.entente.platform.i18n.Text;
import org.entente.platform.i18n.Translations;
import org.entente.platform.validation.PlainText;
import org.entente.workstream.Partner;
import org.entente.workstream.Releasability;

/**
 * Turns the cells of one row into a contribution draft, or into the problems that stop it, each with its column and
 * a sentence that says how to fix it. Only the sheet's own form is checked here (is it a date, a number, a known
 * type); the rules of a pledge itself are the service's, applied to the draft afterwards, so that an import and the
 * Pledge dialog refuse the same things.
 */
final class ContributionRows {

    static final int MAX_REFERENCE = 100;
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+([.,]\\d+)?");
    /** Groups of three digits separated by a space (the French way of writing 1 500 000,50). */
    private static final Pattern SPACED_NUMBER = Pattern.compile("-?\\d{1,3}( \\d{3})+([.,]\\d+)?");
    private static final Pattern AMBIGUOUS_COMMA = Pattern.compile("-?\\d{1,3},\\d{3}");

    private final Map<ImportColumn, Integer> positions;
    private final Map<String, Partner> partnersByName = new HashMap<>();

    /** The result for one row: a draft, or problems. */
    record Parsed(String reference, ContributionDraft draft, List<ContributionImport.Problem> problems) {
    }

    private ContributionRows(Map<ImportColumn, Integer> positions, List<Partner> partners) {
        this.positions = positions;
        for (Partner partner : partners) {
            partnersByName.put(key(partner.alias()), partner);
            partnersByName.put(key(partner.name()), partner);
        }
    }

    /**
     * Reads the header: every column of the template must be named once, in any order; other columns are refused
     * (a typo in a header would otherwise drop a column's values without a word).
     */
    static ContributionRows forHeader(List<String> header, List<Partner> partners) {
        Map<ImportColumn, Integer> positions = new EnumMap<>(ImportColumn.class);
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String cell = header.get(i);
            if (cell.isBlank()) {
                continue;
            }
            Optional<ImportColumn> column = ImportColumn.named(cell);
            if (column.isEmpty() || positions.putIfAbsent(column.get(), i) != null) {
                unknown.add(cell);
            }
        }
        List<String> missing = new ArrayList<>();
        for (ImportColumn column : ImportColumn.values()) {
            if (!positions.containsKey(column)) {
                missing.add(column.code());
            }
        }
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new ImportFileException("contribution.import.error.header", String.join(", ", missing),
                    String.join(", ", unknown));
        }
        return new ContributionRows(positions, partners);
    }

    Parsed parse(Sheet.Row row) {
        List<ContributionImport.Problem> problems = new ArrayList<>();
        String reference = cell(row, ImportColumn.REFERENCE);
        if (reference.length() > MAX_REFERENCE) {
            problems.add(problem(ImportColumn.REFERENCE, "contribution.import.error.referenceTooLong", MAX_REFERENCE));
        } else if (reference.chars().anyMatch(c -> c < 0x20)) {
            // A reference is one line: a tab or line break in it is a slip of the spreadsheet, not part of the number.
            problems.add(problem(ImportColumn.REFERENCE, "contribution.import.error.referenceOneLine"));
        } else if (!PlainText.storable(reference)) {
            problems.add(new ContributionImport.Problem(ImportColumn.REFERENCE, Text.of(PlainText.MESSAGE)));
        }
        ContributionType type = choice(row, ImportColumn.TYPE, ContributionType.values(), null, problems);
        String unit = cell(row, ImportColumn.UNIT).toUpperCase(Locale.ROOT);
        if (unit.isEmpty()) {
            problems.add(problem(ImportColumn.UNIT, "contribution.import.error.required"));
        }
        BigDecimal pledged = number(row, ImportColumn.PLEDGED, true, problems);
        BigDecimal delivered = number(row, ImportColumn.DELIVERED, false, problems);
        LocalDate pledgedOn = date(row, ImportColumn.PLEDGED_ON, problems);
        LocalDate deliveredOn = date(row, ImportColumn.DELIVERED_ON, problems);
        Releasability releasability = choice(row, ImportColumn.RELEASABILITY, Releasability.values(),
                Releasability.PARTICIPANTS, problems);
        List<UUID> relTo = new ArrayList<>();
        for (String name : cell(row, ImportColumn.REL_TO).split(";")) {
            if (name.isBlank()) {
                continue;
            }
            Partner partner = partnersByName.get(key(name));
            if (partner == null) {
                problems.add(problem(ImportColumn.REL_TO, "contribution.import.error.unknownPartner", name.strip()));
            } else if (!relTo.contains(partner.id())) {
                relTo.add(partner.id());
            }
        }
        if (!problems.isEmpty()) {
            return new Parsed(reference, null, problems);
        }
        String description = cell(row, ImportColumn.DESCRIPTION);
        return new Parsed(reference, new ContributionDraft(type, description, unit, pledged,
                delivered == null ? BigDecimal.ZERO : delivered, pledgedOn, deliveredOn, releasability, relTo), List.of());
    }

    private String cell(Sheet.Row row, ImportColumn column) {
        return row.cell(positions.get(column)).strip();
    }

    /** An enum value by its code (FUNDING) or its label in either language (Funding, Financement). */
    private <E extends Enum<E>> E choice(Sheet.Row row, ImportColumn column, E[] values, E otherwise,
            List<ContributionImport.Problem> problems) {
        String text = cell(row, column);
        if (text.isEmpty()) {
            if (otherwise == null) {
                problems.add(problem(column, "contribution.import.error.required"));
            }
            return otherwise;
        }
        for (E value : values) {
            if (key(text).equals(key(value.name()))) {
                return value;
            }
            for (Language language : Language.values()) {
                if (key(text).equals(key(Translations.label(language.locale(), value)))) {
                    return value;
                }
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E value : values) {
            allowed.add(value.name());
        }
        problems.add(problem(column, "contribution.import.error.notOneOf", text, String.join(", ", allowed)));
        return null;
    }

    /**
     * A decimal with either separator. A comma followed by exactly three digits (1,500) is refused rather than
     * guessed: it is 1.5 in French and 1500 in English.
     */
    private BigDecimal number(Sheet.Row row, ImportColumn column, boolean required, List<ContributionImport.Problem> problems) {
        String text = cell(row, column).replace('\u00a0', ' ').replace('\u202f', ' ');
        if (text.isEmpty()) {
            if (required) {
                problems.add(problem(column, "contribution.import.error.required"));
            }
            return null;
        }
        if (AMBIGUOUS_COMMA.matcher(text).matches()) {
            problems.add(problem(column, "contribution.import.error.ambiguousNumber", text));
            return null;
        }
        String plain = SPACED_NUMBER.matcher(text).matches() ? text.replace(" ", "") : text;
        if (PLAIN_NUMBER.matcher(plain).matches()) {
            return new BigDecimal(plain.replace(',', '.'));
        }
        try {
            return new BigDecimal(plain); // a spreadsheet's raw number, e.g. 1.5E7
        } catch (NumberFormatException e) {
            problems.add(problem(column, "contribution.import.error.notANumber", text));
            return null;
        }
    }

    /** A date cell (already ISO) or ISO text; empty = the service's default (today). */
    private LocalDate date(Sheet.Row row, ImportColumn column, List<ContributionImport.Problem> problems) {
        String text = cell(row, column);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(problem(column, "contribution.import.error.notADate", text));
            return null;
        }
    }

    private static ContributionImport.Problem problem(ImportColumn column, String key, Object... args) {
        return new ContributionImport.Problem(column, Text.of(key, args));
    }

    private static String key(String text) {
        return text == null ? "" : text.strip().replace('\u00a0', ' ').toLowerCase(Locale.ROOT);
    }
}
