package org.entente.platform.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.platform.i18n.Text;
import org.entente.platform.validation.InvalidInput;

/**
 * What importing a sheet would do, shown before anything is stored: every row with its outcome. Confirming stores all
 * rows or none, and only when no row has an error. One shape for every kind of record a feature imports.
 *
 * @param fileName as uploaded, for the summary and the audit log
 * @param <D>      the draft a row describes (what the feature's dialog would have sent)
 * @param <E>      the record an earlier import of the same reference made
 */
public record ImportPlan<D, E>(String fileName, List<Row<D, E>> rows) {

    public enum Outcome { NEW, UPDATE, UNCHANGED, ERROR }

    /** A problem of one cell (column null: of the whole row), in plain words. */
    public record Problem(SheetColumn column, Text text) {
    }

    /**
     * @param draft    the record the row describes; null when the row has errors
     * @param existing the record an earlier import made from the same reference; null for a new one
     */
    public record Row<D, E>(int line, String reference, Outcome outcome, D draft, E existing, List<Problem> problems) {

        public Row {
            problems = List.copyOf(problems);
        }
    }

    public ImportPlan {
        rows = List.copyOf(rows);
    }

    public long count(Outcome outcome) {
        return rows.stream().filter(r -> r.outcome() == outcome).count();
    }

    public boolean hasErrors() {
        return count(Outcome.ERROR) > 0;
    }

    /** The rows that would change something. */
    public long writes() {
        return count(Outcome.NEW) + count(Outcome.UPDATE);
    }

    /** "12 new, 3 updated, 2 unchanged, 1 with errors", to be written in the reader's language. */
    public Text summary() {
        return Text.of("import.summary", count(Outcome.NEW), count(Outcome.UPDATE), count(Outcome.UNCHANGED),
                count(Outcome.ERROR));
    }

    /** The problems a service's refusal names, each on the column of its field (null: the whole row). */
    public static List<Problem> refusals(InvalidInput refused, Map<String, ? extends SheetColumn> columnOfField) {
        List<Problem> problems = new ArrayList<>();
        refused.fieldTexts().forEach((field, text) -> problems.add(new Problem(columnOfField.get(field), text)));
        return problems;
    }

    /**
     * Collects a plan row by row, deciding each outcome the same way for every feature: an error while any problem
     * remains (a reference used twice in the file among them), else new without an earlier record, else unchanged or
     * an update.
     */
    public static final class Builder<D, E> {

        private final SheetColumn referenceColumn;
        private final Map<String, Integer> firstLine = new HashMap<>();
        private final List<Row<D, E>> rows = new ArrayList<>();

        public Builder(SheetColumn referenceColumn) {
            this.referenceColumn = referenceColumn;
        }

        /**
         * @param same does the row say what {@code existing} says already (ignored without one)?
         */
        public void add(int line, String reference, D draft, E existing, List<Problem> found, boolean same) {
            List<Problem> problems = new ArrayList<>(found);
            if (!reference.isEmpty()) {
                Integer first = firstLine.putIfAbsent(reference, line);
                if (first != null) {
                    problems.add(new Problem(referenceColumn, Text.of("import.error.referenceTwice", reference, first)));
                }
            }
            Outcome outcome = !problems.isEmpty() ? Outcome.ERROR : existing == null ? Outcome.NEW
                    : same ? Outcome.UNCHANGED : Outcome.UPDATE;
            rows.add(new Row<>(line, reference, outcome, problems.isEmpty() ? draft : null, existing, problems));
        }

        /** @param noRowsKey the sentence for a file with a header and nothing under it */
        public ImportPlan<D, E> build(String fileName, String noRowsKey) {
            if (rows.isEmpty()) {
                throw new ImportFileException(noRowsKey);
            }
            return new ImportPlan<>(fileName, rows);
        }
    }

    /** Refuses to store a plan that has rows in error (read again at confirmation: the file may mean more now). */
    public void requireNoErrors() {
        if (hasErrors()) {
            throw InvalidInput.of("file", "import.error.rowsWithErrors", count(Outcome.ERROR));
        }
    }

    /** The counts an IMPORT audit event records. */
    public Map<String, Object> auditCounts() {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("file", fileName);
        counts.put("new", count(Outcome.NEW));
        counts.put("updated", count(Outcome.UPDATE));
        counts.put("unchanged", count(Outcome.UNCHANGED));
        return counts;
    }
}
