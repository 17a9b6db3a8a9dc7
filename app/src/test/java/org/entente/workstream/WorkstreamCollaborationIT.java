package org.entente.workstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.db.jooq.Tables.AUDIT_EVENT;
import static org.entente.db.jooq.Tables.CONTRIBUTION_ACCESS;
import static org.entente.db.jooq.Tables.NOTIFICATION;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.entente.contribution.Contribution;
import org.entente.contribution.ContributionDraft;
import org.entente.contribution.ContributionService;
import org.entente.contribution.ContributionType;
import org.entente.db.embedded.LocalPostgres;
import org.entente.db.tenancy.Actor;
import org.entente.engagement.EngagementType;
import org.entente.engagement.VettingStatus;
import org.entente.initiative.Mechanism;
import org.entente.milestone.MilestoneService;
import org.entente.platform.validation.ConcurrentEditException;
import org.entente.platform.validation.InvalidInput;
import org.entente.platform.validation.NotAllowed;
import org.entente.rnd.TechnologyArea;
import org.entente.platform.security.SignedInAs;
import org.entente.platform.security.SignedInUser;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.DemoActors;
import org.entente.testing.SuperuserDatabase;
import org.entente.workstream.Participant.ParticipantRole;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The collaboration rules on the real database, as the app's runtime role: participation, releasability,
 * bad input, concurrent edits, notifications, the access ledger and the audit log.
 */
class WorkstreamCollaborationIT extends AppIntegrationTest {

    static final Actor NORWAY = DemoActors.NORWAY;
    static final Actor KENYA = DemoActors.KENYA;
    static final Actor NATO = DemoActors.NATO;

    @Autowired
    WorkstreamService workstreams;
    @Autowired
    ContributionService contributions;
    @Autowired
    MilestoneService milestones;
    @Autowired
    DSLContext dsl;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    LocalPostgres postgres;
    @Autowired
    org.entente.tenant.TenantService tenants;

    SuperuserDatabase database;
    String marker;

    @BeforeEach
    void setUp() {
        database = new SuperuserDatabase(postgres);
        marker = "Exercise " + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aNonParticipantSeesNothingByListIdSearchOrChildRecords() {
        Workstream exercise = as(NORWAY, () -> workstreams.create(initiative(marker)));
        as(NORWAY, () -> milestones.add(exercise.ref(), "Planning conference", NORWAY.tenantId(), LocalDate.now().plusDays(3)));
        as(NORWAY, () -> contributions.pledge(exercise.ref(), funding("1000", "EUR", Releasability.PARTICIPANTS)));

        as(KENYA, () -> {
            assertThat(workstreams.find(new WorkstreamQuery(marker, null, null), 0, 50)).isEmpty();
            assertThat(workstreams.count(new WorkstreamQuery(marker, null, null))).isZero();
            assertThat(workstreams.get(exercise.id())).isEmpty();
            assertThat(workstreams.participants(exercise.ref())).isEmpty();
            assertThat(contributions.of(exercise.ref())).isEmpty();
            assertThat(milestones.of(exercise.ref())).isEmpty();
            assertThat(workstreams.pendingInvitations()).extracting(Workstream::id).doesNotContain(exercise.id());
            return null;
        });
        assertThat(as(NORWAY, () -> workstreams.find(new WorkstreamQuery(marker, null, null), 0, 50)))
                .extracting(Workstream::id).containsExactly(exercise.id());
    }

    @Test
    void anInvitedTenantSeesTheSummaryAcceptsAndThenTakesPart() {
        Workstream exercise = as(NORWAY, () -> workstreams.create(initiative(marker)));
        as(NORWAY, () -> { workstreams.invite(exercise.ref(), KENYA.tenantId(), ParticipantRole.CONTRIBUTOR); return null; });

        as(KENYA, () -> {
            assertThat(workstreams.pendingInvitations()).extracting(Workstream::id).contains(exercise.id());
            Workstream seen = workstreams.get(exercise.id()).orElseThrow();
            assertThat(workstreams.details(seen)).isEmpty();
            assertThat(dsl.selectFrom(NOTIFICATION).where(NOTIFICATION.WORKSTREAM_ID.eq(exercise.id())).fetch())
                    .singleElement().satisfies(n -> assertThat(n.getKind()).isEqualTo("INVITATION"));
            workstreams.respond(exercise.ref(), true);
            assertThat(workstreams.details(seen)).isPresent();
            assertThat(workstreams.mine(100)).extracting(Workstream::id).contains(exercise.id());
            return null;
        });
        as(NATO, () -> {
            assertThat(workstreams.get(exercise.id())).isEmpty();
            assertThat(dsl.selectFrom(NOTIFICATION).where(NOTIFICATION.WORKSTREAM_ID.eq(exercise.id())).fetch()).isEmpty();
            return null;
        });
    }

    @Test
    void privateAndRelToContributionsStayWithinTheirAudience() {
        Workstream exercise = sharedWith(KENYA, NATO);
        Contribution kenyaPrivate = as(KENYA, () -> contributions.pledge(exercise.ref(),
                funding("500", "KES", Releasability.PRIVATE)));
        Contribution norwayToKenya = as(NORWAY, () -> contributions.pledge(exercise.ref(),
                new ContributionDraft(ContributionType.FUNDING, "Fuel", "NOK", new BigDecimal("2000"), null,
                        Releasability.REL_TO, List.of(KENYA.tenantId()))));
        Contribution natoForAll = as(NATO, () -> contributions.pledge(exercise.ref(),
                new ContributionDraft(ContributionType.PERSONNEL, "Staff officers", "PERSON_DAY", new BigDecimal("40"),
                        null, Releasability.ALL_PARTNERS, List.of())));

        assertThat(as(NORWAY, () -> contributions.of(exercise.ref()))).extracting(Contribution::id)
                .containsExactlyInAnyOrder(norwayToKenya.id(), natoForAll.id());
        assertThat(as(KENYA, () -> contributions.of(exercise.ref()))).extracting(Contribution::id)
                .containsExactlyInAnyOrder(kenyaPrivate.id(), norwayToKenya.id(), natoForAll.id());
        assertThat(as(NATO, () -> contributions.of(exercise.ref()))).extracting(Contribution::id)
                .containsExactlyInAnyOrder(natoForAll.id());
        assertThat(natoForAll.pledgedEur()).isPositive();
    }

    @Test
    void readingAnotherTenantsContributionsIsWrittenToItsAccessLedger() {
        Workstream exercise = sharedWith(KENYA);
        Contribution kenyan = as(KENYA, () -> contributions.pledge(exercise.ref(),
                funding("750", "EUR", Releasability.PARTICIPANTS)));

        as(NORWAY, () -> contributions.of(exercise.ref()));

        List<UUID> readers = as(KENYA, () -> dsl.select(CONTRIBUTION_ACCESS.READER_TENANT_ID).from(CONTRIBUTION_ACCESS)
                .where(CONTRIBUTION_ACCESS.CONTRIBUTION_ID.eq(kenyan.id())).fetch(CONTRIBUTION_ACCESS.READER_TENANT_ID));
        assertThat(readers).contains(NORWAY.tenantId());
        assertThat(as(NORWAY, () -> dsl.fetchCount(dsl.selectFrom(CONTRIBUTION_ACCESS)
                .where(CONTRIBUTION_ACCESS.CONTRIBUTION_ID.eq(kenyan.id()))))).isZero();
    }

    @Test
    void exportingShowsOnlyVisibleContributionsAndIsLedgered() {
        Workstream exercise = sharedWith(KENYA, NATO);
        as(KENYA, () -> contributions.pledge(exercise.ref(), funding("4242", "EUR", Releasability.PARTICIPANTS)));
        as(NATO, () -> contributions.pledge(exercise.ref(), funding("9999", "EUR", Releasability.PRIVATE)));

        String csv = new String(as(NORWAY, () -> contributions.exportCsv(exercise.ref())),
                java.nio.charset.StandardCharsets.UTF_8);

        assertThat(csv).contains("4242").doesNotContain("9999").startsWith(
                "contributor,type,description,unit,pledged,delivered,pledged_eur,delivered_eur,pledged_on,delivered_on,"
                        + "releasability\r\n");
        assertThat(csv).contains(",4242.00,0.00,4242.00,0.00," + LocalDate.now() + ",,");
        assertThat(as(KENYA, () -> dsl.fetchCount(CONTRIBUTION_ACCESS,
                CONTRIBUTION_ACCESS.ACTION.eq("EXPORT").and(CONTRIBUTION_ACCESS.READER_TENANT_ID.eq(NORWAY.tenantId()))
                        .and(CONTRIBUTION_ACCESS.WORKSTREAM_ID.eq(exercise.id()))))).isEqualTo(1);
        assertThat(as(NATO, () -> dsl.fetchCount(CONTRIBUTION_ACCESS,
                CONTRIBUTION_ACCESS.WORKSTREAM_ID.eq(exercise.id())))).isZero();
    }

    @Test
    void contributionsCarryTheirPledgeAndLastDeliveryDates() {
        Workstream exercise = as(NORWAY, () -> workstreams.create(initiative(marker)));
        LocalDate today = LocalDate.now();
        LocalDate pledgedOn = today.minusDays(40);

        Contribution plain = as(NORWAY, () -> contributions.pledge(exercise.ref(), funding("100", "EUR", Releasability.PARTICIPANTS)));
        assertThat(plain.pledgedOn()).isEqualTo(today);
        assertThat(plain.deliveredOn()).isNull();

        Contribution dated = as(NORWAY, () -> contributions.pledge(exercise.ref(), dated("1000", null, pledgedOn, null)));
        assertThat(dated.pledgedOn()).isEqualTo(pledgedOn);
        assertThat(dated.deliveredOn()).isNull();
        Contribution deliveredWithPledge = as(NORWAY, () -> contributions.pledge(exercise.ref(), dated("1000", "200", pledgedOn, null)));
        assertThat(deliveredWithPledge.deliveredOn()).as("delivered today unless dated").isEqualTo(today);

        // A first delivery dated by the contributor; more later, today; a correction keeps the date; a second
        // delivery on the same date as the first stays on that date.
        Contribution first = as(NORWAY, () -> contributions.recordDelivery(dated, new BigDecimal("300"), pledgedOn.plusDays(5)));
        assertThat(first.deliveredOn()).isEqualTo(pledgedOn.plusDays(5));
        Contribution more = as(NORWAY, () -> contributions.recordDelivery(first, new BigDecimal("500")));
        assertThat(more.deliveredOn()).isEqualTo(today);
        Contribution corrected = as(NORWAY, () -> contributions.recordDelivery(more, new BigDecimal("450")));
        assertThat(corrected.deliveredOn()).isEqualTo(today);
        Contribution sameDay = as(NORWAY, () -> contributions.recordDelivery(corrected, new BigDecimal("600"), pledgedOn.plusDays(5)));
        assertThat(sameDay.deliveredOn()).isEqualTo(pledgedOn.plusDays(5));
        Contribution undone = as(NORWAY, () -> contributions.recordDelivery(sameDay, BigDecimal.ZERO));
        assertThat(undone.deliveredOn()).isNull();

        assertThat(as(NORWAY, () -> contributions.of(exercise.ref()))).extracting(Contribution::id)
                .as("oldest pledge first").startsWith(dated.id(), deliveredWithPledge.id());
        String csv = new String(as(NORWAY, () -> contributions.exportCsv(exercise.ref())),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).contains(",1000.00,200.00,1000.00,200.00," + pledgedOn + "," + today + ",")
                .contains(",1000.00,0.00,1000.00,0.00," + pledgedOn + ",,");
    }

    @Test
    void badContributionDatesAreRejectedPerFieldAndNothingIsStored() {
        Workstream exercise = as(NORWAY, () -> workstreams.create(initiative(marker)));
        LocalDate today = LocalDate.now();
        assertFieldError(() -> contributions.pledge(exercise.ref(), dated("10", null, today.plusDays(1), null)), "pledgedOn");
        assertFieldError(() -> contributions.pledge(exercise.ref(), dated("10", "5", today.minusDays(3), today.plusDays(1))),
                "deliveredOn");
        assertFieldError(() -> contributions.pledge(exercise.ref(), dated("10", "5", today.minusDays(3), today.minusDays(4))),
                "deliveredOn");
        assertFieldError(() -> contributions.pledge(exercise.ref(), dated("10", null, today.minusDays(3), today.minusDays(1))),
                "deliveredOn");
        assertThat(as(NORWAY, () -> contributions.of(exercise.ref()))).isEmpty();

        Contribution pledge = as(NORWAY, () -> contributions.pledge(exercise.ref(), dated("10", null, today.minusDays(3), null)));
        assertFieldError(() -> contributions.recordDelivery(pledge, new BigDecimal("5"), today.minusDays(4)), "deliveredOn");
        assertFieldError(() -> contributions.recordDelivery(pledge, new BigDecimal("5"), today.plusDays(1)), "deliveredOn");
        assertFieldError(() -> contributions.recordDelivery(pledge, BigDecimal.ZERO, today), "deliveredOn");
        assertThat(as(NORWAY, () -> contributions.of(exercise.ref()))).singleElement().satisfies(c -> {
            assertThat(c.deliveredAmount()).isZero();
            assertThat(c.deliveredOn()).isNull();
            assertThat(c.version()).isEqualTo(pledge.version());
        });
    }

    @Test
    void aSignedInMemberOfASuspendedOrganizationCanReadAndChangeNothing() {
        // Delft, suspended for this test: its member is signed in, as in an already-open browser session.
        SignedInUser pieter = SignedInAs.user(tenants, UUID.fromString("0b000000-0000-4000-8000-000000000011"),
                "pieter.devries", "Pieter de Vries", "pieter.devries@delft-defence-lab.demo.entente.org",
                java.util.Set.of("member"), "delft-defence-lab");
        database.update("update tenant set status = 'SUSPENDED' where alias = 'delft-defence-lab'");
        try {
            long before = workstreamCount();
            assertThatThrownBy(() -> SignedInAs.call(pieter, () -> workstreams.create(initiative(marker))))
                    .hasRootCauseInstanceOf(org.entente.db.tenancy.TenantNotActiveException.class);
            assertThat(workstreamCount()).isEqualTo(before);
            // Nor read (issue 20): only their own organization's status, which the "unavailable" page shows.
            assertThatThrownBy(() -> SignedInAs.call(pieter, () -> workstreams.mine(50)))
                    .hasRootCauseInstanceOf(org.entente.db.tenancy.TenantNotActiveException.class);
            assertThat(SignedInAs.call(pieter, () -> tenants.currentTenant()).orElseThrow().status())
                    .isEqualTo(org.entente.tenant.TenantStatus.SUSPENDED);
        } finally {
            database.update("update tenant set status = 'ACTIVE' where alias = 'delft-defence-lab'");
        }
        assertThat(SignedInAs.call(pieter, () -> workstreams.create(initiative(marker))).title()).isEqualTo(marker);
    }

    @Test
    void aWithdrawnParticipantLosesAccess() {
        Workstream exercise = sharedWith(KENYA);
        as(KENYA, () -> { workstreams.withdraw(exercise.ref()); return null; });

        assertThat(as(KENYA, () -> workstreams.get(exercise.id()))).isEmpty();
        assertThat(as(KENYA, () -> contributions.of(exercise.ref()))).isEmpty();
    }

    @Test
    void theSecondOfTwoConcurrentEditorsIsToldAndNothingIsOverwritten() {
        Workstream exercise = as(NORWAY, () -> workstreams.create(initiative(marker)));
        Workstream firstCopy = as(NORWAY, () -> workstreams.get(exercise.id()).orElseThrow());
        Workstream secondCopy = as(NORWAY, () -> workstreams.get(exercise.id()).orElseThrow());

        as(NORWAY, () -> workstreams.update(firstCopy, initiative(marker + " (first editor)")));

        assertThatThrownBy(() -> as(NORWAY, () -> workstreams.update(secondCopy, initiative(marker + " (second editor)"))))
                .isInstanceOf(ConcurrentEditException.class)
                .hasMessageContaining("Someone else changed this workstream");
        assertThat(as(NORWAY, () -> workstreams.get(exercise.id()).orElseThrow().title()))
                .isEqualTo(marker + " (first editor)");
    }

    @Test
    void badInputIsRejectedPerFieldAndNothingIsStored() {
        long before = workstreamCount();
        assertFieldError(() -> workstreams.create(initiative("  ")), "title");
        assertFieldError(() -> workstreams.create(initiative("x".repeat(201))), "title");
        assertFieldError(() -> workstreams.create(new WorkstreamDraft(marker, "", Releasability.PARTICIPANTS, List.of(),
                null, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 4, 1),
                new KindDetails.Initiative(Mechanism.JOINT_EXERCISE, List.of()))), "endDate");
        assertFieldError(() -> workstreams.create(new WorkstreamDraft(marker, "", Releasability.PARTICIPANTS, List.of(),
                null, null, null, new KindDetails.RndProject(TechnologyArea.AI, 0, 3, 10, null, null))), "trlStart");
        assertThat(workstreamCount()).isEqualTo(before);

        Workstream exercise = as(NORWAY, () -> workstreams.create(initiative(marker)));
        assertFieldError(() -> contributions.pledge(exercise.ref(), funding("-5", "EUR", Releasability.PARTICIPANTS)),
                "pledgedAmount");
        assertFieldError(() -> contributions.pledge(exercise.ref(), funding("5", "XXX", Releasability.PARTICIPANTS)),
                "unit");
        assertFieldError(() -> contributions.pledge(exercise.ref(), funding("5", "EUR", Releasability.REL_TO)), "relTo");
        assertThat(as(NORWAY, () -> contributions.of(exercise.ref()))).isEmpty();
    }

    @Test
    void onlyParticipantsPledgeAndOnlyTheLeadEdits() {
        Workstream exercise = sharedWith(KENYA);
        assertThatThrownBy(() -> as(NATO, () -> contributions.pledge(exercise.ref(),
                funding("5", "EUR", Releasability.PARTICIPANTS)))).isInstanceOf(NotAllowed.class);
        Workstream seenByKenya = as(KENYA, () -> workstreams.get(exercise.id()).orElseThrow());
        assertThatThrownBy(() -> as(KENYA, () -> workstreams.update(seenByKenya, initiative("hijacked"))))
                .isInstanceOf(NotAllowed.class);
    }

    @Test
    void anEngagementBecomesActiveOnlyOnceThePartyIsCleared() {
        Workstream engagement = as(NORWAY, () -> workstreams.create(new WorkstreamDraft(marker, "Port logistics",
                Releasability.PARTICIPANTS, List.of(), "Indian Ocean", null, null,
                new KindDetails.Engagement(UUID.fromString("0a000000-0000-4000-8000-000000000007"), null,
                        EngagementType.LOGISTICS_SUPPORT, VettingStatus.IN_REVIEW, "AGR-1", null, null, null, null))));
        Workstream approved = as(NORWAY, () -> workstreams.changeStatus(engagement, WorkstreamStatus.APPROVED));

        assertFieldError(() -> workstreams.changeStatus(approved, WorkstreamStatus.ACTIVE), "status");

        Workstream cleared = as(NORWAY, () -> workstreams.update(approved, new WorkstreamDraft(marker, "Port logistics",
                Releasability.PARTICIPANTS, List.of(), "Indian Ocean", null, null,
                new KindDetails.Engagement(UUID.fromString("0a000000-0000-4000-8000-000000000007"), null,
                        EngagementType.LOGISTICS_SUPPORT, VettingStatus.CLEARED, "AGR-1", null, null, null, null))));
        assertThat(as(NORWAY, () -> workstreams.changeStatus(cleared, WorkstreamStatus.ACTIVE)).status())
                .isEqualTo(WorkstreamStatus.ACTIVE);
        assertFieldError(() -> workstreams.create(new WorkstreamDraft(marker, "", Releasability.PARTICIPANTS, List.of(),
                null, null, null, new KindDetails.Engagement(KENYA.tenantId(), null, EngagementType.TRAINING,
                        null, null, null, null, null, null))), "party");
    }

    @Test
    void changesAreAuditedWithBeforeAndAfter() {
        Workstream exercise = as(NORWAY, () -> workstreams.create(initiative(marker)));
        as(NORWAY, () -> workstreams.update(exercise, initiative(marker + " renamed")));

        List<String> details = as(NORWAY, () -> dsl.select(AUDIT_EVENT.DETAILS).from(AUDIT_EVENT)
                .where(AUDIT_EVENT.ENTITY_ID.eq(exercise.id().toString()), AUDIT_EVENT.ACTION.eq("UPDATE"))
                .fetch(r -> r.value1().data()));
        assertThat(details).singleElement().asString().contains("\"before\"").contains("\"after\"")
                .contains(marker + " renamed");
        assertThat(as(KENYA, () -> dsl.fetchCount(dsl.selectFrom(AUDIT_EVENT)
                .where(AUDIT_EVENT.ENTITY_ID.eq(exercise.id().toString()))))).isZero();
    }

    // ------------------------------------------------------------------ helpers

    private Workstream sharedWith(Actor... partners) {
        Workstream exercise = as(NORWAY, () -> workstreams.create(initiative(marker)));
        for (Actor partner : partners) {
            as(NORWAY, () -> { workstreams.invite(exercise.ref(), partner.tenantId(), ParticipantRole.CONTRIBUTOR); return null; });
            as(partner, () -> { workstreams.respond(exercise.ref(), true); return null; });
        }
        return exercise;
    }

    private WorkstreamDraft initiative(String title) {
        return new WorkstreamDraft(title, "Multinational maritime exercise", Releasability.PARTICIPANTS, List.of(),
                "Indian Ocean", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 15),
                new KindDetails.Initiative(Mechanism.JOINT_EXERCISE, List.of("Interoperability", "Mine countermeasures")));
    }

    private static ContributionDraft funding(String amount, String unit, Releasability releasability) {
        return new ContributionDraft(ContributionType.FUNDING, "Funding", unit, new BigDecimal(amount), null,
                releasability, List.of());
    }

    private static ContributionDraft dated(String pledged, String delivered, LocalDate pledgedOn, LocalDate deliveredOn) {
        return new ContributionDraft(ContributionType.FUNDING, "Funding", "EUR", new BigDecimal(pledged),
                delivered == null ? null : new BigDecimal(delivered), pledgedOn, deliveredOn, Releasability.PARTICIPANTS,
                List.of());
    }

    private void assertFieldError(Runnable attempt, String field) {
        assertThatThrownBy(() -> as(NORWAY, () -> { attempt.run(); return null; }))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors()).containsKey(field));
    }

    private long workstreamCount() {
        return (Long) database.query("select count(*) from workstream").getFirst().getFirst();
    }

    private <T> T as(Actor actor, Supplier<T> work) {
        return new DemoActors(transactionManager).as(actor, work);
    }
}
