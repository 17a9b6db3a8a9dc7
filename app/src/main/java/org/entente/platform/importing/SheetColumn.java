package org.entente.platform.importing;

import java.util.Locale;
import org.entente.platform.i18n.Language;
import org.entente.platform.i18n.Translations;

/**
 * A column of an import sheet (a feature's enum). A header cell names a column by its code ({@code pledged_on}) or by
 * its label in either language, so a file keeps working when a French colleague downloaded the template and an
 * English one fills it in.
 */
public interface SheetColumn {

    /** The code, as a machine writes the header. */
    String code();

    /** The translation key of the column's header label. */
    String key();

    /** Does a header cell name this column? */
    default boolean namedBy(String header) {
        String wanted = SheetRows.normalized(header);
        if (wanted.equals(code())) {
            return true;
        }
        for (Language language : Language.values()) {
            if (wanted.equals(SheetRows.normalized(Translations.text(language.locale(), key())))) {
                return true;
            }
        }
        return false;
    }

    /** The label in {@code locale}'s language, for a template's header and a problem's column. */
    default String label(Locale locale) {
        return Translations.text(locale, key());
    }
}
