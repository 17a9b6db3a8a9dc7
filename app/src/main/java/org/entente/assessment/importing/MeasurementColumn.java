package org.entente.assessment.importing;

import org.entente.platform.importing.SheetColumn;

/** The columns of a measurements sheet, in the template's order (named in a header as {@link SheetColumn} says). */
public enum MeasurementColumn implements SheetColumn {
    INDICATOR("indicator"),
    PARTNER("partner"),
    PERIOD_START("period_start"),
    PERIOD_END("period_end"),
    VALUE("value"),
    SOURCE("source"),
    NOTE("note");

    private final String code;

    MeasurementColumn(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String key() {
        return "results.import.column." + code;
    }
}
