package org.entente.initiative;

import static org.entente.db.jooq.Tables.INITIATIVE;
import static org.entente.db.jooq.Tables.INITIATIVE_OBJECTIVE;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.entente.activity.ActivityFeed;
import org.entente.db.tenancy.ActorSource;
import org.entente.platform.audit.AuditTrail;
import org.entente.platform.live.WorkstreamChanged;
import org.entente.platform.validation.InvalidInput;
import org.entente.platform.validation.NotAllowed;
import org.entente.platform.validation.PlainText;
import org.entente.workstream.Releasability;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamKind;
import org.entente.workstream.WorkstreamStatus;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The after-action assessment of a completed shared initiative: a rating per objective, lessons learned. */
@Service
public class AfterActionService {

    public record Assessment(List<Objective> objectives, String lessonsLearned, boolean assessed) {
    }

    private final DSLContext dsl;
    private final ActorSource actors;
    private final AuditTrail audit;
    private final ActivityFeed activity;
    private final ApplicationEventPublisher events;

    AfterActionService(DSLContext dsl, ActorSource actors, AuditTrail audit, ActivityFeed activity,
            ApplicationEventPublisher events) {
        this.dsl = dsl;
        this.actors = actors;
        this.audit = audit;
        this.activity = activity;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Optional<Assessment> of(Workstream initiative) {
        return dsl.selectFrom(INITIATIVE)
                .where(INITIATIVE.TENANT_ID.eq(initiative.ref().tenantId()), INITIATIVE.WORKSTREAM_ID.eq(initiative.id()))
                .fetchOptional()
                .map(r -> new Assessment(objectives(initiative), r.getLessonsLearned(), r.getAssessedAt() != null));
    }

    @Transactional
    public void record(Workstream initiative, Map<UUID, Integer> ratings, String lessonsLearned) {
        if (initiative.kind() != WorkstreamKind.INITIATIVE) {
            throw new IllegalArgumentException("Only shared initiatives have an after-action assessment");
        }
        if (!actors.currentActor().map(a -> a.tenantId().equals(initiative.ref().tenantId())).orElse(false)) {
            throw new NotAllowed("Only the lead organization records the after-action assessment.");
        }
        InvalidInput.Collector errors = new InvalidInput.Collector()
                .check(initiative.status() == WorkstreamStatus.COMPLETED, "status",
                        "The after-action assessment is recorded once the initiative is completed.")
                .check(lessonsLearned == null || lessonsLearned.length() <= 10_000, "lessonsLearned",
                        "Keep the lessons learned to 10000 characters.")
                .check(PlainText.storable(lessonsLearned), "lessonsLearned", PlainText.MESSAGE);
        ratings.forEach((objective, rating) -> errors.check(rating == null || (rating >= 1 && rating <= 5),
                "rating", "Rate each objective from 1 (not met) to 5 (fully met)."));
        errors.throwIfAny();
        for (Map.Entry<UUID, Integer> rating : ratings.entrySet()) {
            dsl.update(INITIATIVE_OBJECTIVE)
                    .set(INITIATIVE_OBJECTIVE.RATING, rating.getValue() == null ? null : rating.getValue().shortValue())
                    .where(INITIATIVE_OBJECTIVE.TENANT_ID.eq(initiative.ref().tenantId()),
                            INITIATIVE_OBJECTIVE.WORKSTREAM_ID.eq(initiative.id()),
                            INITIATIVE_OBJECTIVE.ID.eq(rating.getKey()))
                    .execute();
        }
        dsl.update(INITIATIVE)
                .set(INITIATIVE.LESSONS_LEARNED, lessonsLearned == null || lessonsLearned.isBlank() ? null : lessonsLearned.strip())
                .set(INITIATIVE.ASSESSED_AT, DSL.currentOffsetDateTime())
                .where(INITIATIVE.TENANT_ID.eq(initiative.ref().tenantId()), INITIATIVE.WORKSTREAM_ID.eq(initiative.id()))
                .execute();
        Map<String, Object> after = new LinkedHashMap<>();
        ratings.forEach((id, rating) -> after.put(id.toString(), rating));
        after.put("lessonsLearned", lessonsLearned);
        audit.record("AFTER_ACTION", "initiative", initiative.id(), null, after);
        activity.record(initiative.ref(), "assessed", "recorded the after-action assessment", "initiative",
                initiative.id(), initiative.ref().tenantId(), initiative.releasability(), initiative.relTo());
        events.publishEvent(new WorkstreamChanged(initiative.id(), "after action"));
    }

    private List<Objective> objectives(Workstream initiative) {
        return dsl.selectFrom(INITIATIVE_OBJECTIVE)
                .where(INITIATIVE_OBJECTIVE.TENANT_ID.eq(initiative.ref().tenantId()),
                        INITIATIVE_OBJECTIVE.WORKSTREAM_ID.eq(initiative.id()))
                .orderBy(INITIATIVE_OBJECTIVE.POSITION)
                .fetch(r -> new Objective(r.getId(), r.getText(), r.getRating() == null ? null : r.getRating().intValue()));
    }
}
