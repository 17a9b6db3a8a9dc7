package org.entente.milestone.ui;

import java.util.Locale;
import org.entente.milestone.Milestone;
import org.entente.milestone.importing.MilestoneImporter;
import org.entente.milestone.importing.MilestoneRow;
import org.entente.platform.i18n.Formats;
import org.entente.platform.i18n.Translations;
import org.entente.platform.importing.ImportPlan;
import org.entente.platform.importing.SpreadsheetImport;
import org.entente.workstream.WorkstreamRef;

/** The import dialog's view of importing one workstream's milestone plan (calls go through the service's proxy). */
record MilestoneSheetImport(MilestoneImporter importer, WorkstreamRef workstream)
        implements SpreadsheetImport<MilestoneRow, Milestone> {

    @Override
    public ImportPlan<MilestoneRow, Milestone> preview(String fileName, byte[] content) {
        return importer.preview(workstream, fileName, content);
    }

    @Override
    public ImportPlan<MilestoneRow, Milestone> apply(String fileName, byte[] content) {
        return importer.apply(workstream, fileName, content);
    }

    @Override
    public byte[] template(Locale locale) {
        return importer.template(workstream, locale);
    }

    @Override
    public String describe(MilestoneRow row, Locale locale) {
        return row.title() + " · " + Formats.date(locale, row.plannedDate()) + " · " + row.owner().name() + " · "
                + Translations.label(locale, row.status());
    }
}
