package org.entente.contribution.importing;

import java.util.List;
import org.entente.contribution.Contribution;
import org.entente.contribution.ContributionDraft;
import org.entente.platform.i18n.Text;

/**
 * What importing a sheet would do, shown before anything is stored: every row with its outcome. Confirming stores all
 * rows or none, and only when no row has an error.
 *
 * @param fileName as uploaded, for the summary and the audit log
 */
public record ContributionImport(String fileName, List<Row> rows) {

    public enum Outcome { NEW, UPDATE, UNCHANGED, ERROR }

    /** A problem of one cell (column null: of the whole row), in plain words. */
    public record Problem(ImportColumn column, Text text) {
    }

    /**
     * @param draft    the contribution the row describes; null when the row has errors
     * @param existing the contribution an earlier import made from the same reference; null for a new one
     */
    public record Row(int line, String reference, Outcome outcome, ContributionDraft draft, Contribution existing,
                      List<Problem> problems) {

        public Row {
            problems = List.copyOf(problems);
        }
    }

    public ContributionImport {
        rows = List.copyOf(rows);
    }

    public long count(Outcome outcome) {
        return rows.stream().filter(r -> r.outcome() == outcome).count();
    }

    public boolean hasErrors() {
        return count(Outcome.ERROR) > 0;
    }

    /** "12 new, 3 updated, 2 unchanged, 1 with errors", to be written in the reader's language. */
    public Text summary() {
        return Text.of("contribution.import.summary", count(Outcome.NEW), count(Outcome.UPDATE),
                count(Outcome.UNCHANGED), count(Outcome.ERROR));
    }
}
