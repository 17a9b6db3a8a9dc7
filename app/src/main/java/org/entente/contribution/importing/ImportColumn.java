package org.entente.contribution.importing;

import java.util.Locale;
import java.util.Optional;
import org.entente.platform.i18n.Language;
import org.entente.platform.i18n.Translations;

/**
 * The columns of a contributions sheet, in the template's order. A header cell names a column by its code
 * ({@code pledged_on}) or by its label in either language, so a file keeps working when a French colleague downloaded
 * the template and an English one fills it in.
 */
public enum ImportColumn {
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

    public String code() {
        return code;
    }

    /** The translation key of the column's header label. */
    public String key() {
        return "contribution.import.column." + code;
    }

    /** The column a header cell names, if any. */
    static Optional<ImportColumn> named(String header) {
        String wanted = normalized(header);
        for (ImportColumn column : values()) {
            if (wanted.equals(column.code)) {
                return Optional.of(column);
            }
            for (Language language : Language.values()) {
                if (wanted.equals(normalized(Translations.text(language.locale(), column.key())))) {
                    return Optional.of(column);
                }
            }
        }
        return Optional.empty();
    }

    private static String normalized(String header) {
        return header == null ? "" : header.strip().replace('\u00a0', ' ').toLowerCase(Locale.ROOT);
    }
}
