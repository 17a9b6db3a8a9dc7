package org.entente.rnd;

import org.entente.platform.i18n.Language;
import org.entente.platform.i18n.Translations;

/** Technology area of a joint R&D project. */
public enum TechnologyArea {
    CYBER, AI, UNMANNED_SYSTEMS, SPACE,
    C4ISR, ENERGY, MEDICAL, MATERIALS;

    /**
     * The English label ({@code enum.TechnologyArea.<CONSTANT>}), for texts not yet written in their reader's
     * language; pages use {@code Translations.label(locale, constant)}.
     */
    public String label() {
        return Translations.label(Language.EN.locale(), this);
    }
}
