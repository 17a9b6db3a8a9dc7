package org.entente.contribution.importing;

import org.entente.platform.importing.SheetColumn;

/**
 * The columns of a contributions sheet, in the template's order (named in a header as {@link SheetColumn} says).
 */
public enum ImportColumn implements SheetColumn {
    REFERENCE("reference"),
    TYPE("type"),
    DESCRIPTION("description"),
    UNIT("unit"),
    PLEDGED("pledged"),
    DELIVERED("delivered"),
    PLEDGED_ON("pledged_on"),
    DELIVERED_ON("delivered_on"),
    RELEASABILITY("releasability"),
    REL_TO("rel_to");

    private final String code;

    ImportColumn(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String key() {
        return "contribution.import.column." + code;
    }
}
