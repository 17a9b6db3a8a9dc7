package org.entente.engagement;

import org.entente.platform.i18n.Language;
import org.entente.platform.i18n.Translations;

/** What a non-state partner is engaged for. */
public enum EngagementType {
    HUMANITARIAN_COORDINATION,
    LOGISTICS_SUPPORT,
    TECHNOLOGY_PARTNERSHIP,
    TRAINING,
    ADVISORY,
    SECURITY_SERVICES;

    /**
     * The English label ({@code enum.EngagementType.<CONSTANT>}), for texts not yet written in their reader's
     * language; pages use {@code Translations.label(locale, constant)}.
     */
    public String label() {
        return Translations.label(Language.EN.locale(), this);
    }
}
