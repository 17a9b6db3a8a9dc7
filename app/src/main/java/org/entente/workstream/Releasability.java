package org.entente.workstream;

import org.entente.platform.i18n.Language;
import org.entente.platform.i18n.Translations;

/**
 * Which tenants may see a record. Enforced by row-level security (the can_see_* functions of the schema);
 * the UI shows it as a banner marking, written in the reader's language (key {@code enum.Releasability.<CONSTANT>}).
 */
public enum Releasability {
    /** Only the record's own tenant. */
    PRIVATE,
    /** Every tenant that participates in the workstream. */
    PARTICIPANTS,
    /** The record's own tenant and an explicit subset of participants. */
    REL_TO,
    /** Every participant, and eligible for cross-partner analytics. */
    ALL_PARTNERS;

    /** The English marking ("REL TO PARTICIPANTS"), for texts not yet written in their reader's language. */
    public String marking() {
        return Translations.label(Language.EN.locale(), this);
    }
}
