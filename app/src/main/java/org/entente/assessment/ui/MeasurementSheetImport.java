package org.entente.assessment.ui;

import java.util.Locale;
import org.entente.assessment.Measurement;
import org.entente.assessment.importing.MeasurementImporter;
import org.entente.assessment.importing.MeasurementRow;
import org.entente.platform.i18n.Formats;
import org.entente.platform.importing.ImportPlan;
import org.entente.platform.importing.SpreadsheetImport;
import org.entente.workstream.WorkstreamRef;

/** The import dialog's view of importing indicator values into one workstream (calls go through the service's proxy). */
record MeasurementSheetImport(MeasurementImporter importer, WorkstreamRef workstream)
        implements SpreadsheetImport<MeasurementRow, Measurement> {

    @Override
    public ImportPlan<MeasurementRow, Measurement> preview(String fileName, byte[] content) {
        return importer.preview(workstream, fileName, content);
    }

    @Override
    public ImportPlan<MeasurementRow, Measurement> apply(String fileName, byte[] content) {
        return importer.apply(workstream, fileName, content);
    }

    @Override
    public byte[] template(Locale locale) {
        return importer.template(workstream, locale);
    }

    @Override
    public String describe(MeasurementRow row, Locale locale) {
        return Formats.number(locale, row.draft().value(), 4) + " · " + row.indicator().definition();
    }
}
