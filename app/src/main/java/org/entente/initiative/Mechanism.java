package org.entente.initiative;

import org.entente.platform.i18n.Language;
import org.entente.platform.i18n.Translations;

/** How a shared initiative cooperates. */
public enum Mechanism {
    JOINT_EXERCISE,
    PEACEKEEPING,
    CAPACITY_BUILDING,
    INTELLIGENCE_SHARING,
    COUNTER_TERRORISM,
    CYBER_DEFENSE,
    MARITIME_SECURITY,
    HUMANITARIAN_RESPONSE,
    TREATY_FRAMEWORK,
    ARMS_CONTROL;

    /**
     * The English label ({@code enum.Mechanism.<CONSTANT>}), for texts not yet written in their reader's
     * language; pages use {@code Translations.label(locale, constant)}.
     */
    public String label() {
        return Translations.label(Language.EN.locale(), this);
    }
}
