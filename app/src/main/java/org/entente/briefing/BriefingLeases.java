package org.entente.briefing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.entente.db.tenancy.Actor;
import org.entente.db.tenancy.TenantScope;
import org.entente.platform.i18n.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Briefings across app instances. The queue lives in the memory of the instance a briefing was asked on, which records
 * itself and a lease on the row and renews the leases of its queue every {@code entente.briefings.lease-renewal}. A
 * briefing still QUEUED or RUNNING whose lease has passed (its instance died, or it was queued before leases existed)
 * is marked FAILED the next time its organization's list is read, on any instance; its unfinished file in the shared
 * folder goes then, or when an instance starts. A briefing another live instance is writing is left alone.
 */
@Component
class BriefingLeases {

    private static final Logger log = LoggerFactory.getLogger(BriefingLeases.class);

    /** Why a briefing whose instance stopped failed, in each briefing's language. */
    static final Text ABANDONED_TEXT = Text.of("briefing.failure.abandoned");
    /** Its English, as tests read it. */
    static final String ABANDONED = ABANDONED_TEXT.toString();

    private final BriefingRows rows;
    private final BriefingQueue queue;
    private final BriefingFiles files;
    private final Duration lease;

    BriefingLeases(BriefingRows rows, BriefingQueue queue, BriefingFiles files, BriefingProperties properties) {
        this.rows = rows;
        this.queue = queue;
        this.files = files;
        this.lease = properties.lease();
    }

    /**
     * Renews the leases of the briefings in this instance's queue, so that no other instance takes them for abandoned;
     * each organization's under its own scope (row-level security), as the generation itself runs.
     */
    @Scheduled(initialDelayString = "${entente.briefings.lease-renewal:PT30S}",
            fixedDelayString = "${entente.briefings.lease-renewal:PT30S}")
    void renew() {
        Map<UUID, Set<UUID>> byTenant = new HashMap<>();
        for (BriefingJob job : queue.queued()) {
            byTenant.computeIfAbsent(job.tenantId(), tenant -> new HashSet<>()).add(job.briefingId());
        }
        byTenant.forEach((tenant, ids) -> {
            try {
                int renewed = TenantScope.callAs(Actor.system(tenant), () -> rows.renewLeases(tenant, ids));
                log.debug("Briefing leases of {} renewed: {} of {}", tenant, renewed, ids.size());
            } catch (RuntimeException e) {
                log.warn("The leases of {} briefing(s) of {} could not be renewed; tried again in the next round",
                        ids.size(), tenant, e);
            }
        });
    }

    /**
     * Marks FAILED the organization's briefings left QUEUED or RUNNING by an app instance that stopped (their lease
     * passed, or they have none from before leases): they will never finish. Those in this instance's own queue are not
     * abandoned, whatever the lease. Runs as the caller (the organization's coordinator).
     */
    void failAbandoned(UUID tenant) {
        List<UUID> abandoned = new ArrayList<>(rows.unleased(tenant));
        abandoned.removeAll(mine());
        if (abandoned.isEmpty()) {
            return;
        }
        for (UUID id : rows.failUnleased(tenant, abandoned, ABANDONED_TEXT)) {
            log.info("Briefing {} of {} abandoned by its app instance: marked failed", id, tenant);
            files.discardPart(tenant, id);
        }
    }

    /** Of the given briefings of a tenant, those some live instance holds (a lease that has not passed), or this one. */
    Set<UUID> held(UUID tenant, Set<UUID> ids) {
        Set<UUID> held = mine();
        held.addAll(TenantScope.callAs(Actor.system(tenant), () -> rows.leased(tenant, ids)));
        return held;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        // Other instances may be writing into the shared folder right now: only parts nobody holds go.
        files.removeLeftovers(this::held, lease);
    }

    private Set<UUID> mine() {
        Set<UUID> mine = new HashSet<>();
        queue.queued().forEach(job -> mine.add(job.briefingId()));
        return mine;
    }
}
