package org.entente.milestone.importing;

import org.entente.platform.importing.SheetColumn;

/** The columns of a milestone plan sheet, in the template's order (named in a header as {@link SheetColumn} says). */
public enum MilestoneColumn implements SheetColumn {
    REFERENCE("reference"),
    TITLE("title"),
    OWNER("owner"),
    PLANNED("planned"),
    STATUS("status"),
    ACTUAL("actual");

    private final String code;

    MilestoneColumn(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String key() {
        return "milestone.import.column." + code;
    }
}
