package org.entente.contribution;

import static org.entente.db.jooq.Tables.CONTRIBUTION;
import static org.entente.db.jooq.Tables.VALUATION_RATE;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.entente.activity.ActivityFeed;
import org.entente.db.jooq.tables.records.ContributionRecord;
import org.entente.db.tenancy.Actor;
import org.entente.db.tenancy.ActorSource;
import org.entente.label.ExportLabels;
import org.entente.platform.csv.SpreadsheetCsv;
import org.entente.label.standard.ConfidentialityLabel;
import org.entente.platform.audit.AuditTrail;
import org.entente.platform.i18n.Text;
import org.entente.platform.live.WorkstreamChanged;
import org.entente.platform.validation.ConcurrentEditException;
import org.entente.platform.validation.InvalidInput;
import org.entente.platform.validation.NotAllowed;
import org.entente.platform.validation.PlainText;
import org.entente.platform.validation.SqlState;
import org.entente.workstream.Participant;
import org.entente.workstream.Partner;
import org.entente.workstream.PartnerDirectory;
import org.entente.workstream.Releasability;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamRef;
import org.entente.workstream.WorkstreamService;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pledges and deliveries. Row-level security shows each tenant only the contributions whose releasability
 * includes it; the EUR values are computed by the database from the valuation-rate table. Reading another
 * tenant's contributions is written to that tenant's access ledger.
 *
 * <p>Every contribution carries the date it was pledged and the date of its last delivery (none while
 * nothing is delivered); neither lies in the future, and no delivery comes before its pledge. This
 * service writes both dates itself (the database would otherwise date a delivery today).
 */
@Service
public class ContributionService {

    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

    private final DSLContext dsl;
    private final ActorSource actors;
    private final PartnerDirectory partners;
    private final WorkstreamService workstreams;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final ActivityFeed activity;
    private final ExportLabels labels;
    private final Clock clock = Clock.systemDefaultZone();

    ContributionService(DSLContext dsl, ActorSource actors, PartnerDirectory partners, WorkstreamService workstreams,
            AuditTrail audit, ApplicationEventPublisher events, ActivityFeed activity, ExportLabels labels) {
        this.dsl = dsl;
        this.actors = actors;
        this.partners = partners;
        this.workstreams = workstreams;
        this.audit = audit;
        this.events = events;
        this.activity = activity;
        this.labels = labels;
    }

    /** The date pledges and deliveries are checked against (none may lie after it). */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    @Transactional(readOnly = true)
    public List<ValuationRate> units() {
        return dsl.selectFrom(VALUATION_RATE).orderBy(VALUATION_RATE.UNIT)
                .fetch(r -> new ValuationRate(r.getUnit(), r.getEurPerUnit(), r.getLabel()));
    }

    /** The workstream's contributions the signed-in tenant may see; foreign ones are ledgered as read. */
    @Transactional
    public List<Contribution> of(WorkstreamRef ref) {
        Map<UUID, Partner> directory = partners.byId();
        List<Contribution> contributions = dsl.selectFrom(CONTRIBUTION)
                .where(CONTRIBUTION.TENANT_ID.eq(ref.tenantId()), CONTRIBUTION.WORKSTREAM_ID.eq(ref.id()))
                .orderBy(CONTRIBUTION.PLEDGED_ON, CONTRIBUTION.CREATED_AT)
                .fetch(r -> toContribution(r, directory));
        ledger(ref, contributions, "READ");
        return contributions;
    }

    /**
     * The workstream's contributions the signed-in tenant may see, as CSV (UTF-8, one row per contribution), for an
     * organization taking part in it (its lead or an accepted participant); anyone else is refused before anything is
     * read or recorded. Exports of other tenants' contributions are written to their access ledgers and to the audit
     * log.
     */
    @Transactional
    public byte[] exportCsv(WorkstreamRef ref) {
        return export(ref).csv();
    }

    /**
     * The same export with its confidentiality label, as the UI offers it: a zip of {@code contributions.csv} and
     * its label ({@link ExportLabels#zip}).
     */
    @Transactional
    public ExportLabels.LabelledFile exportLabelled(WorkstreamRef ref) {
        Export export = export(ref);
        return labels.zip("contributions.csv", "text/csv", export.csv(), export.label());
    }

    private static final List<String> CSV_COLUMNS = List.of("contributor", "type", "description", "unit", "pledged",
            "delivered", "pledged_eur", "delivered_eur", "pledged_on", "delivered_on", "releasability");

    private record Export(byte[] csv, ConfidentialityLabel label) {
    }

    private Export export(WorkstreamRef ref) {
        Actor actor = actor();
        Set<UUID> participants = new HashSet<>();
        participants.add(ref.tenantId());
        workstreams.participants(ref).stream()
                .filter(p -> p.status() == Participant.ParticipationStatus.ACCEPTED)
                .forEach(p -> participants.add(p.partner().id()));
        // Row-level security already hides what the reader may not see; an organization outside the workstream
        // (invited, withdrawn, or never part of it) has no business exporting it, not even an empty file.
        if (!participants.contains(actor.tenantId())) {
            throw new NotAllowed("contribution.error.exportNotParticipant");
        }
        Workstream workstream = workstreams.get(ref.id())
                .orElseThrow(() -> new NotAllowed("contribution.error.exportNotParticipant"));
        Map<UUID, Partner> directory = partners.byId();
        List<Contribution> visible = dsl.selectFrom(CONTRIBUTION)
                .where(CONTRIBUTION.TENANT_ID.eq(ref.tenantId()), CONTRIBUTION.WORKSTREAM_ID.eq(ref.id()))
                .orderBy(CONTRIBUTION.PLEDGED_ON, CONTRIBUTION.CREATED_AT)
                .fetch(r -> toContribution(r, directory));
        List<List<?>> rows = new ArrayList<>();
        List<ExportLabels.Released> released = new ArrayList<>();
        released.add(new ExportLabels.Released(workstream.releasability(), workstream.relTo(), ref.tenantId()));
        for (Contribution c : visible) {
            rows.add(Arrays.asList(SpreadsheetCsv.defused(c.contributor().name()), c.type().name(),
                    SpreadsheetCsv.defused(c.description()), c.unit(), c.pledgedAmount().toPlainString(),
                    c.deliveredAmount().toPlainString(), c.pledgedEur().toPlainString(), c.deliveredEur().toPlainString(),
                    c.pledgedOn(), c.deliveredOn(),
                    SpreadsheetCsv.defused(partners.marking(c.releasability(), c.relTo(), c.contributor().id()))));
            released.add(new ExportLabels.Released(c.releasability(), c.relTo(), c.contributor().id()));
        }
        ledger(ref, visible, "EXPORT");
        audit.record("EXPORT", "contribution", ref.id(), null, Map.of("rows", visible.size()));
        return new Export(SpreadsheetCsv.write(CSV_COLUMNS, rows), labels.label(released, participants, actor.tenantId()));
    }

    /** The access ledger: which other tenants read or exported the signed-in tenant's contributions. */
    @Transactional(readOnly = true)
    public List<ContributionAccess> accessLedger(int limit) {
        Map<UUID, Partner> directory = partners.byId();
        var ledger = org.entente.db.jooq.Tables.CONTRIBUTION_ACCESS;
        var workstream = org.entente.db.jooq.Tables.WORKSTREAM;
        return dsl.select(ledger.AT, ledger.READER_TENANT_ID, ledger.ACTION, ledger.WORKSTREAM_ID, workstream.TITLE,
                        ledger.CONTRIBUTION_ID)
                .from(ledger).leftJoin(workstream)
                .on(workstream.TENANT_ID.eq(ledger.WORKSTREAM_TENANT_ID), workstream.ID.eq(ledger.WORKSTREAM_ID))
                .orderBy(ledger.AT.desc(), ledger.ID.desc())
                .limit(limit)
                .fetch(r -> new ContributionAccess(r.value1(),
                        directory.getOrDefault(r.value2(), PartnerDirectory.unknown(r.value2())), r.value3(), r.value4(),
                        r.value5(), r.value6()));
    }

    /**
     * Pledges a contribution: dated today unless the draft says otherwise; a delivered amount given with it is
     * dated today unless a delivery date is given.
     */
    @Transactional
    public Contribution pledge(WorkstreamRef ref, ContributionDraft draft) {
        return pledge(ref, draft, null);
    }

    /**
     * Pledges a contribution as {@link #pledge(WorkstreamRef, ContributionDraft)} does, with the contributor's own
     * reference for it (a spreadsheet import's: the next import of the same row finds it by that reference).
     */
    @Transactional
    public Contribution pledge(WorkstreamRef ref, ContributionDraft draft, String externalRef) {
        Actor actor = actor();
        LocalDate pledgedOn = draft.pledgedOn() == null ? today() : draft.pledgedOn();
        BigDecimal delivered = draft.deliveredAmount() == null ? BigDecimal.ZERO : draft.deliveredAmount();
        LocalDate deliveredOn = draft.deliveredOn() == null && delivered.signum() > 0 ? today() : draft.deliveredOn();
        validate(ref, draft, pledgedOn, deliveredOn);
        UUID id = UUID.randomUUID();
        try {
            explicitDates();
            dsl.insertInto(CONTRIBUTION)
                    .set(CONTRIBUTION.TENANT_ID, ref.tenantId())
                    .set(CONTRIBUTION.WORKSTREAM_ID, ref.id())
                    .set(CONTRIBUTION.ID, id)
                    .set(CONTRIBUTION.CONTRIBUTOR_TENANT_ID, actor.tenantId())
                    .set(CONTRIBUTION.TYPE, draft.type().name())
                    .set(CONTRIBUTION.DESCRIPTION, draft.description() == null ? null : draft.description().strip())
                    .set(CONTRIBUTION.UNIT, draft.unit())
                    .set(CONTRIBUTION.PLEDGED_AMOUNT, draft.pledgedAmount())
                    .set(CONTRIBUTION.DELIVERED_AMOUNT, delivered)
                    .set(CONTRIBUTION.PLEDGED_ON, pledgedOn)
                    .set(CONTRIBUTION.DELIVERED_ON, deliveredOn)
                    .set(CONTRIBUTION.RELEASABILITY, draft.releasability().name())
                    .set(CONTRIBUTION.REL_TO, draft.releasability() == Releasability.REL_TO
                            ? draft.relTo().toArray(UUID[]::new) : new UUID[0])
                    .set(CONTRIBUTION.CREATED_BY, actor.memberId())
                    .set(CONTRIBUTION.EXTERNAL_REF, externalRef)
                    .execute();
        } catch (RuntimeException e) {
            if (SqlState.is(e, SqlState.INSUFFICIENT_PRIVILEGE)) {
                throw new NotAllowed("contribution.error.notParticipant");
            }
            throw e;
        }
        audit.record("CREATE", "contribution", id, null, snapshot(draft, pledgedOn, deliveredOn));
        activity.record(ref, "pledged", Text.of("activity.summary.pledged", draft.pledgedAmount(),
                        unitInSentence(draft.unit()), ActivityFeed.inSentence(draft.type())),
                "contribution", id, actor.tenantId(),
                draft.releasability(), draft.relTo());
        events.publishEvent(new WorkstreamChanged(ref.id(), "contributions"));
        return dsl.selectFrom(CONTRIBUTION).where(CONTRIBUTION.TENANT_ID.eq(ref.tenantId()), CONTRIBUTION.ID.eq(id))
                .fetchSingle(r -> toContribution(r, partners.byId()));
    }

    /** Records what has been delivered so far, dated as {@link #recordDelivery(Contribution, BigDecimal, LocalDate)} does. */
    @Transactional
    public Contribution recordDelivery(Contribution current, BigDecimal deliveredAmount) {
        return recordDelivery(current, deliveredAmount, null);
    }

    /**
     * Records what has been delivered so far and when it was last delivered; the second of two concurrent
     * savers is told, not overwritten. Without a date, more than before is a delivery today, less (a
     * correction) keeps the last delivery date, nothing clears it.
     */
    @Transactional
    public Contribution recordDelivery(Contribution current, BigDecimal deliveredAmount, LocalDate deliveredOn) {
        Actor actor = actor();
        if (!current.contributor().id().equals(actor.tenantId())) {
            throw new NotAllowed("contribution.error.notContributor");
        }
        new InvalidInput.Collector()
                .check(deliveredAmount != null && deliveredAmount.signum() >= 0, "deliveredAmount",
                        "contribution.error.deliveredMissing")
                .check(deliveredAmount == null || deliveredAmount.compareTo(MAX_AMOUNT) < 0, "deliveredAmount",
                        "contribution.error.amountTooLarge")
                .throwIfAny();
        LocalDate date = deliveredOn;
        if (date == null && deliveredAmount.signum() > 0) {
            boolean more = deliveredAmount.compareTo(current.deliveredAmount()) > 0;
            date = more || current.deliveredOn() == null ? today() : current.deliveredOn();
        }
        InvalidInput.Collector errors = new InvalidInput.Collector();
        checkDates(errors, current.pledgedOn(), deliveredAmount, date);
        errors.throwIfAny();
        explicitDates();
        int updated = dsl.update(CONTRIBUTION)
                .set(CONTRIBUTION.DELIVERED_AMOUNT, deliveredAmount)
                .set(CONTRIBUTION.DELIVERED_ON, date)
                .set(CONTRIBUTION.VERSION, CONTRIBUTION.VERSION.plus(1))
                .set(CONTRIBUTION.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(CONTRIBUTION.TENANT_ID.eq(current.workstream().tenantId()), CONTRIBUTION.ID.eq(current.id()),
                        CONTRIBUTION.VERSION.eq(current.version()))
                .execute();
        if (updated == 0) {
            throw new ConcurrentEditException("record.contribution");
        }
        audit.record("UPDATE", "contribution", current.id(), delivery(current.deliveredAmount(), current.deliveredOn()),
                delivery(deliveredAmount, date));
        activity.record(current.workstream(), "delivered", Text.of("activity.summary.delivered", deliveredAmount,
                        unitInSentence(current.unit())), "contribution", current.id(), actor.tenantId(),
                current.releasability(), current.relTo());
        events.publishEvent(new WorkstreamChanged(current.workstream().id(), "contributions"));
        return dsl.selectFrom(CONTRIBUTION)
                .where(CONTRIBUTION.TENANT_ID.eq(current.workstream().tenantId()), CONTRIBUTION.ID.eq(current.id()))
                .fetchSingle(r -> toContribution(r, partners.byId()));
    }

    /**
     * Checks a draft by the rules {@link #pledge} applies, storing nothing: an import's preview says per row what a
     * pledge would refuse. Dates left out are today's, as in a pledge.
     *
     * @throws InvalidInput the problems, per field
     */
    @Transactional(readOnly = true)
    public void check(WorkstreamRef ref, ContributionDraft draft) {
        LocalDate pledgedOn = draft.pledgedOn() == null ? today() : draft.pledgedOn();
        BigDecimal delivered = draft.deliveredAmount() == null ? BigDecimal.ZERO : draft.deliveredAmount();
        validate(ref, draft, pledgedOn, draft.deliveredOn() == null && delivered.signum() > 0 ? today() : draft.deliveredOn());
    }

    /**
     * The signed-in organization's contributions to the workstream that carry its own reference (from an earlier
     * import), by that reference.
     */
    @Transactional(readOnly = true)
    public Map<String, Contribution> byReference(WorkstreamRef ref) {
        UUID tenant = actor().tenantId();
        Map<UUID, Partner> directory = partners.byId();
        Map<String, Contribution> byReference = new LinkedHashMap<>();
        dsl.selectFrom(CONTRIBUTION)
                .where(CONTRIBUTION.TENANT_ID.eq(ref.tenantId()), CONTRIBUTION.WORKSTREAM_ID.eq(ref.id()),
                        CONTRIBUTION.CONTRIBUTOR_TENANT_ID.eq(tenant), CONTRIBUTION.EXTERNAL_REF.isNotNull())
                .forEach(r -> byReference.put(r.getExternalRef(), toContribution(r, directory)));
        return byReference;
    }

    /**
     * Replaces what the contributor said of a contribution (an import's changed row): type and unit stay (they decide
     * what the figures mean), the rest is the draft's, checked as a pledge is. The second of two concurrent savers is
     * told, not overwritten.
     */
    @Transactional
    public Contribution revise(Contribution current, ContributionDraft draft) {
        Actor actor = actor();
        if (!current.contributor().id().equals(actor.tenantId())) {
            throw new NotAllowed("contribution.error.notContributor");
        }
        LocalDate pledgedOn = draft.pledgedOn() == null ? current.pledgedOn() : draft.pledgedOn();
        BigDecimal delivered = draft.deliveredAmount() == null ? BigDecimal.ZERO : draft.deliveredAmount();
        LocalDate deliveredOn = draft.deliveredOn() == null && delivered.signum() > 0
                ? (current.deliveredOn() == null ? today() : current.deliveredOn()) : draft.deliveredOn();
        validate(current.workstream(), draft, pledgedOn, deliveredOn);
        explicitDates();
        int updated = dsl.update(CONTRIBUTION)
                .set(CONTRIBUTION.DESCRIPTION, draft.description() == null ? "" : draft.description().strip())
                .set(CONTRIBUTION.PLEDGED_AMOUNT, draft.pledgedAmount())
                .set(CONTRIBUTION.DELIVERED_AMOUNT, delivered)
                .set(CONTRIBUTION.PLEDGED_ON, pledgedOn)
                .set(CONTRIBUTION.DELIVERED_ON, deliveredOn)
                .set(CONTRIBUTION.RELEASABILITY, draft.releasability().name())
                .set(CONTRIBUTION.REL_TO, draft.releasability() == Releasability.REL_TO
                        ? draft.relTo().toArray(UUID[]::new) : new UUID[0])
                .set(CONTRIBUTION.VERSION, CONTRIBUTION.VERSION.plus(1))
                .where(CONTRIBUTION.TENANT_ID.eq(current.workstream().tenantId()), CONTRIBUTION.ID.eq(current.id()),
                        CONTRIBUTION.VERSION.eq(current.version()))
                .execute();
        if (updated == 0) {
            throw new ConcurrentEditException("record.contribution");
        }
        audit.record("UPDATE", "contribution", current.id(),
                snapshot(new ContributionDraft(current.type(), current.description(), current.unit(),
                        current.pledgedAmount(), current.deliveredAmount(), current.pledgedOn(), current.deliveredOn(),
                        current.releasability(), current.relTo()), current.pledgedOn(), current.deliveredOn()),
                snapshot(draft, pledgedOn, deliveredOn));
        activity.record(current.workstream(), "revised", Text.of("activity.summary.revised", draft.pledgedAmount(),
                        unitInSentence(current.unit()), ActivityFeed.inSentence(current.type())),
                "contribution", current.id(), actor.tenantId(), draft.releasability(), draft.relTo());
        events.publishEvent(new WorkstreamChanged(current.workstream().id(), "contributions"));
        return dsl.selectFrom(CONTRIBUTION)
                .where(CONTRIBUTION.TENANT_ID.eq(current.workstream().tenantId()), CONTRIBUTION.ID.eq(current.id()))
                .fetchSingle(r -> toContribution(r, partners.byId()));
    }

    private void validate(WorkstreamRef ref, ContributionDraft draft, LocalDate pledgedOn, LocalDate deliveredOn) {
        Set<String> units = new HashSet<>(dsl.select(VALUATION_RATE.UNIT).from(VALUATION_RATE).fetch(VALUATION_RATE.UNIT));
        InvalidInput.Collector errors = new InvalidInput.Collector()
                .check(draft.type() != null, "type", "contribution.error.typeMissing")
                .check(draft.pledgedAmount() != null, "pledgedAmount", "contribution.error.amountMissing")
                .check(draft.pledgedAmount() == null || draft.pledgedAmount().signum() >= 0, "pledgedAmount",
                        "contribution.error.negative")
                .check(draft.pledgedAmount() == null || draft.pledgedAmount().compareTo(MAX_AMOUNT) < 0,
                        "pledgedAmount", "contribution.error.amountTooLarge")
                .check(draft.deliveredAmount() == null || draft.deliveredAmount().signum() >= 0, "deliveredAmount",
                        "contribution.error.negative")
                .check(draft.description() == null || draft.description().length() <= 1000, "description",
                        "contribution.error.descriptionTooLong")
                .check(PlainText.storable(draft.description()), "description", PlainText.MESSAGE)
                .check(draft.releasability() != null, "releasability", "contribution.error.releasabilityMissing")
                .check(draft.unit() != null && units.contains(draft.unit()), "unit",
                        "contribution.error.unknownCurrency", String.valueOf(draft.unit()))
                .check(!pledgedOn.isAfter(today()), "pledgedOn", "contribution.error.pledgeInFuture");
        if (draft.deliveredAmount() == null || draft.deliveredAmount().signum() >= 0) {
            checkDates(errors, pledgedOn, draft.deliveredAmount() == null ? BigDecimal.ZERO : draft.deliveredAmount(),
                    deliveredOn);
        }
        if (draft.type() != null && draft.unit() != null) {
            boolean personDays = ValuationRate.PERSON_DAY.equals(draft.unit());
            errors.check((draft.type() == ContributionType.PERSONNEL) == personDays, "unit",
                    draft.type() == ContributionType.PERSONNEL ? "contribution.error.personnelInPersonDays"
                            : "contribution.error.valueInCurrency");
        }
        if (draft.releasability() == Releasability.REL_TO) {
            Set<UUID> accepted = new HashSet<>();
            workstreams.participants(ref).stream()
                    .filter(p -> p.status() == Participant.ParticipationStatus.ACCEPTED)
                    .forEach(p -> accepted.add(p.partner().id()));
            errors.check(!draft.relTo().isEmpty(), "relTo", "contribution.error.relToMissing")
                    .check(accepted.containsAll(draft.relTo()), "relTo",
                            "contribution.error.relToOutside");
        }
        errors.throwIfAny();
    }

    /** The delivery date against the amount, the pledge date and today; {@code delivered} is zero or more. */
    private void checkDates(InvalidInput.Collector errors, LocalDate pledgedOn, BigDecimal delivered, LocalDate deliveredOn) {
        if (deliveredOn == null) {
            return;
        }
        errors.check(delivered.signum() > 0, "deliveredOn",
                        "contribution.error.nothingDelivered")
                .check(!deliveredOn.isAfter(today()), "deliveredOn", "contribution.error.deliveryInFuture")
                .check(!deliveredOn.isBefore(pledgedOn), "deliveredOn",
                        "contribution.error.deliveryBeforePledge", pledgedOn.toString());
    }

    /**
     * Tells the database that this transaction writes the contribution dates itself: its trigger would
     * otherwise date a growing delivery today even when the same date as the last one was chosen.
     */
    private void explicitDates() {
        dsl.select(DSL.function("set_config", SQLDataType.VARCHAR, DSL.val("app.explicit_dates"), DSL.val("on"),
                DSL.val(true))).fetch();
    }

    /** A unit after an amount in the feed: person-days in the reader's language, a currency code as it is. */
    private static Object unitInSentence(String unit) {
        return ValuationRate.PERSON_DAY.equals(unit) ? Text.of("contribution.unit.personDays") : unit;
    }

    private static Map<String, Object> delivery(BigDecimal amount, LocalDate on) {
        Map<String, Object> delivery = new LinkedHashMap<>();
        delivery.put("deliveredAmount", amount);
        delivery.put("deliveredOn", on == null ? null : on.toString());
        return delivery;
    }

    private void ledger(WorkstreamRef ref, List<Contribution> contributions, String action) {
        UUID tenant = actors.currentActor().map(Actor::tenantId).orElse(null);
        UUID[] foreign = contributions.stream().filter(c -> !c.contributor().id().equals(tenant))
                .map(Contribution::id).toArray(UUID[]::new);
        if (foreign.length > 0) {
            dsl.select(DSL.function("record_contribution_access", SQLDataType.INTEGER, DSL.val(ref.tenantId()),
                    DSL.val(ref.id()), DSL.val(foreign, SQLDataType.UUID.array()), DSL.val(action))).fetch();
        }
    }

    private Actor actor() {
        return actors.currentActor().orElseThrow(() -> new NotAllowed("contribution.error.signIn"));
    }

    private static Map<String, Object> snapshot(ContributionDraft draft, LocalDate pledgedOn, LocalDate deliveredOn) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("type", draft.type().name());
        snapshot.put("unit", draft.unit());
        snapshot.put("pledgedAmount", draft.pledgedAmount());
        snapshot.put("pledgedOn", pledgedOn.toString());
        if (deliveredOn != null) {
            snapshot.put("deliveredAmount", draft.deliveredAmount());
            snapshot.put("deliveredOn", deliveredOn.toString());
        }
        snapshot.put("releasability", draft.releasability().name());
        return snapshot;
    }

    private static Contribution toContribution(ContributionRecord r, Map<UUID, Partner> directory) {
        UUID[] relTo = r.getRelTo() == null ? new UUID[0] : r.getRelTo();
        return new Contribution(new WorkstreamRef(r.getTenantId(), r.getWorkstreamId()), r.getId(),
                directory.getOrDefault(r.getContributorTenantId(), PartnerDirectory.unknown(r.getContributorTenantId())),
                ContributionType.valueOf(r.getType()), r.getDescription(), r.getUnit(), r.getPledgedAmount(),
                r.getDeliveredAmount(), r.getPledgedEur(), r.getDeliveredEur(), r.getPledgedOn(), r.getDeliveredOn(),
                Releasability.valueOf(r.getReleasability()), Arrays.asList(relTo), r.getVersion());
    }
}
