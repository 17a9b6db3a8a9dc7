package org.entente.workstream;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
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

    /**
     * The organizations a record of this releasability is released to, as row-level security decides it: its own
     * tenant only; its own and the named ones; or the workstream's accepted participants (its lead among them). The
     * one rule behind the organizations a marking names ({@link PartnerDirectory#marking}) and a confidentiality
     * label's "Releasable To" (org.entente.label.ExportLabels).
     *
     * @param participants the workstream's lead and accepted participants (not needed for PRIVATE and REL_TO)
     */
    public List<UUID> audience(UUID ownTenantId, List<UUID> relTo, Collection<UUID> participants) {
        return switch (this) {
            case PRIVATE -> List.of(ownTenantId);
            case REL_TO -> Stream.concat(Stream.of(ownTenantId), relTo.stream()).distinct().toList();
            case PARTICIPANTS, ALL_PARTNERS -> participants.stream().distinct().toList();
        };
    }
}
