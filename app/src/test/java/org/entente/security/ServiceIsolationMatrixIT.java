package org.entente.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.entente.activity.ActivityEntry;
import org.entente.activity.ActivityFeed;
import org.entente.analytics.AnalyticsService;
import org.entente.analytics.ConsentUsed;
import org.entente.analytics.engine.AnalyticsFilter;
import org.entente.analytics.engine.briefing.BriefingKind;
import org.entente.assessment.Assessment;
import org.entente.assessment.AssessmentDraft;
import org.entente.assessment.AssessmentKind;
import org.entente.assessment.AssessmentMode;
import org.entente.assessment.AssessmentService;
import org.entente.assessment.Direction;
import org.entente.assessment.Disaggregation;
import org.entente.assessment.Frequency;
import org.entente.assessment.Indicator;
import org.entente.assessment.IndicatorDraft;
import org.entente.assessment.IndicatorUnit;
import org.entente.assessment.Measurement;
import org.entente.assessment.MeasurementDraft;
import org.entente.assessment.MeasurementReminders;
import org.entente.assessment.Objective;
import org.entente.assessment.RecommendationDraft;
import org.entente.assessment.RecommendationStatus;
import org.entente.assessment.ResultsExport;
import org.entente.assessment.ResultsService;
import org.entente.attachment.Attachment;
import org.entente.attachment.AttachmentService;
import org.entente.briefing.Briefing;
import org.entente.briefing.BriefingService;
import org.entente.contribution.Contribution;
import org.entente.contribution.ContributionDraft;
import org.entente.contribution.ContributionService;
import org.entente.contribution.ContributionType;
import org.entente.db.embedded.LocalPostgres;
import org.entente.disclosure.ConsentChange;
import org.entente.disclosure.ConsentLedger;
import org.entente.disclosure.Publication;
import org.entente.disclosure.PublicationConsent;
import org.entente.disclosure.PublicationPreview;
import org.entente.disclosure.Recipient;
import org.entente.discussion.Comment;
import org.entente.discussion.CommentDraft;
import org.entente.discussion.DiscussionService;
import org.entente.keycloak.EntenteRealm;
import org.entente.milestone.Milestone;
import org.entente.milestone.MilestoneService;
import org.entente.milestone.MilestoneStatus;
import org.entente.notification.Notification;
import org.entente.notification.NotificationService;
import org.entente.platform.audit.AuditTrail;
import org.entente.platform.i18n.Language;
import org.entente.platform.i18n.LanguagePreference;
import org.entente.platform.security.SignedInAs;
import org.entente.platform.security.SignedInUser;
import org.entente.tenant.TenantService;
import org.entente.tenant.admin.SignInProvider;
import org.entente.tenant.admin.SignInProviderDraft;
import org.entente.tenant.admin.SignInProviders;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.Eventually;
import org.entente.testing.SuperuserDatabase;
import org.entente.workstream.KindDetails;
import org.entente.workstream.Participant.ParticipantRole;
import org.entente.workstream.Releasability;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamDraft;
import org.entente.workstream.WorkstreamQuery;
import org.entente.workstream.WorkstreamService;
import org.entente.workstream.WorkstreamStatus;
import org.entente.initiative.Mechanism;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Every service that reads tenant data, called as every persona, against Norway's workstream with one of everything
 * in it (contribution, comment with a mention, milestone, file, activity, ledger entry, audit entries, notification,
 * the results chain: objective, indicator, measurement with a correction, assessment with a recommendation; and a
 * completed workstream of Norway's with its final assessment, in which Delft took part),
 * against a NATO coordinator's briefing, and against Norway's publication consent to NATO ACT (the grant, its history,
 * the preview, a use in Norway's consent ledger). Each read answers Y (the owner's item is in the answer), N (it is not)
 * or R (refused); the expected letters are a table, so a change in who sees what fails here. Then every write that
 * names the owner's records is tried as each persona outside the owning tenant: it must be refused, and a superuser
 * fingerprint of everything stored for the workstream must be unchanged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceIsolationMatrixIT extends AppIntegrationTest {

    /**
     * Columns in {@link Persona} order: owner member, other tenant, invited, withdrawn, suspended (an accepted
     * participant, suspended while the matrix runs: every read refused, issue 20), no organization, tenant admin (owner's), coordinator (other
     * tenant), platform admin. OTHER_ADMIN and OTHER_COORDINATOR rows are the other tenant's member signed in with
     * that role, for the services only those roles may call.
     */
    static final String READS = """
            probe                        OWN OTH INV WDR SUS NOO TAD COO PLA
            list-search                  Y   N   Y   N   R   N   Y   N   N
            count-search                 Y   N   Y   N   R   N   Y   N   N
            workstream-by-id             Y   N   Y   N   R   N   Y   N   N
            kind-details                 Y   N   N   N   R   N   Y   N   N
            participants                 Y   N   Y   N   R   N   Y   N   N
            dashboard-mine               Y   N   N   N   R   R   Y   N   R
            dashboard-invitations        N   N   Y   N   R   R   N   N   R
            contributions                Y   N   N   N   R   N   Y   N   N
            contributions-csv            Y   R   R   R   R   R   Y   R   R
            contributions-labelled       Y   R   R   R   R   R   Y   R   R
            access-ledger                Y   N   N   N   R   N   Y   N   N
            comments                     Y   N   N   N   R   N   Y   N   N
            workstream-members           Y   N   N   N   R   N   Y   N   N
            mention-autocomplete         Y   N   N   N   R   R   Y   N   R
            milestones                   Y   N   N   N   R   N   Y   N   N
            milestones-due               Y   N   N   N   R   R   Y   N   R
            files                        Y   N   N   N   R   N   Y   N   N
            file-download                Y   N   N   N   R   N   Y   N   N
            activity-of-workstream       Y   N   N   N   R   N   Y   N   N
            activity-recent              Y   N   N   N   R   N   Y   N   N
            notifications                Y   N   Y   Y   R   N   Y   N   N
            audit-log                    R   R   R   R   R   R   Y   R   R
            organization-members         Y   N   N   N   R   N   Y   N   N
            analytics-viewer             Y   N   N   N   R   R   Y   N   R
            briefing-list                R   R   R   R   R   R   R   Y   R
            briefing-by-id               R   R   R   R   R   R   R   Y   R
            briefing-download            R   R   R   R   R   R   R   Y   R
            consent-grants               Y   N   N   N   R   R   Y   N   R
            consent-history              Y   N   N   N   R   R   Y   N   R
            consent-to-us                N   N   N   N   R   R   N   Y   R
            consent-preview              R   R   R   R   R   R   Y   R   R
            consent-ledger               Y   N   N   N   R   R   Y   N   R
            capacity-of-owner            R   R   R   R   R   R   R   R   Y
            guideline-of-coordinator     R   R   R   R   R   R   R   Y   R
            results-objectives           Y   N   N   N   R   N   Y   N   N
            results-indicators           Y   N   N   N   R   N   Y   N   N
            results-may-measure          Y   N   N   N   R   N   Y   N   N
            results-measurements         Y   N   N   N   R   N   Y   N   N
            results-corrections          Y   N   N   N   R   N   Y   N   N
            results-due                  Y   N   N   N   R   N   Y   N   N
            assessments                  Y   N   N   N   R   N   Y   N   N
            final-assessment             Y   N   N   N   R   N   Y   N   N
            results-iati                 Y   R   N   R   R   R   Y   R   R
            results-csv                  Y   R   N   R   R   R   Y   R   R
            results-workbook             Y   R   N   R   R   R   Y   R   R
            language-choice              Y   N   N   N   R   N   N   N   N
            mail-preferences             Y   N   N   N   R   R   N   N   R
            events                       Y   N   N   N   R   R   Y   N   R
            event-ics                    Y   R   R   R   R   R   Y   R   R
            event-registrations          Y   N   N   N   R   R   Y   N   R
            event-registrations-xlsx     Y   R   R   R   R   R   Y   R   R
            event-feedback               Y   R   R   R   R   R   Y   R   R
            my-registrations             Y   N   N   N   R   R   N   N   R
            calendar                     Y   N   N   N   R   R   Y   N   R
            calendar-feed-mine           Y   N   N   N   R   R   N   N   R
            """;

    /** How the analytics tables name the owning tenant. */
    static final String OWNER_NAME = "Kingdom of Norway";

    /** The other tenant's member with the admin or coordinator role: what those roles read of someone else's. */
    static final Map<String, String> OTHER_ROLE_READS = Map.of(
            "audit-log", "N", "briefing-list", "N", "briefing-by-id", "N", "briefing-download", "N",
            "consent-to-us", "N", "consent-preview", "N", "capacity-of-owner", "R",
            "guideline-of-coordinator", "N");

    @Autowired
    TenantService tenants;
    @Autowired
    LanguagePreference languages;
    @Autowired
    org.entente.mail.MailPreferences mailPreferences;
    @Autowired
    WorkstreamService workstreams;
    @Autowired
    org.entente.contribution.importing.ContributionImporter importer;
    @Autowired
    org.entente.milestone.importing.MilestoneImporter milestoneImporter;
    @Autowired
    org.entente.assessment.importing.MeasurementImporter measurementImporter;
    @Autowired
    ContributionService contributions;
    @Autowired
    DiscussionService discussion;
    @Autowired
    MilestoneService milestones;
    @Autowired
    AttachmentService attachments;
    @Autowired
    ActivityFeed activity;
    @Autowired
    NotificationService notifications;
    @Autowired
    AuditTrail audit;
    @Autowired
    AnalyticsService analytics;
    @Autowired
    BriefingService briefings;
    @Autowired
    PublicationConsent consent;
    @Autowired
    PublicationPreview previews;
    @Autowired
    ConsentLedger consentLedger;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    org.entente.tenant.admin.TenantCapacities capacities;
    @Autowired
    org.entente.analytics.BurdenGuidelines guidelines;
    @Autowired
    LocalPostgres postgres;
    @Autowired
    org.entente.analytics.engine.snapshot.SnapshotStore snapshots;
    @Autowired
    ResultsService results;
    @Autowired
    AssessmentService assessments;
    @Autowired
    ResultsExport resultsExport;
    @Autowired
    MeasurementReminders measurementReminders;
    @Autowired
    SignInProviders signInProviders;
    @Autowired
    org.entente.tenant.admin.PendingInvitations invitations;
    @Autowired
    org.entente.platform.keycloak.KeycloakAdminClient keycloak;
    @Autowired
    org.entente.mail.SentMailbox sentMail;
    @Autowired
    org.entente.event.EventService eventService;
    @Autowired
    org.entente.event.RegistrationService eventRegistrations;
    @Autowired
    org.entente.event.RegistrationExport eventExport;
    @Autowired
    org.entente.event.CalendarExport calendarExport;
    @Autowired
    org.entente.event.CalendarService calendarService;
    @Autowired
    org.entente.event.CalendarFeeds calendarFeeds;

    SuperuserDatabase database;
    OwnersWorkstream owners;
    Workstream w;
    Contribution contribution;
    Comment comment;
    Milestone milestone;
    /** Norway's exercise in the workstream, its owner member registered and with a calendar feed (issue #21). */
    org.entente.event.Event exercise;
    org.entente.event.CalendarFeeds.FeedInfo ownerFeed;
    Attachment file;
    Notification mention;
    Briefing briefing;
    /** The results chain of the workstream: an indicator Norway measures itself, overdue for the last quarter. */
    Objective objective;
    Indicator indicator;
    Measurement measurement;
    Assessment assessment;
    /** A completed workstream of Norway's, in which Delft took part, with its final assessment. */
    Workstream completed;
    Assessment finalAssessment;
    /** Norway's grant to NATO ACT as made here, and the snapshot of the consent use recorded in Norway's ledger. */
    Recipient natoGrant;
    Instant consentSnapshot;
    Map<Persona, SignedInUser> signedIn = new EnumMap<>(Persona.class);

    @BeforeAll
    void ownersData() {
        database = new SuperuserDatabase(postgres);
        owners = OwnersWorkstream.create(tenants, workstreams);
        w = owners.workstream();
        for (Persona persona : Persona.values()) {
            signedIn.put(persona, persona.signIn(tenants));
        }
        SignedInUser owner = signedIn.get(Persona.OWNER_MEMBER);
        String marker = owners.marker();
        contribution = SignedInAs.call(owner, () -> contributions.pledge(w.ref(), new ContributionDraft(
                ContributionType.FUNDING, marker + " funding", "EUR", new BigDecimal("1234"), null,
                Releasability.PARTICIPANTS, List.of())));
        comment = SignedInAs.call(owner, () -> discussion.post(w.ref(),
                CommentDraft.toParticipants("@lars.haugen please review " + marker)));
        // The owner chose French: a person's own choice, which no one else reads (not even their tenant admin).
        assertThat(SignedInAs.call(owner, () -> languages.choose(Language.FR))).isTrue();
        // And not to be mailed failed briefings: as much their own (issue #19).
        SignedInAs.run(owner, () -> mailPreferences.change(org.entente.workstream.Notifications.Kind.BRIEFING_FAILED,
                org.entente.mail.Delivery.OFF));
        milestone = SignedInAs.call(owner, () -> milestones.add(w.ref(), marker + " planning conference",
                Persona.OWNER_MEMBER.tenantId, LocalDate.now().plusDays(5)));
        exercise = SignedInAs.call(owner, () -> eventService.create(w.ref(), new org.entente.event.EventDraft(
                org.entente.event.EventType.EXERCISE, marker + " exercise", "", "Pearl Harbor", null, null, null,
                java.time.LocalDateTime.now().plusDays(9).withNano(0), java.time.LocalDateTime.now().plusDays(11).withNano(0),
                "Pacific/Honolulu", Releasability.PARTICIPANTS, List.of(), 30, null, true)));
        SignedInAs.call(owner, () -> eventRegistrations.registerMe(exercise));
        SignedInAs.call(owner, () -> calendarFeeds.create());
        ownerFeed = SignedInAs.call(owner, () -> calendarFeeds.mine()).orElseThrow();
        file = SignedInAs.call(owner, () -> attachments.upload(w.ref(), "isolation.txt",
                (marker + " minutes").getBytes(StandardCharsets.UTF_8), Releasability.PARTICIPANTS, List.of()));
        resultsChain(owner, marker);
        // Delft reads Norway's contributions before it is suspended: an entry of Norway's access ledger.
        SignedInAs.call(signedIn.get(Persona.SUSPENDED_TENANT), () -> contributions.of(w.ref()));
        mention = SignedInAs.call(signedIn.get(Persona.TENANT_ADMIN), () -> notifications.latest(50)).stream()
                .filter(n -> n.workstream() != null && n.workstream().id().equals(w.id())).findFirst().orElseThrow();
        if (snapshots.current().isEmpty()) {
            freshSnapshot();
        }
        briefing = SignedInAs.call(signedIn.get(Persona.COORDINATOR),
                () -> briefings.generate(BriefingKind.RND_STATUS, AnalyticsFilter.everything())).briefing();
        briefing = awaitFinished(briefing.id());

        // Norway publishes to NATO ACT (granted here, whatever the demo data says), and NATO ACT's coordinator was
        // shown figures published by that consent once: an entry of Norway's consent ledger.
        SignedInUser admin = signedIn.get(Persona.TENANT_ADMIN);
        Publication shown = SignedInAs.call(admin, consent::current);
        Set<UUID> others = new java.util.HashSet<>(shown.granted());
        others.remove(Persona.COORDINATOR.tenantId);
        Publication revoked = shown.granted().contains(Persona.COORDINATOR.tenantId)
                ? SignedInAs.call(admin, () -> consent.save(shown.version(), others)) : shown;
        Set<UUID> withNato = new java.util.HashSet<>(others);
        withNato.add(Persona.COORDINATOR.tenantId);
        natoGrant = SignedInAs.call(admin, () -> consent.save(revoked.version(), withNato)).recipients().stream()
                .filter(r -> r.id().equals(Persona.COORDINATOR.tenantId)).findFirst().orElseThrow();
        consentSnapshot = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        SignedInAs.run(signedIn.get(Persona.COORDINATOR), () -> events.publishEvent(new ConsentUsed(
                Persona.COORDINATOR.tenantId, List.of(Persona.OWNER_MEMBER.tenantId), consentSnapshot,
                ConsentUsed.Surface.SCREEN)));
    }

    private void resultsChain(SignedInUser owner, String marker) {
        // Measurements fall due only while a workstream is under way: the owner's goes ACTIVE.
        for (WorkstreamStatus next : List.of(WorkstreamStatus.APPROVED, WorkstreamStatus.ACTIVE)) {
            Workstream current = w;
            w = SignedInAs.call(owner, () -> workstreams.changeStatus(current, next));
        }
        objective = SignedInAs.call(owner, () -> results.addObjective(w.ref(), marker + " objective"));
        indicator = SignedInAs.call(owner, () -> results.defineIndicator(w.ref(), new IndicatorDraft(objective.id(),
                marker + " indicator", IndicatorUnit.PERCENT, Direction.HIGHER, Disaggregation.NONE,
                new BigDecimal("10"), LocalDate.now().minusYears(1), new BigDecimal("90"), LocalDate.now().plusYears(1),
                Frequency.QUARTERLY, Persona.OWNER_MEMBER.tenantId, Releasability.PARTICIPANTS, List.of())));
        // Two quarters ago, so the last ended quarter is still due.
        LocalDate quarter = LocalDate.now().with(java.time.temporal.IsoFields.DAY_OF_QUARTER, 1).minusMonths(6);
        Measurement entered = SignedInAs.call(owner, () -> results.enterMeasurement(indicator, new MeasurementDraft(
                quarter, quarter.plusMonths(3).minusDays(1), null, new BigDecimal("30"), marker + " source", null)));
        measurement = SignedInAs.call(owner, () -> results.correctMeasurement(entered, new BigDecimal("35"),
                marker + " source", marker + " recount"));
        assessment = SignedInAs.call(owner, () -> assessments.record(w.ref(), new AssessmentDraft(
                AssessmentKind.PERIODIC, AssessmentMode.SELF, null, null, LocalDate.now().minusDays(1),
                marker + " findings", Releasability.PARTICIPANTS, List.of(), Map.of(objective.id(), 3),
                List.of(new RecommendationDraft(marker + " recommendation", Persona.OWNER_MEMBER.tenantId, null)))));

        SignedInUser delft = signedIn.get(Persona.SUSPENDED_TENANT);
        Workstream done = SignedInAs.call(owner, () -> workstreams.create(new WorkstreamDraft(marker + " completed",
                "", Releasability.PARTICIPANTS, List.of(), null, null, null,
                new KindDetails.Initiative(Mechanism.JOINT_EXERCISE, List.of(marker + " completed goal")))));
        SignedInAs.run(owner, () -> workstreams.invite(done.ref(), Persona.SUSPENDED_TENANT.tenantId,
                ParticipantRole.CONTRIBUTOR));
        SignedInAs.run(delft, () -> workstreams.respond(done.ref(), true));
        for (WorkstreamStatus next : List.of(WorkstreamStatus.APPROVED, WorkstreamStatus.ACTIVE,
                WorkstreamStatus.COMPLETED)) {
            Workstream current = SignedInAs.call(owner, () -> workstreams.get(done.id()).orElseThrow());
            SignedInAs.call(owner, () -> workstreams.changeStatus(current, next));
        }
        completed = SignedInAs.call(owner, () -> workstreams.get(done.id()).orElseThrow());
        finalAssessment = SignedInAs.call(owner, () -> assessments.record(completed.ref(), new AssessmentDraft(
                AssessmentKind.FINAL, AssessmentMode.SELF, null, null, LocalDate.now().minusDays(1),
                marker + " lessons", Releasability.PARTICIPANTS, List.of(), Map.of(), List.of())));
    }

    /** The demo people keep their realm roles, whatever a probe signed them in with. */
    @AfterAll
    void restoreRoles() {
        Persona.OTHER_TENANT.signIn(tenants);
        database.update("update member set language = null where language is not null");
        database.update("delete from mail_preference where member_id = ?", Persona.OWNER_MEMBER.memberId);
    }

    @Test
    void everyReadingServiceAnswersEachPersonaAsTheTableSays() {
        Map<String, Function<SignedInUser, Boolean>> probes = reads();
        Map<String, Map<Persona, String>> expected = parse(READS);
        assertThat(expected.keySet()).as("a row for every probe").isEqualTo(probes.keySet());

        List<String> wrong = OwnersWorkstream.whileSuspended(database, () -> {
            List<String> mismatches = new ArrayList<>();
            probes.forEach((name, probe) -> signedIn.forEach((persona, user) -> {
                String actual = answer(user, probe);
                if (!actual.equals(expected.get(name).get(persona))) {
                    mismatches.add(name + " × " + persona + ": expected " + expected.get(name).get(persona)
                            + ", got " + actual);
                }
            }));
            return mismatches;
        });
        assertThat(wrong).as("services × personas (%d × %d)", probes.size(), Persona.values().length).isEmpty();

        SignedInUser otherAdmin = Persona.OTHER_TENANT.signIn(tenants,
                Set.of(EntenteRealm.ROLE_MEMBER, EntenteRealm.ROLE_TENANT_ADMIN, EntenteRealm.ROLE_COORDINATOR));
        OTHER_ROLE_READS.forEach((name, letter) -> assertThat(answer(otherAdmin, probes.get(name)))
                .as(name + " as another tenant's admin and coordinator").isEqualTo(letter));
    }

    @Test
    void everyWriteToTheOwnersRecordsFromOutsideIsRefusedAndNothingIsStored() {
        Map<String, Function<SignedInUser, Object>> writes = writes();
        List<String> wrong = new ArrayList<>();
        // Reminders are written to the caller's own organization only (marking someone else's notification read is
        // refused since issue 20, no longer a silent no-op).
        Set<String> ownRecordsOnly = Set.of("remind-measurements-due");
        Set<Persona> outsiders = Set.of(Persona.OTHER_TENANT, Persona.INVITED, Persona.WITHDRAWN,
                Persona.SUSPENDED_TENANT, Persona.NO_ORGANIZATION, Persona.COORDINATOR, Persona.PLATFORM_ADMIN);
        OwnersWorkstream.whileSuspended(database, () -> {
            writes.forEach((name, write) -> outsiders.forEach(persona -> {
                String before = fingerprint();
                String outcome;
                try {
                    SignedInAs.call(signedIn.get(persona), () -> write.apply(signedIn.get(persona)));
                    outcome = ownRecordsOnly.contains(name) ? "refused" : "accepted";
                } catch (RuntimeException e) {
                    outcome = "refused";
                }
                boolean unchanged = before.equals(fingerprint());
                if (!outcome.equals("refused") || !unchanged) {
                    wrong.add(name + " × " + persona + ": " + outcome + (unchanged ? "" : ", and something was stored"));
                }
            }));
            return null;
        });
        assertThat(wrong).as("writes × outsiders (%d × %d)", writes.size(), outsiders.size()).isEmpty();

        // The fingerprint notices a write: the owner's own pledge changes it.
        String before = fingerprint();
        SignedInAs.call(signedIn.get(Persona.OWNER_MEMBER), () -> writes.get("pledge").apply(null));
        assertThat(fingerprint()).isNotEqualTo(before);
    }

    /**
     * The downloads the UI offers are the probes above: every DownloadHandler or StreamResource in the app's sources
     * is in this list with the service call it streams, so a new download fails here until the matrix covers it.
     */
    /**
     * A partner's own identity provider (issue 19): Norway's tenant admin links one to Norway's organization; every
     * persona outside Norway — another tenant's member even with the tenant-admin role — neither lists it nor unlinks
     * it, nor links one to Norway, OpenID Connect or SAML (the tenant admin's entry points take the tenant from the
     * token; the per-tenant ones are the platform administrator's). Only the platform administrator and Norway's admin see it.
     */
    @Test
    void aPartnersSignInProviderIsItsOwnAdminsAndThePlatformAdministratorsOnly() {
        String alias = "matrix-idp-" + UUID.randomUUID().toString().substring(0, 8);
        SignedInUser norwayAdmin = signedIn.get(Persona.TENANT_ADMIN);
        SignedInUser otherAdmin = Persona.OTHER_TENANT.signIn(tenants,
                Set.of(EntenteRealm.ROLE_MEMBER, EntenteRealm.ROLE_TENANT_ADMIN));
        Map<String, SignedInUser> outsiders = new LinkedHashMap<>();
        signedIn.forEach((persona, user) -> {
            if (persona != Persona.TENANT_ADMIN && persona != Persona.PLATFORM_ADMIN) {
                outsiders.put(persona.name(), user);
            }
        });
        outsiders.put("OTHER_ADMIN", otherAdmin);
        try {
            SignedInAs.call(norwayAdmin, () -> signInProviders.linkToMyOrganization(new SignInProviderDraft(alias,
                    "Norway matrix", null, "https://login.norway.example/authorize", "https://login.norway.example/token",
                    "https://login.norway.example/jwks", null, "entente", "matrix-secret", "norway.demo.entente.org")));
            assertThat(SignedInAs.call(signedIn.get(Persona.PLATFORM_ADMIN), () -> signInProviders.of(
                    Persona.OWNER_MEMBER.tenantId))).extracting(SignInProvider::alias).containsExactly(alias);
            List<String> wrong = new ArrayList<>();
            outsiders.forEach((name, user) -> {
                boolean listsOwn;
                try {
                    listsOwn = SignedInAs.call(user, () -> signInProviders.ofMyOrganization()).stream()
                            .anyMatch(p -> p.alias().equals(alias));
                } catch (RuntimeException e) {
                    listsOwn = false;
                }
                if (listsOwn) {
                    wrong.add("list-own × " + name + ": sees Norway's provider");
                }
                Map<String, Runnable> attempts = new LinkedHashMap<>();
                attempts.put("list-of-norway", () -> signInProviders.of(Persona.OWNER_MEMBER.tenantId));
                attempts.put("link-to-norway", () -> signInProviders.link(Persona.OWNER_MEMBER.tenantId,
                        new SignInProviderDraft(alias + "-x", null, null, "https://evil.example/a",
                                "https://evil.example/t", "https://evil.example/k", null, "x", "y",
                                "norway.demo.entente.org")));
                // SAML (by metadata address) goes through the same entry points, with the same checks first.
                attempts.put("link-saml-to-norway", () -> signInProviders.link(Persona.OWNER_MEMBER.tenantId,
                        SignInProviderDraft.saml(alias + "-s", null, "https://evil.example/saml/metadata",
                                "norway.demo.entente.org")));
                attempts.put("link-saml-as-own-for-norway", () -> signInProviders.linkToMyOrganization(
                        SignInProviderDraft.saml(alias + "-t", null, "https://evil.example/saml/metadata",
                                "norway.demo.entente.org")));
                attempts.put("unlink-from-norway", () -> signInProviders.unlink(Persona.OWNER_MEMBER.tenantId, alias));
                attempts.put("unlink-as-own", () -> signInProviders.unlinkFromMyOrganization(alias));
                attempts.forEach((attempt, call) -> {
                    try {
                        SignedInAs.run(user, call);
                        wrong.add(attempt + " × " + name + ": accepted");
                    } catch (RuntimeException e) {
                        // refused
                    }
                });
            });
            assertThat(wrong).isEmpty();
            assertThat(SignedInAs.call(norwayAdmin, () -> signInProviders.ofMyOrganization()))
                    .as("still linked, nothing added").extracting(SignInProvider::alias).containsExactly(alias);
        } finally {
            try {
                SignedInAs.run(norwayAdmin, () -> signInProviders.unlinkFromMyOrganization(alias));
            } catch (RuntimeException e) {
                // not linked: the test failed before linking it
            }
            Persona.OTHER_TENANT.signIn(tenants);
        }
    }

    /**
     * Norway's pending e-mail invitation (issue 19; Keycloak's organization invitation): only Norway's tenant admin
     * lists, resends or cancels it. Every other persona — another tenant's member even with the tenant-admin role — is
     * refused or sees only their own organization's invitations; the invitation is untouched afterwards. This context
     * has e-mail off, so Keycloak is pointed for the test at a GreenMail of its own (then set back) to make the
     * invitation, which Keycloak creates only by sending its mail.
     */
    @Test
    void norwaysPendingInvitationsAreItsOwnAdminsOnly() {
        String email = "matrix-" + UUID.randomUUID().toString().substring(0, 8) + "@norway.demo.entente.org";
        SignedInUser norwayAdmin = signedIn.get(Persona.TENANT_ADMIN);
        SignedInUser otherAdmin = Persona.OTHER_TENANT.signIn(tenants,
                Set.of(EntenteRealm.ROLE_MEMBER, EntenteRealm.ROLE_TENANT_ADMIN));
        Map<String, SignedInUser> outsiders = new LinkedHashMap<>();
        signedIn.forEach((persona, user) -> {
            if (persona != Persona.TENANT_ADMIN) {
                outsiders.put(persona.name(), user);
            }
        });
        outsiders.put("OTHER_ADMIN", otherAdmin);
        org.entente.platform.mail.EmbeddedSmtp smtp = org.entente.platform.mail.EmbeddedSmtp.start(0);
        Map<String, String> realmSmtp = keycloak.realmSmtpServer();
        UUID norway = keycloak.organizationByAlias("norway").orElseThrow().id();
        try {
            keycloak.updateRealmSmtpServer(Map.of("host", "127.0.0.1", "port", String.valueOf(smtp.port()),
                    "from", "no-reply@entente.test", "auth", "false"));
            keycloak.inviteToOrganization(norway, email, "Matrix", "Invitee");
            String id = SignedInAs.call(norwayAdmin, () -> invitations.ofMyOrganization()).stream()
                    .filter(i -> i.email().equals(email)).findFirst().orElseThrow().id();
            List<String> wrong = new ArrayList<>();
            outsiders.forEach((name, user) -> {
                boolean listsIt;
                try {
                    listsIt = SignedInAs.call(user, () -> invitations.ofMyOrganization()).stream()
                            .anyMatch(i -> i.email().equals(email) || i.id().equals(id));
                } catch (RuntimeException e) {
                    listsIt = false;
                }
                if (listsIt) {
                    wrong.add("list × " + name + ": sees Norway's invitation");
                }
                Map<String, Runnable> attempts = new LinkedHashMap<>();
                attempts.put("resend", () -> invitations.resend(id));
                attempts.put("cancel", () -> invitations.cancel(id));
                attempts.forEach((attempt, call) -> {
                    try {
                        SignedInAs.run(user, call);
                        wrong.add(attempt + " × " + name + ": accepted");
                    } catch (RuntimeException e) {
                        // refused
                    }
                });
            });
            assertThat(wrong).isEmpty();
            assertThat(SignedInAs.call(norwayAdmin, () -> invitations.ofMyOrganization()))
                    .as("untouched: same invitation, no resend").filteredOn(i -> i.email().equals(email))
                    .extracting(org.entente.tenant.admin.PendingInvitation::id).containsExactly(id);
            assertThat(smtp.received()).as("only the first mail").hasSize(1);
        } finally {
            keycloak.organizationInvitations(norway).stream().filter(i -> i.email().equals(email))
                    .forEach(i -> keycloak.deleteOrganizationInvitation(norway, i.id()));
            keycloak.updateRealmSmtpServer(realmSmtp.isEmpty() ? Map.of() : realmSmtp);
            smtp.stop();
            Persona.OTHER_TENANT.signIn(tenants);
        }
    }

    /**
     * The embedded mail server's "Sent mail" (issue 19) holds every tenant's mails: only the platform administrator
     * reads it; every other persona, a tenant admin included, is refused.
     */
    @Test
    void theSentMailIsThePlatformAdministratorsOnly() {
        List<String> wrong = new ArrayList<>();
        signedIn.forEach((persona, user) -> {
            boolean refused;
            try {
                SignedInAs.call(user, () -> sentMail.newestFirst());
                refused = false;
            } catch (org.springframework.security.access.AccessDeniedException e) {
                refused = true;
            }
            if (refused == (persona == Persona.PLATFORM_ADMIN)) {
                wrong.add(persona + (refused ? ": refused" : ": reads it"));
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyDownloadTheUiOffersStreamsAServiceCallTheMatrixProbes() throws java.io.IOException {
        Map<String, List<String>> downloads = Map.ofEntries(
                Map.entry("org/entente/attachment/ui/FilesPanel.java", List.of("attachments.download(")),
                // probe contributions-labelled (the CSV in a zip with its label)
                Map.entry("org/entente/contribution/ui/ContributionsPanel.java", List.of("contributions.exportLabelled(")),
                // The import templates: the contributions one holds the partner directory (every signed-in organization
                // reads it) and no record; the milestone plan's lists the workstream's participants, for its lead only
                // (MilestoneImportIT refuses it to an outsider).
                Map.entry("org/entente/platform/importing/ui/SpreadsheetImportDialog.java", List.of("importer.template(")),
                Map.entry("org/entente/briefing/ui/BriefingTexts.java", List.of("briefings.download(")),
                // probes results-iati, results-csv, results-workbook
                // (the IATI and CSV files in a zip with their label: the same reads as the probes')
                Map.entry("org/entente/assessment/ui/ResultsPanel.java", List.of("ResultsExport::iatiLabelled",
                        "ResultsExport::csvLabelled", "ResultsExport::workbook")),
                // Not a download: the unsubscribe page (a @GetMapping), which shows only the kind its signed token
                // names and acts only for that token's person (RouteMatrixIT, MailOutboxIT, HostileInputIT).
                Map.entry("org/entente/mail/ui/UnsubscribePage.java", List.of("preferences.unsubscribeTarget(",
                        "preferences.unsubscribe(")),
                // probes event-ics and event-registrations-xlsx (issue #21)
                Map.entry("org/entente/event/ui/EventsPanel.java", List.of("calendars.single(")),
                Map.entry("org/entente/event/ui/RegistrationsDialog.java", List.of("export.xlsx(")),
                // Not a download: the personal calendar feed (a @GetMapping), read as the person its token names
                // (EventCalendarIT, RouteMatrixIT).
                Map.entry("org/entente/event/ui/CalendarFeedEndpoint.java", List.of("feeds.read(")));
        Path sources = Path.of("src/main/java");
        Map<String, String> found = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path source : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(source);
                if (text.contains("DownloadHandler") || text.contains("StreamResource")
                        || text.contains("@GetMapping") || text.contains("@RestController")) {
                    found.put(sources.relativize(source).toString().replace('\\', '/'), text);
                }
            }
        }
        assertThat(found.keySet()).as("sources that offer downloads").isEqualTo(downloads.keySet());
        downloads.forEach((source, calls) -> assertThat(found.get(source)).as(source).contains(calls));
    }

    /**
     * Issue 20: an organization outside the workstream (never part of it, invited only, withdrawn, another
     * organization's coordinator) is refused the contributions export, and nothing records an export that did not
     * happen: no EXPORT in any audit log, no entry in the access ledger. Today's behaviour handed such a reader a CSV
     * of what row-level security let through (headers only) and recorded the export.
     */
    @Test
    void aContributionsExportFromOutsideTheWorkstreamIsRefusedAndRecordsNothing() {
        String traces = "select (select count(*) from audit_event where action = 'EXPORT' and entity_type = 'contribution'"
                + " and entity_id = ?) || '/' || (select count(*) from contribution_access where workstream_id = ?"
                + " and action = 'EXPORT')";
        List<String> wrong = new ArrayList<>();
        for (Persona persona : List.of(Persona.OTHER_TENANT, Persona.INVITED, Persona.WITHDRAWN, Persona.COORDINATOR)) {
            SignedInUser user = signedIn.get(persona);
            Map<String, Runnable> exports = Map.of(
                    "csv", () -> contributions.exportCsv(w.ref()),
                    "labelled", () -> contributions.exportLabelled(w.ref()));
            exports.forEach((kind, export) -> {
                Object before = database.query(traces, w.id().toString(), w.id()).getFirst().getFirst();
                try {
                    SignedInAs.run(user, export);
                    wrong.add(kind + " × " + persona + ": exported");
                } catch (org.entente.platform.validation.NotAllowed refused) {
                    assertThat(refused.text().key()).isEqualTo("contribution.error.exportNotParticipant");
                }
                Object after = database.query(traces, w.id().toString(), w.id()).getFirst().getFirst();
                if (!before.equals(after)) {
                    wrong.add(kind + " × " + persona + ": recorded (" + before + " → " + after + ")");
                }
            });
        }
        assertThat(wrong).isEmpty();

        // The count notices an export: a participant's (Delft's, of Norway's contributions) is recorded.
        Object before = database.query(traces, w.id().toString(), w.id()).getFirst().getFirst();
        SignedInAs.call(signedIn.get(Persona.SUSPENDED_TENANT), () -> contributions.exportCsv(w.ref()));
        assertThat(database.query(traces, w.id().toString(), w.id()).getFirst().getFirst()).isNotEqualTo(before);
    }

    /**
     * Issue 20: marking someone else's notification read is refused with a clear exception (it was a silent no-op),
     * also within the recipient's own organization, and the notification stays unread; its recipient may, twice.
     */
    @Test
    void markingSomeoneElsesNotificationReadIsRefusedAndLeavesItUnread() {
        String readAt = "select read_at is not null from notification where id = ?";
        for (Persona persona : List.of(Persona.OWNER_MEMBER, Persona.OTHER_TENANT, Persona.COORDINATOR)) {
            assertThatThrownBy(() -> SignedInAs.run(signedIn.get(persona), () -> notifications.markRead(mention.id())))
                    .as(persona.name()).isInstanceOfSatisfying(org.entente.platform.validation.NotAllowed.class,
                            e -> assertThat(e.text().key()).isEqualTo("notification.error.notYours"));
        }
        assertThat(database.query(readAt, mention.id()).getFirst().getFirst()).isEqualTo(false);
        SignedInUser recipient = signedIn.get(Persona.TENANT_ADMIN);
        try {
            SignedInAs.run(recipient, () -> notifications.markRead(mention.id()));
            SignedInAs.run(recipient, () -> notifications.markRead(mention.id()));
            assertThat(database.query(readAt, mention.id()).getFirst().getFirst()).isEqualTo(true);
        } finally {
            database.update("update notification set read_at = null where id = ?", mention.id());
        }
    }

    // ------------------------------------------------------------------ reads: did the answer hold the owner's item?

    private Map<String, Function<SignedInUser, Boolean>> reads() {
        String marker = owners.marker();
        WorkstreamQuery search = new WorkstreamQuery(marker, null, null);
        Map<String, Function<SignedInUser, Boolean>> probes = new LinkedHashMap<>();
        probes.put("list-search", u -> ids(workstreams.find(search, 0, 50), Workstream::id).contains(w.id()));
        probes.put("count-search", u -> workstreams.count(search) > 0);
        probes.put("workstream-by-id", u -> workstreams.get(w.id()).isPresent());
        probes.put("kind-details", u -> workstreams.details(w).isPresent());
        probes.put("participants", u -> !workstreams.participants(w.ref()).isEmpty());
        probes.put("dashboard-mine", u -> ids(workstreams.mine(500), Workstream::id).contains(w.id()));
        probes.put("dashboard-invitations", u -> ids(workstreams.pendingInvitations(), Workstream::id).contains(w.id()));
        probes.put("contributions", u -> ids(contributions.of(w.ref()), Contribution::id).contains(contribution.id()));
        probes.put("contributions-csv", u -> new String(contributions.exportCsv(w.ref()), StandardCharsets.UTF_8)
                .contains(marker));
        probes.put("contributions-labelled", u -> new String(zipEntry(contributions.exportLabelled(w.ref()).content(),
                "contributions.csv"), StandardCharsets.UTF_8).contains(marker));
        probes.put("access-ledger", u -> contributions.accessLedger(1000).stream()
                .anyMatch(a -> w.id().equals(a.workstreamId())));
        probes.put("comments", u -> ids(discussion.comments(w.ref()), Comment::id).contains(comment.id()));
        probes.put("workstream-members", u -> discussion.members(w.ref()).stream()
                .anyMatch(m -> m.tenantId().equals(Persona.OWNER_MEMBER.tenantId)));
        probes.put("mention-autocomplete", u -> discussion.mentionCandidates(w.ref(), "").stream()
                .anyMatch(m -> m.tenantId().equals(Persona.OWNER_MEMBER.tenantId)));
        probes.put("milestones", u -> ids(milestones.of(w.ref()), Milestone::id).contains(milestone.id()));
        probes.put("milestones-due", u -> ids(milestones.dueOrOverdue(30), Milestone::id).contains(milestone.id()));
        probes.put("events", u -> ids(eventService.of(w.ref()), org.entente.event.Event::id).contains(exercise.id()));
        probes.put("event-ics", u -> new String(calendarExport.single(exercise), StandardCharsets.UTF_8)
                .contains(exercise.id() + "@entente"));
        probes.put("event-registrations", u -> !eventRegistrations.of(exercise).isEmpty());
        probes.put("event-registrations-xlsx", u -> workbookText(eventExport.xlsx(exercise, java.util.Locale.ENGLISH))
                .contains(marker + " exercise"));
        probes.put("event-feedback", u -> eventRegistrations.feedback(exercise) != null);
        probes.put("my-registrations", u -> eventRegistrations.mine().containsKey(exercise.id()));
        probes.put("calendar", u -> calendarService.between(LocalDate.now(), LocalDate.now().plusDays(30),
                java.time.ZoneId.of("UTC")).stream().anyMatch(e -> e.id().equals(exercise.id())));
        // The owner member's own feed (another persona may have one of their own: not the owner's record).
        probes.put("calendar-feed-mine", u -> calendarFeeds.mine().map(f -> f.createdAt().equals(ownerFeed.createdAt()))
                .orElse(false));
        probes.put("files", u -> ids(attachments.of(w.ref()), Attachment::id).contains(file.id()));
        probes.put("file-download", u -> attachments.download(w.ref(), file.id()).isPresent());
        probes.put("activity-of-workstream", u -> !activity.of(w.ref(), 100).isEmpty());
        probes.put("activity-recent", u -> ids(activity.recent(1000), ActivityEntry::workstreamId).contains(w.id()));
        probes.put("notifications", u -> notifications.latest(1000).stream()
                .anyMatch(n -> n.workstream() != null && n.workstream().id().equals(w.id())));
        // The owner's people's entries about the workstream (a reader's own attempt, e.g. an empty export, is the
        // reader's entry in the reader's log).
        probes.put("audit-log", u -> audit.recent(0, 5000).stream().anyMatch(e -> w.id().toString().equals(e.entityId())
                && Persona.OWNER_MEMBER.memberId.equals(e.actorId())));
        probes.put("organization-members", u -> tenants.membersOfCurrentTenant().stream()
                .anyMatch(m -> m.toString().contains(Persona.OWNER_MEMBER.username)));
        probes.put("analytics-viewer", u -> analytics.viewer().tenantId().equals(Persona.OWNER_MEMBER.tenantId));
        probes.put("briefing-list", u -> ids(briefings.list(), Briefing::id).contains(briefing.id()));
        probes.put("briefing-by-id", u -> briefings.get(briefing.id()).isPresent());
        probes.put("briefing-download", u -> briefings.download(briefing.id()).map(d -> {
            try (var content = d.content()) {
                return content.readAllBytes().length > 0;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).orElse(false));
        // Norway's grant is told apart from other organizations' grants to NATO ACT by the moment it was made.
        probes.put("consent-grants", u -> consent.current().recipients().stream()
                .anyMatch(r -> r.id().equals(natoGrant.id()) && natoGrant.grantedAt().equals(r.grantedAt())));
        probes.put("consent-history", u -> consent.history(1000).stream()
                .anyMatch(c -> c.grantee().equals(natoGrant.id()) && c.action() == ConsentChange.Action.GRANT
                        && c.changedAt().equals(natoGrant.grantedAt())));
        probes.put("consent-to-us", u -> consent.publishingToUs().stream()
                .anyMatch(g -> g.grantor().equals(Persona.OWNER_MEMBER.tenantId)));
        probes.put("consent-preview", u -> previews.of(Persona.COORDINATOR.tenantId).tables().stream()
                .anyMatch(t -> !t.rows().isEmpty() && t.rows().getFirst().cell(t.columnIndex("partner")).value()
                        .equals(OWNER_NAME)));
        // Norway's capacity (demo data: every year 2021-2026) is the platform's to read; NATO ACT's guideline (demo
        // data: 2021-2026) its coordinators'. Another organization's coordinator reads its own, empty, guideline.
        probes.put("capacity-of-owner", u -> capacities.of(Persona.OWNER_MEMBER.tenantId).stream()
                .anyMatch(c -> c.year() == 2024));
        probes.put("guideline-of-coordinator", u -> guidelines.targets().stream().anyMatch(t -> t.year() == 2024));
        probes.put("consent-ledger", u -> consentLedger.uses(1000).stream()
                .anyMatch(c -> c.snapshotTakenAt().toInstant().equals(consentSnapshot)));
        probes.put("results-objectives", u -> ids(results.objectives(w.ref()), Objective::id).contains(objective.id()));
        probes.put("results-indicators", u -> ids(results.indicators(w.ref()), Indicator::id).contains(indicator.id()));
        probes.put("results-may-measure", u -> results.mayMeasure(indicator));
        probes.put("results-measurements", u -> ids(results.measurements(indicator), Measurement::id)
                .contains(measurement.id()));
        probes.put("results-corrections", u -> !results.corrections(measurement).isEmpty());
        probes.put("results-due", u -> results.dueForMyOrganization().stream()
                .anyMatch(d -> d.indicator().id().equals(indicator.id())));
        probes.put("assessments", u -> ids(assessments.of(w.ref()), Assessment::id).contains(assessment.id()));
        probes.put("final-assessment", u -> assessments.finalAssessment(completed.ref())
                .map(a -> a.id().equals(finalAssessment.id())).orElse(false));
        // The exports hold the indicator the reader may see (its definition carries the marker).
        probes.put("results-iati", u -> new String(resultsExport.iati(w.ref()).content(), StandardCharsets.UTF_8)
                .contains(marker + " indicator"));
        probes.put("results-csv", u -> new String(resultsExport.csv(w.ref()).content(), StandardCharsets.UTF_8)
                .contains(marker + " indicator"));
        probes.put("results-workbook", u -> workbookText(resultsExport.workbook(w.ref()).content())
                .contains(marker + " indicator"));
        probes.put("language-choice", u -> languages.chosen().isPresent());
        probes.put("mail-preferences", u -> mailPreferences.mine()
                .get(org.entente.workstream.Notifications.Kind.BRIEFING_FAILED) == org.entente.mail.Delivery.OFF);
        return probes;
    }

    // ------------------------------------------------------------------ writes naming the owner's records

    private Map<String, Function<SignedInUser, Object>> writes() {
        String hijack = owners.marker() + " hijacked";
        Map<String, Function<SignedInUser, Object>> writes = new LinkedHashMap<>();
        writes.put("pledge", u -> contributions.pledge(w.ref(), new ContributionDraft(ContributionType.FUNDING,
                hijack, "EUR", new BigDecimal("5"), null, Releasability.PARTICIPANTS, List.of())));
        writes.put("record-delivery", u -> contributions.recordDelivery(contribution, new BigDecimal("1")));
        writes.put("import-contributions", u -> importer.apply(w.ref(), "hijack.csv", ("reference,type,description,"
                + "unit,pledged,delivered,pledged_on,delivered_on,releasability,rel_to\nH-1,FUNDING," + hijack
                + ",EUR,5,,,,PARTICIPANTS,\n").getBytes(StandardCharsets.UTF_8)));
        writes.put("post-comment", u -> discussion.post(w.ref(), CommentDraft.toParticipants(hijack)));
        writes.put("reply-to-comment", u -> discussion.post(w.ref(),
                new CommentDraft(comment.id(), hijack, Releasability.PARTICIPANTS, List.of())));
        writes.put("edit-comment", u -> discussion.edit(comment, hijack));
        writes.put("add-milestone", u -> milestones.add(w.ref(), hijack, u.affiliation() instanceof
                org.entente.tenant.Affiliation.Affiliated a ? a.tenantId() : Persona.OWNER_MEMBER.tenantId,
                LocalDate.now().plusDays(3)));
        writes.put("milestone-status", u -> milestones.changeStatus(milestone, MilestoneStatus.CANCELLED, null));
        writes.put("revise-milestone", u -> milestones.revise(milestone, hijack, milestone.owner().id(),
                milestone.plannedDate()));
        // A new period of the owner's indicator, and a correction of its measured one (by the same period).
        writes.put("import-measurements", u -> measurementImporter.apply(w.ref(), "hijack.csv",
                ("indicator,partner,period_start,period_end,value,source,note\n" + indicator.definition() + ",,"
                        + LocalDate.now().minusDays(2) + "," + LocalDate.now().minusDays(1) + ",1," + hijack + ",\n")
                        .getBytes(StandardCharsets.UTF_8)));
        writes.put("import-milestones", u -> milestoneImporter.apply(w.ref(), "hijack.csv",
                ("reference,title,owner,planned,status,actual\nH-1," + hijack + ",," + LocalDate.now().plusDays(3)
                        + ",,\n").getBytes(StandardCharsets.UTF_8)));
        writes.put("create-event", u -> eventService.create(w.ref(), new org.entente.event.EventDraft(
                org.entente.event.EventType.MEETING, hijack, "", "", null, null, null, java.time.LocalDateTime.now().plusDays(2),
                java.time.LocalDateTime.now().plusDays(2).plusHours(1), "UTC", Releasability.PARTICIPANTS, List.of(), null,
                null, true)));
        writes.put("update-event", u -> eventService.update(exercise, new org.entente.event.EventDraft(
                org.entente.event.EventType.MEETING, hijack, "", "", null, null, null, java.time.LocalDateTime.now().plusDays(2),
                java.time.LocalDateTime.now().plusDays(2).plusHours(1), "UTC", Releasability.PARTICIPANTS, List.of(), null,
                null, true)));
        writes.put("cancel-event", u -> eventService.cancel(exercise));
        writes.put("register-for-event", u -> eventRegistrations.registerMe(exercise));
        writes.put("cancel-owners-registration", u -> eventRegistrations.cancel(exercise, Persona.OWNER_MEMBER.tenantId,
                Persona.OWNER_MEMBER.memberId));
        writes.put("event-feedback", u -> {
            eventRegistrations.giveFeedback(exercise, 1, hijack);
            return null;
        });
        writes.put("upload-file", u -> attachments.upload(w.ref(), "hijack.txt", hijack.getBytes(StandardCharsets.UTF_8),
                Releasability.PARTICIPANTS, List.of()));
        writes.put("edit-workstream", u -> workstreams.update(w, new WorkstreamDraft(hijack, "", Releasability.PARTICIPANTS,
                List.of(), null, null, null, new KindDetails.Initiative(Mechanism.JOINT_EXERCISE, List.of()))));
        writes.put("workstream-status", u -> workstreams.changeStatus(w, WorkstreamStatus.CANCELLED));
        writes.put("invite", u -> {
            workstreams.invite(w.ref(), Persona.OTHER_TENANT.tenantId, ParticipantRole.OBSERVER);
            return null;
        });
        writes.put("withdraw", u -> {
            workstreams.withdraw(w.ref());
            return null;
        });
        writes.put("mark-notification-read", u -> {
            notifications.markRead(mention.id());
            return null;
        });
        writes.put("add-objective", u -> results.addObjective(w.ref(), hijack));
        writes.put("rename-objective", u -> results.renameObjective(objective, hijack));
        writes.put("remove-objective", u -> {
            results.removeObjective(objective);
            return null;
        });
        writes.put("define-indicator", u -> results.defineIndicator(w.ref(), indicatorDraft(hijack)));
        writes.put("update-indicator", u -> results.updateIndicator(indicator, indicatorDraft(hijack)));
        writes.put("remove-indicator", u -> {
            results.removeIndicator(indicator);
            return null;
        });
        writes.put("enter-measurement", u -> results.enterMeasurement(indicator, new MeasurementDraft(
                LocalDate.now().minusMonths(1), LocalDate.now().minusDays(1), null, BigDecimal.ONE, hijack, hijack)));
        writes.put("correct-measurement", u -> results.correctMeasurement(measurement, BigDecimal.ONE, hijack, hijack));
        writes.put("record-assessment", u -> assessments.record(w.ref(), assessmentDraft(hijack)));
        writes.put("update-assessment", u -> assessments.update(assessment, assessmentDraft(hijack)));
        writes.put("remove-assessment", u -> {
            assessments.remove(assessment);
            return null;
        });
        writes.put("mark-recommendation", u -> assessments.markRecommendation(assessment,
                assessment.recommendations().getFirst(), RecommendationStatus.DONE));
        // Reminders are written to the caller's own organization only: nothing of the owner's changes.
        writes.put("remind-measurements-due", u -> measurementReminders.remind());
        // Consent is always the caller's own organization's: none of these people may change even that.
        writes.put("save-publication-consent", u -> {
            Publication own = consent.current();
            Set<UUID> flipped = new java.util.HashSet<>(own.granted());
            if (!flipped.remove(Persona.COORDINATOR.tenantId)) {
                flipped.add(Persona.COORDINATOR.tenantId);
            }
            return consent.save(own.version(), flipped);
        });
        return writes;
    }

    /** The fingerprint's one query (the tables are the schema's, read once). */
    private String fingerprintQuery;

    /**
     * Everything stored for the workstream, as the superuser sees it: its row and every row of every table with a
     * workstream_id (contributions, comments, milestones, files, participation, activity, notifications, the results
     * chain, ...), and the owner's consent tables. One query (each superuser query opens a connection of its own, and
     * the write matrix takes two fingerprints per write and persona).
     */
    private String fingerprint() {
        if (fingerprintQuery == null) {
            List<String> tables = database.query("""
                    select table_name from information_schema.columns
                     where table_schema = 'public' and column_name = 'workstream_id'
                       and table_name in (select table_name from information_schema.tables
                                           where table_schema = 'public' and table_type = 'BASE TABLE')
                     order by table_name""").stream().map(r -> (String) r.getFirst()).toList();
            StringBuilder sql = new StringBuilder("select string_agg(part, ';' order by ord) from ("
                    + " select 0 as ord, 'workstream=' || md5(w::text) as part from workstream w where id = ?");
            int ord = 1;
            for (String table : List.of("publication_consent", "publication_consent_change", "consent_use")) {
                sql.append(part(ord++, table, "tenant_id"));
            }
            for (String table : tables) {
                sql.append(part(ord++, table, "workstream_id"));
            }
            fingerprintQuery = sql.append(") parts").toString();
        }
        int parameters = (int) fingerprintQuery.chars().filter(c -> c == '?').count();
        Object[] values = new Object[parameters];
        values[0] = w.id();
        for (int i = 1; i < parameters; i++) {
            values[i] = i <= 3 ? Persona.OWNER_MEMBER.tenantId : w.id();
        }
        return String.valueOf(database.query(fingerprintQuery, values).getFirst().getFirst());
    }

    /** Count and digest of a table's rows with {@code column} = ? (the table and column names are the schema's). */
    private static String part(int ord, String table, String column) {
        return " union all select " + ord + ", '" + table + "=' || count(*) || ',' || md5(coalesce(string_agg(t::text,"
                + " '|' order by t::text), '')) from \"" + table + "\" t where " + column + " = ?";
    }

    // ------------------------------------------------------------------ helpers

    private IndicatorDraft indicatorDraft(String definition) {
        return new IndicatorDraft(objective.id(), definition, IndicatorUnit.NUMBER, Direction.HIGHER,
                Disaggregation.NONE, null, null, BigDecimal.TEN, LocalDate.now().plusYears(1), Frequency.YEARLY,
                Persona.OWNER_MEMBER.tenantId, Releasability.PARTICIPANTS, List.of());
    }

    private static AssessmentDraft assessmentDraft(String findings) {
        return new AssessmentDraft(AssessmentKind.PERIODIC, AssessmentMode.SELF, null, null,
                LocalDate.now().minusDays(1), findings, Releasability.PARTICIPANTS, List.of(), Map.of(), List.of());
    }

    /** Every cell of every sheet of a workbook, as text. */
    private static String workbookText(byte[] workbook) {
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(workbook))) {
            StringBuilder text = new StringBuilder();
            var formatter = new org.apache.poi.ss.usermodel.DataFormatter();
            book.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> text.append(formatter.formatCellValue(cell))
                    .append('|'))));
            return text.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One entry of a zip. */
    private static byte[] zipEntry(byte[] zip, String name) {
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
            throw new AssertionError("no " + name + " in the zip");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String answer(SignedInUser user, Function<SignedInUser, Boolean> probe) {
        try {
            return SignedInAs.call(user, () -> probe.apply(user)) ? "Y" : "N";
        } catch (RuntimeException e) {
            return "R";
        }
    }

    private static <T> List<UUID> ids(Collection<T> items, Function<T, UUID> id) {
        return items.stream().map(id).toList();
    }

    private Briefing awaitFinished(UUID id) {
        SignedInUser coordinator = signedIn.get(Persona.COORDINATOR);
        return Eventually.value("briefing written", Duration.ofMinutes(2), () -> SignedInAs.call(coordinator,
                () -> briefings.get(id)).filter(seen -> seen.status().finished()));
    }

    /** A briefing is written from the analytics snapshot: take one if no test has yet. */
    private void freshSnapshot() {
        java.time.Instant asked = org.entente.testing.Refreshes.now();
        var outcome = new java.util.concurrent.CompletableFuture<org.entente.analytics.RefreshEvent>();
        try (AutoCloseable watch = analytics.watch(event -> {
            if (org.entente.testing.Refreshes.endsOneAskedSince(event, asked)) {
                outcome.complete(event);
            }
        })) {
            SignedInAs.run(signedIn.get(Persona.COORDINATOR), analytics::refresh);
            assertThat(outcome.get(3, java.util.concurrent.TimeUnit.MINUTES))
                    .isInstanceOf(org.entente.analytics.RefreshEvent.Finished.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static Map<String, Map<Persona, String>> parse(String table) {
        Map<String, Map<Persona, String>> rows = new LinkedHashMap<>();
        for (String line : table.lines().filter(l -> !l.isBlank()).skip(1).toList()) {
            String[] cells = line.trim().split("\\s+");
            assertThat(cells).as(line).hasSize(Persona.values().length + 1);
            Map<Persona, String> row = new EnumMap<>(Persona.class);
            for (Persona persona : Persona.values()) {
                row.put(persona, cells[persona.ordinal() + 1]);
            }
            assertThat(rows.put(cells[0], row)).as("one row per probe: " + cells[0]).isNull();
        }
        return rows;
    }
}
