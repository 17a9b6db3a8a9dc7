package org.entente.workstream;

import static org.entente.db.jooq.Tables.ASSESSMENT_RATING;
import static org.entente.db.jooq.Tables.ENGAGEMENT;
import static org.entente.db.jooq.Tables.INDICATOR;
import static org.entente.db.jooq.Tables.INITIATIVE;
import static org.entente.db.jooq.Tables.OBJECTIVE;
import static org.entente.db.jooq.Tables.RND_PROJECT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.entente.engagement.EngagementType;
import org.entente.engagement.RiskRating;
import org.entente.engagement.VettingStatus;
import org.entente.initiative.Mechanism;
import org.entente.platform.i18n.Text;
import org.entente.platform.validation.InvalidInput;
import org.entente.platform.validation.PlainText;
import org.entente.rnd.TechnologyArea;
import org.entente.tenant.TenantKind;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Component;

/** Stores the kind-specific part of a workstream; the common part is WorkstreamService's. */
@Component
class WorkstreamDetailsStore {

    static final Set<TenantKind> NON_STATE_KINDS =
            Set.of(TenantKind.NGO, TenantKind.PRIVATE_SECURITY, TenantKind.CORPORATION, TenantKind.ACADEMIA);

    static final int NAME_MAX = 200;
    static final int TERMS_MAX = 10_000;

    private final DSLContext dsl;
    private final PartnerDirectory partners;

    WorkstreamDetailsStore(DSLContext dsl, PartnerDirectory partners) {
        this.dsl = dsl;
        this.partners = partners;
    }

    void validate(KindDetails details, InvalidInput.Collector errors) {
        switch (details) {
            case KindDetails.Initiative i -> {
                errors.check(i.mechanism() != null, "mechanism", "initiative.error.mechanismMissing");
                errors.check(i.objectives().stream().allMatch(o -> o.strip().length() <= 500), "objectives",
                        "initiative.error.objectiveTooLong");
                errors.check(i.objectives().stream().allMatch(PlainText::storable), "objectives", PlainText.MESSAGE);
            }
            case KindDetails.RndProject r -> {
                errors.check(r.technologyArea() != null, "technologyArea", "rnd.error.technologyAreaMissing");
                errors.check(trl(r.trlStart()), "trlStart", "rnd.error.trlRange");
                errors.check(trl(r.trlCurrent()), "trlCurrent", "rnd.error.trlRange");
                errors.check(trl(r.trlTarget()), "trlTarget", "rnd.error.trlRange");
                errors.check(r.trlTarget() >= r.trlStart(), "trlTarget", "rnd.error.trlTargetBelowStart");
                text(errors, "backgroundIpTerms", r.backgroundIpTerms(), TERMS_MAX, "rnd.inSentence.backgroundIpTerms");
                text(errors, "foregroundIpTerms", r.foregroundIpTerms(), TERMS_MAX, "rnd.inSentence.foregroundIpTerms");
            }
            case KindDetails.Engagement e -> {
                boolean tenantParty = e.partyTenantId() != null;
                boolean namedParty = e.partyName() != null && !e.partyName().isBlank();
                errors.check(tenantParty != namedParty, "party", "engagement.error.partyEitherOr");
                if (tenantParty) {
                    errors.check(partners.find(e.partyTenantId()).map(p -> NON_STATE_KINDS.contains(p.kind()))
                            .orElse(false), "party", "engagement.error.partyNotNonState");
                }
                text(errors, "party", e.partyName(), NAME_MAX, "engagement.inSentence.partyName");
                text(errors, "agreementReference", e.agreementReference(), NAME_MAX,
                        "engagement.inSentence.agreementReference");
                text(errors, "outcomes", e.outcomes(), TERMS_MAX, "engagement.inSentence.outcomes");
                errors.check(e.engagementType() != null, "engagementType", "engagement.error.typeMissing");
                errors.check(e.agreementValidFrom() == null || e.agreementValidTo() == null
                                || !e.agreementValidTo().isBefore(e.agreementValidFrom()), "agreementValidTo",
                        "engagement.error.agreementEndsBeforeStart");
            }
        }
    }

    /**
     * Free text: at most {@code max} characters once trimmed (as stored), and storable as typed. {@code whatKey}
     * names the field inside the message ("the outcomes").
     */
    private static void text(InvalidInput.Collector errors, String field, String value, int max, String whatKey) {
        errors.check(value == null || value.strip().length() <= max, field, "workstream.error.textTooLong",
                        Text.of(whatKey), max)
                .check(PlainText.storable(value), field, PlainText.MESSAGE);
    }

    private static boolean trl(int value) {
        return value >= 1 && value <= 9;
    }

    void insert(WorkstreamRef ref, KindDetails details) {
        switch (details) {
            case KindDetails.Initiative i -> {
                dsl.insertInto(INITIATIVE)
                        .set(INITIATIVE.TENANT_ID, ref.tenantId())
                        .set(INITIATIVE.WORKSTREAM_ID, ref.id())
                        .set(INITIATIVE.MECHANISM, i.mechanism().name())
                        .execute();
                saveObjectives(ref, i.objectives());
            }
            case KindDetails.RndProject r -> dsl.insertInto(RND_PROJECT)
                    .set(RND_PROJECT.TENANT_ID, ref.tenantId())
                    .set(RND_PROJECT.WORKSTREAM_ID, ref.id())
                    .set(fields(r))
                    .execute();
            case KindDetails.Engagement e -> dsl.insertInto(ENGAGEMENT)
                    .set(ENGAGEMENT.TENANT_ID, ref.tenantId())
                    .set(ENGAGEMENT.WORKSTREAM_ID, ref.id())
                    .set(fields(e))
                    .execute();
        }
    }

    void update(WorkstreamRef ref, KindDetails details) {
        switch (details) {
            case KindDetails.Initiative i -> {
                dsl.update(INITIATIVE).set(INITIATIVE.MECHANISM, i.mechanism().name())
                        .where(INITIATIVE.TENANT_ID.eq(ref.tenantId()), INITIATIVE.WORKSTREAM_ID.eq(ref.id()))
                        .execute();
                saveObjectives(ref, i.objectives());
            }
            case KindDetails.RndProject r -> dsl.update(RND_PROJECT)
                    .set(fields(r))
                    .where(RND_PROJECT.TENANT_ID.eq(ref.tenantId()), RND_PROJECT.WORKSTREAM_ID.eq(ref.id()))
                    .execute();
            case KindDetails.Engagement e -> dsl.update(ENGAGEMENT)
                    .set(fields(e))
                    .where(ENGAGEMENT.TENANT_ID.eq(ref.tenantId()), ENGAGEMENT.WORKSTREAM_ID.eq(ref.id()))
                    .execute();
        }
    }

    /** Empty when the signed-in tenant may see only the workstream's summary (an open invitation). */
    Optional<KindDetails> load(WorkstreamRef ref, WorkstreamKind kind) {
        return switch (kind) {
            case INITIATIVE -> dsl.selectFrom(INITIATIVE)
                    .where(INITIATIVE.TENANT_ID.eq(ref.tenantId()), INITIATIVE.WORKSTREAM_ID.eq(ref.id()))
                    .fetchOptional()
                    .map(r -> new KindDetails.Initiative(Mechanism.valueOf(r.getMechanism()), objectives(ref)));
            case RND_PROJECT -> dsl.selectFrom(RND_PROJECT)
                    .where(RND_PROJECT.TENANT_ID.eq(ref.tenantId()), RND_PROJECT.WORKSTREAM_ID.eq(ref.id()))
                    .fetchOptional()
                    .map(r -> new KindDetails.RndProject(TechnologyArea.valueOf(r.getTechnologyArea()),
                            r.getTrlStart(), r.getTrlCurrent(), r.getTrlTarget(), r.getBackgroundIpTerms(),
                            r.getForegroundIpTerms()));
            case ENGAGEMENT -> dsl.selectFrom(ENGAGEMENT)
                    .where(ENGAGEMENT.TENANT_ID.eq(ref.tenantId()), ENGAGEMENT.WORKSTREAM_ID.eq(ref.id()))
                    .fetchOptional()
                    .map(r -> new KindDetails.Engagement(r.getPartyTenantId(), r.getPartyName(),
                            EngagementType.valueOf(r.getEngagementType()), VettingStatus.valueOf(r.getVettingStatus()),
                            r.getAgreementReference(), r.getAgreementValidFrom(), r.getAgreementValidTo(),
                            r.getRiskRating() == null ? null : RiskRating.valueOf(r.getRiskRating()), r.getOutcomes()));
        };
    }

    private List<String> objectives(WorkstreamRef ref) {
        return dsl.select(OBJECTIVE.TEXT).from(OBJECTIVE)
                .where(OBJECTIVE.TENANT_ID.eq(ref.tenantId()), OBJECTIVE.WORKSTREAM_ID.eq(ref.id()))
                .orderBy(OBJECTIVE.POSITION, OBJECTIVE.CREATED_AT, OBJECTIVE.ID)
                .fetch(OBJECTIVE.TEXT);
    }

    /**
     * Saves the initiative's objectives in place, since indicators and assessment ratings hang off their rows: an
     * objective whose text is unchanged keeps its row (wherever it moved in the list), an edited one keeps the row at
     * its place among the rest, further ones are added, and the rows left over are deleted, unless indicators measure
     * them (deleting would delete the indicators and their measurements with them): then nothing is saved.
     */
    private void saveObjectives(WorkstreamRef ref, List<String> objectives) {
        List<String> wanted = objectives.stream().filter(o -> o != null && !o.isBlank()).map(String::strip).toList();
        List<StoredObjective> stored = dsl.select(OBJECTIVE.ID, OBJECTIVE.TEXT).from(OBJECTIVE)
                .where(OBJECTIVE.TENANT_ID.eq(ref.tenantId()), OBJECTIVE.WORKSTREAM_ID.eq(ref.id()))
                .orderBy(OBJECTIVE.POSITION, OBJECTIVE.CREATED_AT, OBJECTIVE.ID)
                .fetch(r -> new StoredObjective(r.value1(), r.value2()));

        // First the unchanged texts, then the edited ones by their place among what is left.
        StoredObjective[] kept = new StoredObjective[wanted.size()];
        List<StoredObjective> unmatched = new ArrayList<>(stored);
        for (int i = 0; i < wanted.size(); i++) {
            String text = wanted.get(i);
            Optional<StoredObjective> same = unmatched.stream().filter(o -> o.text().equals(text)).findFirst();
            if (same.isPresent()) {
                kept[i] = same.get();
                unmatched.remove(same.get());
            }
        }
        for (int i = 0; i < wanted.size() && !unmatched.isEmpty(); i++) {
            if (kept[i] == null) {
                kept[i] = unmatched.removeFirst();
            }
        }

        if (!unmatched.isEmpty()) {
            Set<UUID> measured = Set.copyOf(dsl.selectDistinct(INDICATOR.OBJECTIVE_ID).from(INDICATOR)
                    .where(INDICATOR.TENANT_ID.eq(ref.tenantId()), INDICATOR.WORKSTREAM_ID.eq(ref.id()),
                            INDICATOR.OBJECTIVE_ID.in(unmatched.stream().map(StoredObjective::id).toList()))
                    .fetch(INDICATOR.OBJECTIVE_ID));
            unmatched.stream().filter(o -> measured.contains(o.id())).findFirst().ifPresent(o -> {
                throw InvalidInput.of("objectives", "initiative.error.objectiveHasIndicators",
                        stored.indexOf(o) + 1);
            });
            // An assessment's rating of the objective would go with it (the database refuses that too).
            Set<UUID> rated = Set.copyOf(dsl.selectDistinct(ASSESSMENT_RATING.OBJECTIVE_ID).from(ASSESSMENT_RATING)
                    .where(ASSESSMENT_RATING.TENANT_ID.eq(ref.tenantId()), ASSESSMENT_RATING.WORKSTREAM_ID.eq(ref.id()),
                            ASSESSMENT_RATING.OBJECTIVE_ID.in(unmatched.stream().map(StoredObjective::id).toList()))
                    .fetch(ASSESSMENT_RATING.OBJECTIVE_ID));
            unmatched.stream().filter(o -> rated.contains(o.id())).findFirst().ifPresent(o -> {
                throw InvalidInput.of("objectives", "initiative.error.objectiveRated", stored.indexOf(o) + 1);
            });
            dsl.deleteFrom(OBJECTIVE)
                    .where(OBJECTIVE.TENANT_ID.eq(ref.tenantId()), OBJECTIVE.WORKSTREAM_ID.eq(ref.id()),
                            OBJECTIVE.ID.in(unmatched.stream().map(StoredObjective::id).toList()))
                    .execute();
        }

        for (int position = 0; position < wanted.size(); position++) {
            String text = wanted.get(position);
            StoredObjective row = kept[position];
            if (row == null) {
                dsl.insertInto(OBJECTIVE)
                        .set(OBJECTIVE.TENANT_ID, ref.tenantId())
                        .set(OBJECTIVE.WORKSTREAM_ID, ref.id())
                        .set(OBJECTIVE.ID, UUID.randomUUID())
                        .set(OBJECTIVE.POSITION, position)
                        .set(OBJECTIVE.TEXT, text)
                        .execute();
            } else {
                var update = dsl.update(OBJECTIVE).set(OBJECTIVE.POSITION, position);
                if (!row.text().equals(text)) {
                    update = update.set(OBJECTIVE.TEXT, text).set(OBJECTIVE.VERSION, OBJECTIVE.VERSION.plus(1));
                }
                update.where(OBJECTIVE.TENANT_ID.eq(ref.tenantId()), OBJECTIVE.WORKSTREAM_ID.eq(ref.id()),
                                OBJECTIVE.ID.eq(row.id()))
                        .execute();
            }
        }
    }

    private record StoredObjective(UUID id, String text) {
    }

    private static Map<Field<?>, Object> fields(KindDetails.RndProject r) {
        Map<Field<?>, Object> fields = new LinkedHashMap<>();
        fields.put(RND_PROJECT.TECHNOLOGY_AREA, r.technologyArea().name());
        fields.put(RND_PROJECT.TRL_START, (short) r.trlStart());
        fields.put(RND_PROJECT.TRL_CURRENT, (short) r.trlCurrent());
        fields.put(RND_PROJECT.TRL_TARGET, (short) r.trlTarget());
        fields.put(RND_PROJECT.BACKGROUND_IP_TERMS, r.backgroundIpTerms());
        fields.put(RND_PROJECT.FOREGROUND_IP_TERMS, r.foregroundIpTerms());
        return fields;
    }

    private static Map<Field<?>, Object> fields(KindDetails.Engagement e) {
        Map<Field<?>, Object> fields = new LinkedHashMap<>();
        fields.put(ENGAGEMENT.PARTY_TENANT_ID, e.partyTenantId());
        fields.put(ENGAGEMENT.PARTY_NAME, blankToNull(e.partyName()));
        fields.put(ENGAGEMENT.ENGAGEMENT_TYPE, e.engagementType().name());
        fields.put(ENGAGEMENT.VETTING_STATUS, (e.vettingStatus() == null ? VettingStatus.NOT_STARTED : e.vettingStatus()).name());
        fields.put(ENGAGEMENT.AGREEMENT_REFERENCE, blankToNull(e.agreementReference()));
        fields.put(ENGAGEMENT.AGREEMENT_VALID_FROM, e.agreementValidFrom());
        fields.put(ENGAGEMENT.AGREEMENT_VALID_TO, e.agreementValidTo());
        fields.put(ENGAGEMENT.RISK_RATING, e.riskRating() == null ? null : e.riskRating().name());
        fields.put(ENGAGEMENT.OUTCOMES, blankToNull(e.outcomes()));
        return fields;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
