package org.entente.api;

import static org.entente.db.jooq.Tables.CONTRIBUTION;
import static org.entente.db.jooq.Tables.INDICATOR;
import static org.entente.db.jooq.Tables.MEASUREMENT;
import static org.entente.db.jooq.Tables.MILESTONE;
import static org.entente.db.jooq.Tables.PARTICIPATION;
import static org.entente.db.jooq.Tables.WORKSTREAM;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.entente.workstream.WorkstreamRef;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The few facts the API needs that the feature services do not hand out: when each record was last changed (for
 * {@code updatedSince} and the keyset of a page; every one of these tables has a {@code touch_updated_at} trigger, so no
 * migration was needed) and which workstream a contribution or an indicator belongs to. Every query runs in the
 * caller's tenant transaction, so row-level security decides what is found, exactly as for the services; nothing here
 * reads a tenant id from the request.
 */
@Service
@Transactional(readOnly = true)
public class ApiDirectory {

    private final DSLContext dsl;

    ApiDirectory(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Map<UUID, OffsetDateTime> workstreamsUpdated(Collection<UUID> ids) {
        return dsl.select(WORKSTREAM.ID, WORKSTREAM.UPDATED_AT).from(WORKSTREAM).where(WORKSTREAM.ID.in(ids))
                .fetchMap(WORKSTREAM.ID, WORKSTREAM.UPDATED_AT);
    }

    /** Participations by the participant organization's id. */
    public Map<UUID, OffsetDateTime> participantsUpdated(WorkstreamRef ref) {
        return dsl.select(PARTICIPATION.PARTICIPANT_TENANT_ID, PARTICIPATION.UPDATED_AT).from(PARTICIPATION)
                .where(PARTICIPATION.TENANT_ID.eq(ref.tenantId()), PARTICIPATION.WORKSTREAM_ID.eq(ref.id()))
                .fetchMap(PARTICIPATION.PARTICIPANT_TENANT_ID, PARTICIPATION.UPDATED_AT);
    }

    public Map<UUID, OffsetDateTime> contributionsUpdated(WorkstreamRef ref) {
        return dsl.select(CONTRIBUTION.ID, CONTRIBUTION.UPDATED_AT).from(CONTRIBUTION)
                .where(CONTRIBUTION.TENANT_ID.eq(ref.tenantId()), CONTRIBUTION.WORKSTREAM_ID.eq(ref.id()))
                .fetchMap(CONTRIBUTION.ID, CONTRIBUTION.UPDATED_AT);
    }

    public Map<UUID, OffsetDateTime> milestonesUpdated(WorkstreamRef ref) {
        return dsl.select(MILESTONE.ID, MILESTONE.UPDATED_AT).from(MILESTONE)
                .where(MILESTONE.TENANT_ID.eq(ref.tenantId()), MILESTONE.WORKSTREAM_ID.eq(ref.id()))
                .fetchMap(MILESTONE.ID, MILESTONE.UPDATED_AT);
    }

    public Map<UUID, OffsetDateTime> indicatorsUpdated(WorkstreamRef ref) {
        return dsl.select(INDICATOR.ID, INDICATOR.UPDATED_AT).from(INDICATOR)
                .where(INDICATOR.TENANT_ID.eq(ref.tenantId()), INDICATOR.WORKSTREAM_ID.eq(ref.id()))
                .fetchMap(INDICATOR.ID, INDICATOR.UPDATED_AT);
    }

    public Map<UUID, OffsetDateTime> measurementsUpdated(WorkstreamRef ref, UUID indicatorId) {
        return dsl.select(MEASUREMENT.ID, MEASUREMENT.UPDATED_AT).from(MEASUREMENT)
                .where(MEASUREMENT.TENANT_ID.eq(ref.tenantId()), MEASUREMENT.INDICATOR_ID.eq(indicatorId))
                .fetchMap(MEASUREMENT.ID, MEASUREMENT.UPDATED_AT);
    }

    /** The workstream of a contribution the caller may see; empty when it may not (or it does not exist). */
    public Optional<WorkstreamRef> workstreamOfContribution(UUID contributionId) {
        return dsl.select(CONTRIBUTION.TENANT_ID, CONTRIBUTION.WORKSTREAM_ID).from(CONTRIBUTION)
                .where(CONTRIBUTION.ID.eq(contributionId)).fetchOptional(r -> new WorkstreamRef(r.value1(), r.value2()));
    }

    /** The workstream of an indicator the caller may see; empty when it may not (or it does not exist). */
    public Optional<WorkstreamRef> workstreamOfIndicator(UUID indicatorId) {
        return dsl.select(INDICATOR.TENANT_ID, INDICATOR.WORKSTREAM_ID).from(INDICATOR)
                .where(INDICATOR.ID.eq(indicatorId)).fetchOptional(r -> new WorkstreamRef(r.value1(), r.value2()));
    }
}
