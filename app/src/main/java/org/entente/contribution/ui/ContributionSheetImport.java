package org.entente.contribution.ui;

import java.util.Locale;
import org.entente.contribution.Contribution;
import org.entente.contribution.ContributionDraft;
import org.entente.contribution.importing.ContributionImporter;
import org.entente.platform.i18n.Formats;
import org.entente.platform.i18n.Translations;
import org.entente.platform.importing.ImportPlan;
import org.entente.platform.importing.SpreadsheetImport;
import org.entente.workstream.WorkstreamRef;

/** The import dialog's view of importing contributions into one workstream (calls go through the service's proxy). */
record ContributionSheetImport(ContributionImporter importer, WorkstreamRef workstream)
        implements SpreadsheetImport<ContributionDraft, Contribution> {

    @Override
    public ImportPlan<ContributionDraft, Contribution> preview(String fileName, byte[] content) {
        return importer.preview(workstream, fileName, content);
    }

    @Override
    public ImportPlan<ContributionDraft, Contribution> apply(String fileName, byte[] content) {
        return importer.apply(workstream, fileName, content);
    }

    @Override
    public byte[] template(Locale locale) {
        return importer.template(locale);
    }

    @Override
    public String describe(ContributionDraft draft, Locale locale) {
        return Translations.text(locale, Translations.enumKey(draft.type())) + " · "
                + Formats.number(locale, draft.pledgedAmount(), 2) + " " + draft.unit();
    }
}
