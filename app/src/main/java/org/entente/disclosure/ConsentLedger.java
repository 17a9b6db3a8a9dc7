package org.entente.disclosure;

import static org.entente.db.jooq.Tables.CONSENT_USE;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.analytics.ConsentUsed;
import org.entente.db.jooq.Routines;
import org.entente.db.tenancy.Actor;
import org.entente.db.tenancy.ActorSource;
import org.entente.disclosure.OwnOrganization.Acting;
import org.entente.workstream.Partner;
import org.entente.workstream.PartnerDirectory;
import org.jooq.DSLContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The granting organization's ledger of consent: whenever a screen or a briefing shows a coordinator's organization
 * figures published only by an organization's consent ({@link ConsentUsed}), one line in that organization's
 * partition (through {@code record_consent_use}, once per reader member, surface and snapshot); and the ledger as the
 * granting organization reads it.
 *
 * <p>Why a plain, synchronous {@link EventListener} rather than a {@code @TransactionalEventListener}: the publishers
 * read their figures from the DuckDB snapshot, mostly outside any PostgreSQL transaction, and a transactional listener
 * without a transaction is silently skipped (or, with {@code fallbackExecution}, gives no phase guarantee either).
 * Run synchronously on the publisher's thread, the listener acts as the reader (the same signed-in principal or
 * {@code TenantScope}, so the transaction manager sets the reader's tenant), and a failure reaches the publisher, so
 * figures whose use cannot be recorded are not shown. It joins the publisher's transaction when that one can write
 * (the entry then stands or falls with the publisher's work); in a read-only transaction, or none, it writes in a
 * short transaction of its own.
 */
@Service
public class ConsentLedger {

    private final DSLContext dsl;
    private final ActorSource actors;
    private final OwnOrganization organization;
    private final PartnerDirectory partners;
    private final TransactionTemplate joinOrBegin;
    private final TransactionTemplate ownTransaction;

    ConsentLedger(DSLContext dsl, ActorSource actors, OwnOrganization organization, PartnerDirectory partners,
            PlatformTransactionManager transactionManager) {
        this.dsl = dsl;
        this.actors = actors;
        this.organization = organization;
        this.partners = partners;
        this.joinOrBegin = new TransactionTemplate(transactionManager);
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Records the use in each grantor's ledger. The database ignores grantors that never granted the reader and
     * repeats of the same reader member, surface and snapshot.
     *
     * @throws IllegalStateException when the event's reader is not the organization this thread acts for
     */
    @EventListener
    public void record(ConsentUsed event) {
        if (event.grantors().isEmpty()) {
            return;
        }
        UUID acting = actors.currentActor().map(Actor::tenantId).orElse(null);
        if (!event.readerTenantId().equals(acting)) {
            // The function records the transaction's tenant as the reader: never another organization's use.
            throw new IllegalStateException("A consent use of " + event.readerTenantId()
                    + " was published while acting for " + acting);
        }
        boolean writable = TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
        (writable ? joinOrBegin : ownTransaction).executeWithoutResult(status -> dsl.select(Routines.recordConsentUse(
                event.grantors().toArray(UUID[]::new), event.surface().name(),
                event.snapshotTakenAt().atOffset(ZoneOffset.UTC))).fetch());
    }

    /** The signed-in person's organization's ledger of consent, newest first (every member reads it). */
    @Transactional(readOnly = true)
    public List<ConsentUse> uses(int limit) {
        Acting acting = organization.require();
        Map<UUID, Partner> directory = partners.byId();
        return dsl.selectFrom(CONSENT_USE)
                .where(CONSENT_USE.TENANT_ID.eq(acting.tenantId()))
                .orderBy(CONSENT_USE.AT.desc(), CONSENT_USE.ID.desc())
                .limit(limit)
                .fetch(r -> new ConsentUse(r.getAt(), r.getReaderTenantId(),
                        directory.getOrDefault(r.getReaderTenantId(), PartnerDirectory.unknown(r.getReaderTenantId()))
                                .name(),
                        ConsentUsed.Surface.valueOf(r.getSurface()), r.getSnapshotTakenAt()));
    }
}
