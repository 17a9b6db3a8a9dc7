package org.entente.security;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.entente.initiative.Mechanism;
import org.entente.platform.security.SignedInAs;
import org.entente.platform.security.SignedInUser;
import org.entente.tenant.TenantService;
import org.entente.testing.SuperuserDatabase;
import org.entente.workstream.KindDetails;
import org.entente.workstream.Participant.ParticipantRole;
import org.entente.workstream.Releasability;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamDraft;
import org.entente.workstream.WorkstreamService;

/**
 * Norway's workstream that the matrices probe, with every kind of relation to it: Kenya invited and not answering,
 * the Relief Coalition accepted and withdrew, Delft accepted (and is suspended while a matrix runs). The title
 * carries a unique marker, so "none of the owner's data" can be checked in any text.
 */
record OwnersWorkstream(Workstream workstream, String marker) {

    static OwnersWorkstream create(TenantService tenants, WorkstreamService workstreams) {
        String marker = "Isolation " + UUID.randomUUID().toString().substring(0, 8);
        SignedInUser owner = Persona.OWNER_MEMBER.signIn(tenants);
        Workstream created = SignedInAs.call(owner, () -> workstreams.create(new WorkstreamDraft(marker,
                marker + " objectives", Releasability.PARTICIPANTS, List.of(), "Baltic", LocalDate.of(2026, 6, 1),
                LocalDate.of(2026, 9, 30), new KindDetails.Initiative(Mechanism.JOINT_EXERCISE, List.of(marker + " goal")))));
        for (Persona partner : List.of(Persona.INVITED, Persona.WITHDRAWN, Persona.SUSPENDED_TENANT)) {
            SignedInAs.run(owner, () -> workstreams.invite(created.ref(), partner.tenantId, ParticipantRole.CONTRIBUTOR));
        }
        SignedInUser relief = Persona.WITHDRAWN.signIn(tenants);
        SignedInAs.run(relief, () -> workstreams.respond(created.ref(), true));
        SignedInAs.run(relief, () -> workstreams.withdraw(created.ref()));
        SignedInAs.run(Persona.SUSPENDED_TENANT.signIn(tenants), () -> workstreams.respond(created.ref(), true));
        return new OwnersWorkstream(created, marker);
    }

    /** Runs the work with the suspended persona's tenant suspended, and makes it ACTIVE again afterwards. */
    static <T> T whileSuspended(SuperuserDatabase database, java.util.function.Supplier<T> work) {
        database.update("update tenant set status = 'SUSPENDED' where id = ?", Persona.SUSPENDED_TENANT.tenantId);
        try {
            return work.get();
        } finally {
            database.update("update tenant set status = 'ACTIVE' where id = ?", Persona.SUSPENDED_TENANT.tenantId);
        }
    }
}
