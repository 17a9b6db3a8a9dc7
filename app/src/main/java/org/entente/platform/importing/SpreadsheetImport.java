package org.entente.platform.importing;

import java.util.Locale;

/**
 * One kind of record a person imports from a spreadsheet into one place (a workstream's contributions, its
 * milestones), as the import dialog drives it: template, preview, apply. The feature's service behind it owns the
 * checks and the transaction; the tenant is the signed-in person's.
 *
 * @param <D> the draft a row describes
 * @param <E> the record an earlier import of the same reference made
 */
public interface SpreadsheetImport<D, E> {

    /** What importing the file would do; stores nothing. */
    ImportPlan<D, E> preview(String fileName, byte[] content);

    /** Stores every row or none. */
    ImportPlan<D, E> apply(String fileName, byte[] content);

    /** The template, in {@code locale}'s language. */
    byte[] template(Locale locale);

    /** A row's record in a few words, for the preview ("Funding · 250,000 EUR"). */
    String describe(D draft, Locale locale);
}
