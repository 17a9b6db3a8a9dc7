package org.entente.contribution;

import org.entente.platform.i18n.Language;
import org.entente.platform.i18n.Translations;

/**
 * What a tenant pledges and delivers; personnel is counted in person-days. Labels: {@code enum.ContributionType.*}
 * in the translations ({@link Translations#label}).
 */
public enum ContributionType {
    FUNDING, PERSONNEL, EQUIPMENT, IN_KIND;

    /** The English label, from the translations (analytics' label table still reads it; screens use the reader's). */
    public String label() {
        return Translations.label(Language.EN.locale(), this);
    }
}
