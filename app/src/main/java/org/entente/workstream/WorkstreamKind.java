package org.entente.workstream;

import org.entente.platform.i18n.Language;
import org.entente.platform.i18n.Translations;

/** The three kinds of cross-tenant work, sharing one model. */
public enum WorkstreamKind {
    INITIATIVE,
    RND_PROJECT,
    ENGAGEMENT;

    /**
     * The English label ({@code enum.WorkstreamKind.<CONSTANT>}), for texts not yet written in their reader's
     * language; pages use {@code Translations.label(locale, constant)}.
     */
    public String label() {
        return Translations.label(Language.EN.locale(), this);
    }
}
