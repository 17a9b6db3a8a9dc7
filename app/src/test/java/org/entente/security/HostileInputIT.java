package org.entente.security;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.testing.DemoActors.NORWAY;
import static org.junit.jupiter.api.Assertions.fail;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
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
import org.entente.assessment.MeasurementDraft;
import org.entente.assessment.Objective;
import org.entente.assessment.RecommendationDraft;
import org.entente.assessment.ResultsService;
import org.entente.attachment.AttachmentService;
import org.entente.contribution.Contribution;
import org.entente.contribution.ContributionDraft;
import org.entente.contribution.ContributionService;
import org.entente.contribution.ContributionType;
import org.entente.db.embedded.LocalPostgres;
import org.entente.discussion.CommentDraft;
import org.entente.discussion.DiscussionService;
import org.entente.engagement.EngagementType;
import org.entente.engagement.RiskRating;
import org.entente.engagement.VettingStatus;
import org.entente.initiative.Mechanism;
import org.entente.milestone.MilestoneService;
import org.entente.platform.validation.InvalidInput;
import org.entente.rnd.TechnologyArea;
import org.entente.rnd.WorkPackage;
import org.entente.rnd.WorkPackageService;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.DemoActors;
import org.entente.testing.SuperuserDatabase;
import org.entente.workstream.KindDetails;
import org.entente.workstream.Releasability;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamDraft;
import org.entente.workstream.WorkstreamService;
import org.entente.workstream.WorkstreamStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Issue 10, part 3: every free-text field a person types into, times every hostile value. Each write is either
 * stored as typed (read back byte for byte through the service and as the database superuser; the only
 * normalization allowed is trimming surrounding whitespace, as most forms do) or refused with an
 * {@link InvalidInput} naming the field, with nothing stored: no row, no audit event, no activity entry.
 * Anything else (a database error, a stack trace) fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT extends AppIntegrationTest {

    /** A hostile value; {@code storable} says whether free text with it must be kept (else refused). */
    record Hostile(String name, String value, boolean storable) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Hostile> VALUES = List.of(
            new Hostile("oversize (100 001 chars)", "A".repeat(100_001), false),
            new Hostile("NUL", "before\u0000after", false),
            new Hostile("C0 controls (BEL, ESC, BS)", "bell\u0007 esc\u001B[31m red\u0008", false),
            new Hostile("DEL and C1 controls", "del\u007F next-line\u0085 csi\u009B", false),
            new Hostile("unpaired surrogate (half an emoji)", "broken \uD83D here", false),
            new Hostile("right-to-left override", "Plan \u202Egnp.exe \u202Bembedded\u202C \u2067isolate\u2069", true),
            new Hostile("zero-width characters", "zero\u200Bwidth\u200Cnon\u200Djoiner\uFEFFbom\u2060", true),
            new Hostile("emoji", "Flags \uD83C\uDDF3\uD83C\uDDF4\uD83C\uDDF0\uD83C\uDDEA family \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 \u2705", true),
            new Hostile("SQL", "Robert'); DROP TABLE workstream;-- ' OR '1'='1", true),
            new Hostile("HTML and script", "<script>alert(document.cookie)</script><img src=x onerror=alert(1)>", true),
            new Hostile("leading =", "=HYPERLINK(\"http://evil.example\",\"open\")", true),
            new Hostile("leading +", "+1+cmd|' /C calc'!A0", true),
            new Hostile("leading -", "-2+3", true),
            new Hostile("leading @", "@SUM(A1:A9)", true),
            new Hostile("leading tab and CR", "\t\r=1+1", true),
            new Hostile("tab, CR and LF inside", "line one\r\nline two\tafter tab\rend", true));

    /**
     * A form field: {@code write} stores a value as a signed-in member and returns what the service and the
     * superuser read back; {@code state} is what a refused write must leave unchanged; {@code alsoRefused}
     * names values the field refuses by its own format rules.
     */
    record FormField(String name, String errorKey, Function<String, ReadBack> write, String table,
            Set<String> alsoRefused) {
        @Override
        public String toString() {
            return name;
        }
    }

    record ReadBack(String viaService, Object viaDatabase) {
    }

    @Autowired
    WorkstreamService workstreams;
    @Autowired
    org.entente.contribution.importing.ContributionImporter importer;
    @Autowired
    ContributionService contributions;
    @Autowired
    DiscussionService discussion;
    @Autowired
    MilestoneService milestones;
    @Autowired
    org.entente.milestone.importing.MilestoneImporter milestoneImporter;
    @Autowired
    WorkPackageService workPackages;
    @Autowired
    AttachmentService attachments;
    @Autowired
    ResultsService results;
    @Autowired
    AssessmentService assessments;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    org.entente.tenant.admin.TenantCapacities capacities;
    @Autowired
    org.entente.tenant.TenantService tenants;
    @Autowired
    LocalPostgres postgres;
    @Autowired
    org.entente.tenant.admin.SignInProviders signInProviders;
    @Autowired
    org.entente.mail.MailPreferences mailPreferences;

    DemoActors actors;
    SuperuserDatabase database;
    Workstream initiative;
    Workstream project;
    /** A completed initiative: its assessments take the text the after-action lessons learned used to. */
    Workstream completed;
    UUID workPackage;
    Objective objective;
    /** A number indicator Norway measures itself: each measurement written here is for a day of its own. */
    Indicator measured;
    final AtomicInteger sequence = new AtomicInteger();
    /** An event of Norway's that has ended, Norway's member registered for it: feedback is written to it (issue #21). */
    org.entente.event.Event endedEvent;
    @Autowired
    org.entente.event.EventService events;
    @Autowired
    org.entente.event.RegistrationService eventRegistrations;
    final List<String> outcomes = new ArrayList<>();

    @BeforeAll
    void workstreamsToWriteInto() {
        actors = new DemoActors(transactionManager);
        database = new SuperuserDatabase(postgres);
        initiative = create(initiativeDraft("Hostile input " + UUID.randomUUID(), List.of()));
        project = create(new WorkstreamDraft("Hostile input project " + UUID.randomUUID(), "", Releasability.PARTICIPANTS,
                List.of(), null, null, null, new KindDetails.RndProject(TechnologyArea.CYBER, 2, 3, 6, null, null)));
        actors.run(NORWAY, () -> workPackages.add(project.ref(), "WP1", "Hostile deliverables", NORWAY.tenantId(), null));
        workPackage = actors.as(NORWAY, () -> workPackages.of(project.ref())).getFirst().id();
        Workstream done = create(initiativeDraft("Hostile after action " + UUID.randomUUID(), List.of()));
        for (WorkstreamStatus next : List.of(WorkstreamStatus.APPROVED, WorkstreamStatus.ACTIVE, WorkstreamStatus.COMPLETED)) {
            Workstream current = done;
            done = actors.as(NORWAY, () -> workstreams.changeStatus(current, next));
        }
        completed = done;
        objective = actors.as(NORWAY, () -> results.addObjective(initiative.ref(), "Hostile measures"));
        measured = actors.as(NORWAY, () -> results.defineIndicator(initiative.ref(), new IndicatorDraft(objective.id(),
                "Hostile count", IndicatorUnit.NUMBER, Direction.HIGHER, Disaggregation.NONE, null, null,
                BigDecimal.TEN, LocalDate.now().plusYears(1), Frequency.MONTHLY, NORWAY.tenantId(),
                Releasability.PARTICIPANTS, List.of())));
        org.entente.event.Event planned = actors.as(NORWAY, () -> events.create(initiative.ref(),
                eventDraft("Hostile feedback course", "", null, java.time.LocalDateTime.now().plusDays(3))));
        actors.as(NORWAY, () -> eventRegistrations.registerMe(planned));
        endedEvent = actors.as(NORWAY, () -> events.update(planned, eventDraft("Hostile feedback course", "", null,
                java.time.LocalDateTime.now().minusDays(3))));
    }

    static org.entente.event.EventDraft eventDraft(String title, String location, String link,
            java.time.LocalDateTime start) {
        return new org.entente.event.EventDraft(org.entente.event.EventType.COURSE, title, "", location, null, null, link,
                start.withNano(0), start.withNano(0).plusHours(3), "Europe/Oslo", Releasability.PARTICIPANTS, List.of(),
                null, null, true);
    }

    private org.entente.event.Event event(UUID id) {
        return actors.as(NORWAY, () -> events.get(NORWAY.tenantId(), id)).orElseThrow();
    }

    List<FormField> fields() {
        List<FormField> fields = new ArrayList<>();
        fields.add(new FormField("workstream title", "title", v -> {
            Workstream w = create(initiativeDraft(v, List.of()));
            return new ReadBack(read(w).title(), column("workstream", "title", w.id()));
        }, "workstream", Set.of()));
        fields.add(new FormField("workstream description", "description", v -> {
            Workstream w = create(new WorkstreamDraft(title(), v, Releasability.PARTICIPANTS, List.of(), null, null, null,
                    new KindDetails.Initiative(Mechanism.CAPACITY_BUILDING, List.of())));
            return new ReadBack(read(w).description(), column("workstream", "description", w.id()));
        }, "workstream", Set.of()));
        fields.add(new FormField("workstream region", "region", v -> {
            Workstream w = create(new WorkstreamDraft(title(), "", Releasability.PARTICIPANTS, List.of(), v, null, null,
                    new KindDetails.Initiative(Mechanism.CAPACITY_BUILDING, List.of())));
            return new ReadBack(read(w).region(), column("workstream", "region", w.id()));
        }, "workstream", Set.of()));
        fields.add(new FormField("initiative objective", "objectives", v -> {
            Workstream w = create(initiativeDraft(title(), List.of(v)));
            var details = (KindDetails.Initiative) actors.as(NORWAY, () -> workstreams.details(w)).orElseThrow();
            return new ReadBack(details.objectives().getFirst(), database.query(
                    "select text from objective where workstream_id = ?", w.id()).getFirst().getFirst());
        }, "objective", Set.of()));
        fields.add(new FormField("objective (Results tab)", "text", v -> {
            UUID id = actors.as(NORWAY, () -> results.addObjective(initiative.ref(), v)).id();
            return new ReadBack(actors.as(NORWAY, () -> results.objectives(initiative.ref())).stream()
                    .filter(o -> o.id().equals(id)).findFirst().orElseThrow().text(), byId("objective", "text", id));
        }, "objective", Set.of()));
        fields.add(new FormField("indicator definition", "definition", v -> {
            UUID id = actors.as(NORWAY, () -> results.defineIndicator(initiative.ref(), new IndicatorDraft(
                    objective.id(), v, IndicatorUnit.PERCENT, Direction.HIGHER, Disaggregation.NONE, BigDecimal.ONE,
                    LocalDate.now().minusMonths(6), new BigDecimal("50"), LocalDate.now().plusYears(1),
                    Frequency.QUARTERLY, NORWAY.tenantId(), Releasability.PARTICIPANTS, List.of()))).id();
            return new ReadBack(actors.as(NORWAY, () -> results.indicators(initiative.ref())).stream()
                    .filter(i -> i.id().equals(id)).findFirst().orElseThrow().definition(),
                    byId("indicator", "definition", id));
        }, "indicator", Set.of()));
        fields.add(new FormField("measurement source", "source", v -> measure(v, null, true), "measurement", Set.of()));
        fields.add(new FormField("measurement note", "note", v -> measure(null, v, false), "measurement", Set.of()));
        fields.add(new FormField("assessment assessor name", "assessorName", v -> {
            Assessment a = actors.as(NORWAY, () -> assessments.record(completed.ref(), new AssessmentDraft(
                    AssessmentKind.PERIODIC, AssessmentMode.EXTERNAL, v, null, LocalDate.now(), null,
                    Releasability.PARTICIPANTS, List.of(), Map.of(), List.of())));
            return new ReadBack(assessment(a.id()).assessorName(), byId("assessment", "assessor_name", a.id()));
        }, "assessment", Set.of()));
        // The findings of an assessment took the place of the after-action "lessons learned".
        fields.add(new FormField("assessment findings", "findings", v -> {
            Assessment a = actors.as(NORWAY, () -> assessments.record(completed.ref(), new AssessmentDraft(
                    AssessmentKind.PERIODIC, AssessmentMode.SELF, null, null, LocalDate.now(), v,
                    Releasability.PARTICIPANTS, List.of(), Map.of(), List.of())));
            return new ReadBack(assessment(a.id()).findings(), byId("assessment", "findings", a.id()));
        }, "assessment", Set.of()));
        fields.add(new FormField("assessment recommendation", "recommendation", v -> {
            Assessment a = actors.as(NORWAY, () -> assessments.record(completed.ref(), new AssessmentDraft(
                    AssessmentKind.PERIODIC, AssessmentMode.SELF, null, null, LocalDate.now(), null,
                    Releasability.PARTICIPANTS, List.of(), Map.of(),
                    List.of(new RecommendationDraft(v, NORWAY.tenantId(), null)))));
            return new ReadBack(assessment(a.id()).recommendations().getFirst().text(), database.query(
                    "select text from assessment_recommendation where assessment_id = ?", a.id()).getFirst().getFirst());
        }, "assessment", Set.of()));
        fields.add(new FormField("R&D background IP terms", "backgroundIpTerms", v -> {
            Workstream w = create(rndDraft(v, null));
            return new ReadBack(rnd(w).backgroundIpTerms(), column("rnd_project", "background_ip_terms", w.id()));
        }, "rnd_project", Set.of()));
        fields.add(new FormField("R&D foreground IP terms", "foregroundIpTerms", v -> {
            Workstream w = create(rndDraft(null, v));
            return new ReadBack(rnd(w).foregroundIpTerms(), column("rnd_project", "foreground_ip_terms", w.id()));
        }, "rnd_project", Set.of()));
        fields.add(new FormField("engagement party name", "party", v -> {
            Workstream w = create(engagementDraft(v, null, null));
            return new ReadBack(engagement(w).partyName(), column("engagement", "party_name", w.id()));
        }, "engagement", Set.of()));
        fields.add(new FormField("engagement agreement reference", "agreementReference", v -> {
            Workstream w = create(engagementDraft("Hostile Party Ltd", v, null));
            return new ReadBack(engagement(w).agreementReference(), column("engagement", "agreement_reference", w.id()));
        }, "engagement", Set.of()));
        fields.add(new FormField("engagement outcomes", "outcomes", v -> {
            Workstream w = create(engagementDraft("Hostile Party Ltd", null, v));
            return new ReadBack(engagement(w).outcomes(), column("engagement", "outcomes", w.id()));
        }, "engagement", Set.of()));
        // The source beside a capacity figure, typed by a platform administrator (one year per value, so each stored
        // value is a row of its own).
        fields.add(new FormField("capacity source", "source", v -> {
            org.entente.platform.security.SignedInUser admin = Persona.PLATFORM_ADMIN.signIn(tenants);
            int year = 2040 + sequence.incrementAndGet() % 60;
            org.entente.platform.security.SignedInAs.run(admin,
                    () -> capacities.set(NORWAY.tenantId(), year, new BigDecimal("1000.00"), v));
            String viaService = org.entente.platform.security.SignedInAs.call(admin,
                    () -> capacities.of(NORWAY.tenantId())).stream().filter(c -> c.year() == year).findFirst()
                    .orElseThrow().source();
            return new ReadBack(viaService, database.query(
                    "select source from tenant_capacity where tenant_id = ? and year = ?", NORWAY.tenantId(), year)
                    .getFirst().getFirst());
        }, "tenant_capacity", Set.of()));
        fields.add(new FormField("contribution description", "description", v -> {
            Contribution c = pledge(v, "EUR");
            return new ReadBack(contribution(c.id()).description(), byId("contribution", "description", c.id()));
        }, "contribution", Set.of()));
        // Through a spreadsheet import (CSV as a spreadsheet writes it): the contributor's own reference.
        fields.add(new FormField("imported contribution reference", "file", v -> {
            String reference = v;
            actors.as(NORWAY, () -> importer.apply(initiative.ref(), "hostile.csv", importFile(reference)));
            Map.Entry<String, Contribution> stored = actors.as(NORWAY, () -> contributions.byReference(initiative.ref()))
                    .entrySet().stream().filter(e -> e.getValue().description().equals("Hostile reference "
                            + Integer.toHexString(reference.hashCode()))).findFirst().orElseThrow();
            return new ReadBack(stored.getKey(), byId("contribution", "external_ref", stored.getValue().id()));
        }, "contribution", Set.of("tab, CR and LF inside")));
        fields.add(new FormField("contribution unit", "unit", v -> {
            Contribution c = pledge("Hostile unit", v);
            return new ReadBack(contribution(c.id()).unit(), byId("contribution", "unit", c.id()));
        }, "contribution", names(VALUES)));
        fields.add(new FormField("comment body", "body", v -> {
            UUID id = actors.as(NORWAY, () -> discussion.post(initiative.ref(), CommentDraft.toParticipants(v))).id();
            return new ReadBack(actors.as(NORWAY, () -> discussion.comments(initiative.ref())).stream()
                    .filter(c -> c.id().equals(id)).findFirst().orElseThrow().body(), byId("comment", "body", id));
        }, "comment", Set.of("leading @"))); // "@SUM" reads as a mention of someone not in the workstream
        fields.add(new FormField("milestone title", "title", v -> {
            UUID id = actors.as(NORWAY, () -> milestones.add(initiative.ref(), v, NORWAY.tenantId(), LocalDate.now())).id();
            return new ReadBack(actors.as(NORWAY, () -> milestones.of(initiative.ref())).stream()
                    .filter(m -> m.id().equals(id)).findFirst().orElseThrow().title(), byId("milestone", "title", id));
        }, "milestone", Set.of()));
        // Through the milestone plan import: the lead's own reference.
        fields.add(new FormField("imported milestone reference", "file", v -> {
            String reference = v;
            String title = "Hostile milestone " + Integer.toHexString(reference.hashCode());
            actors.as(NORWAY, () -> milestoneImporter.apply(initiative.ref(), "hostile.csv",
                    milestoneFile(reference, title)));
            Map.Entry<String, org.entente.milestone.Milestone> stored = actors.as(NORWAY,
                    () -> milestones.byReference(initiative.ref())).entrySet().stream()
                    .filter(e -> e.getValue().title().equals(title)).findFirst().orElseThrow();
            return new ReadBack(stored.getKey(), byId("milestone", "external_ref", stored.getValue().id()));
        }, "milestone", Set.of("tab, CR and LF inside")));
        // Issue #21: an event's title, place and online link (web links only: none of the values is one), and the
        // feedback text of a person registered for an event that has ended.
        fields.add(new FormField("event title", "title", v -> {
            UUID id = actors.as(NORWAY, () -> events.create(initiative.ref(), eventDraft(v, "", null,
                    java.time.LocalDateTime.now().plusDays(4)))).id();
            return new ReadBack(event(id).title(), byId("event", "title", id));
        }, "event", Set.of()));
        fields.add(new FormField("event place", "location", v -> {
            UUID id = actors.as(NORWAY, () -> events.create(initiative.ref(), eventDraft("Hostile place", v, null,
                    java.time.LocalDateTime.now().plusDays(4)))).id();
            return new ReadBack(event(id).locationName(), byId("event", "location_name", id));
        }, "event", Set.of()));
        fields.add(new FormField("event online link", "onlineLink", v -> {
            UUID id = actors.as(NORWAY, () -> events.create(initiative.ref(), eventDraft("Hostile link", "", v,
                    java.time.LocalDateTime.now().plusDays(4)))).id();
            return new ReadBack(event(id).onlineLink(), byId("event", "online_link", id));
        }, "event", names(VALUES)));
        fields.add(new FormField("event feedback text", "comment", v -> {
            actors.run(NORWAY, () -> eventRegistrations.giveFeedback(endedEvent, 3, v));
            return new ReadBack(actors.as(NORWAY, () -> eventRegistrations.feedback(endedEvent)).comments().getFirst(),
                    database.query("select comment from event_feedback where event_id = ?", endedEvent.id())
                            .getFirst().getFirst());
        }, "event_feedback", Set.of()));
        fields.add(new FormField("work package code", "code", v -> {
            actors.run(NORWAY, () -> workPackages.add(project.ref(), v, "Hostile code", NORWAY.tenantId(), null));
            return workPackageBy(p -> p.code().equals(v.strip()), WorkPackage::code, "code");
        }, "work_package", names(VALUES)));
        fields.add(new FormField("work package title", "title", v -> {
            String code = "H" + sequence.incrementAndGet();
            actors.run(NORWAY, () -> workPackages.add(project.ref(), code, v, NORWAY.tenantId(), null));
            return workPackageBy(p -> p.code().equals(code), WorkPackage::title, "title");
        }, "work_package", Set.of()));
        fields.add(new FormField("deliverable title", "deliverable", v -> {
            actors.run(NORWAY, () -> workPackages.addDeliverable(project.ref(), workPackage, v, null));
            var deliverables = actors.as(NORWAY, () -> workPackages.of(project.ref())).stream()
                    .filter(p -> p.id().equals(workPackage)).findFirst().orElseThrow().deliverables();
            var latest = deliverables.stream().filter(d -> d.title().equals(v.strip())).findFirst()
                    .orElse(deliverables.getLast());
            return new ReadBack(latest.title(), byId("deliverable", "title", latest.id()));
        }, "deliverable", Set.of()));
        fields.add(new FormField("attachment file name", "file", v -> {
            var a = actors.as(NORWAY, () -> attachments.upload(initiative.ref(), v + ".txt",
                    "Plain notes.".getBytes(StandardCharsets.UTF_8), Releasability.PARTICIPANTS, List.of()));
            return new ReadBack(actors.as(NORWAY, () -> attachments.of(initiative.ref())).stream()
                    .filter(f -> f.id().equals(a.id())).findFirst().orElseThrow().fileName(),
                    byId("attachment", "file_name", a.id()));
        }, "attachment", Set.of("right-to-left override", "tab, CR and LF inside")));
        return fields;
    }

    Stream<Arguments> everyFieldWithEveryValue() {
        return fields().stream().flatMap(field -> VALUES.stream().map(value -> Arguments.of(field, value)));
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("everyFieldWithEveryValue")
    void isStoredAsTypedOrRefusedWithAFieldMessage(FormField field, Hostile hostile) {
        String value = hostile.value();
        boolean mustStore = hostile.storable() && !field.alsoRefused().contains(hostile.name());
        List<Object> before = state(field);

        ReadBack stored = null;
        InvalidInput refused = null;
        try {
            stored = field.write().apply(value);
        } catch (InvalidInput e) {
            refused = e;
        } catch (RuntimeException e) {
            fail(field + " with " + hostile + " failed with " + e.getClass().getName() + " instead of a field message", e);
        }

        if (refused != null) {
            InvalidInput invalid = refused;
            assertThat(invalid.fieldErrors()).as("the refusal names the field").containsKey(field.errorKey());
            assertThat(invalid.fieldErrors().get(field.errorKey())).isNotBlank();
            assertThat(state(field)).as("nothing of a refused write is stored (rows, audit, activity)").isEqualTo(before);
            assertThat(mustStore).as(field + " refused " + hostile + ": " + invalid.getMessage()).isFalse();
            outcomes.add(field + " × " + hostile + ": refused");
        } else {
            String typed = field.name().equals("attachment file name") ? value + ".txt" : value;
            assertThat(stored.viaService()).as("read back through the service").isIn(typed, typed.strip());
            assertThat(stored.viaDatabase()).as("read back as the database superuser").isEqualTo(stored.viaService());
            assertThat(mustStore).as(field + " stored " + hostile + " instead of refusing it").isTrue();
            outcomes.add(field + " × " + hostile + ": stored");
        }
    }

    /** An event's online link is a web link: script, data and other schemes are refused with a field message. */
    @Test
    void eventLinksAreWebLinksOnly() {
        for (String link : List.of("javascript:alert(1)", "JavaScript:alert(document.cookie)", " javascript:alert(1)",
                "data:text/html,<script>alert(1)</script>", "vbscript:msgbox", "file:///etc/passwd", "//evil.example/x",
                "https://", "http://exa mple.org", "https://example.org/\u0000")) {
            List<Object> before = state(new FormField("link", "onlineLink", v -> null, "event", Set.of()));
            assertThatThrownBy(() -> actors.as(NORWAY, () -> events.create(initiative.ref(), eventDraft("Link", "", link,
                    java.time.LocalDateTime.now().plusDays(4))))).as(link)
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors()).containsKey("onlineLink"));
            assertThat(state(new FormField("link", "onlineLink", v -> null, "event", Set.of()))).isEqualTo(before);
        }
        var stored = actors.as(NORWAY, () -> events.create(initiative.ref(), eventDraft("Link", "",
                "https://meet.example.org/room?id=1&x=2", java.time.LocalDateTime.now().plusDays(4))));
        assertThat(stored.onlineLink()).isEqualTo("https://meet.example.org/room?id=1&x=2");
    }

    @Test
    void theCsvExportDefusesFormulasAndKeepsTheRestAsText() throws java.io.IOException {
        Workstream w = create(initiativeDraft(title(), List.of()));
        for (String description : List.of("=HYPERLINK(\"http://evil.example\",\"open\")", "+1+1", "-2+3", "@SUM(A1:A9)",
                "<script>alert(1)</script>", "line one\r\nline two, \"quoted\"")) {
            actors.as(NORWAY, () -> contributions.pledge(w.ref(), new ContributionDraft(ContributionType.FUNDING,
                    description, "EUR", BigDecimal.TEN, null, Releasability.PARTICIPANTS, List.of())));
        }

        String csv = new String(actors.as(NORWAY, () -> contributions.exportCsv(w.ref())), StandardCharsets.UTF_8);

        // Read back as a spreadsheet would: each description one cell, a formula's first character defused.
        List<String> descriptions = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader()
                .setSkipHeaderRecord(true).get().parse(new java.io.StringReader(csv)).getRecords().stream()
                .map(row -> row.get("description")).toList();
        assertThat(descriptions).containsExactlyInAnyOrder("'=HYPERLINK(\"http://evil.example\",\"open\")", "'+1+1",
                "'-2+3", "'@SUM(A1:A9)", "<script>alert(1)</script>", "line one\r\nline two, \"quoted\"");
        assertThat(csv).doesNotContain(",=", ",+", ",-", ",@", ",\"=", ",\"+", ",\"-", ",\"@");
    }

    /**
     * The value of a measurement is typed into a number field (a non-numeric text never becomes a BigDecimal: that is
     * the form's); what reaches the service is refused with a message on "value" unless the indicator's unit admits
     * it, and nothing is stored.
     */
    @Test
    void measurementValuesTheUnitForbidsAreRefusedWithAFieldMessage() {
        Map<IndicatorUnit, List<String>> forbidden = Map.of(
                IndicatorUnit.PERCENT, List.of("250", "-1", "100.00001"),
                IndicatorUnit.YES_NO, List.of("2", "0.5", "-1"),
                IndicatorUnit.SCALE_1_5, List.of("0", "6", "5.5"),
                IndicatorUnit.EUR, List.of("-0.01"),
                IndicatorUnit.NUMBER, List.of("1e14", "-1e15", "0.00001"));
        List<Object> before = new ArrayList<>(List.of(count("select count(*) from measurement where tenant_id = ?"),
                count("select count(*) from audit_event where tenant_id = ?"),
                count("select count(*) from activity where tenant_id = ?")));
        List<String> wrong = new ArrayList<>();
        forbidden.forEach((unit, values) -> {
            Indicator indicator = actors.as(NORWAY, () -> results.defineIndicator(initiative.ref(), new IndicatorDraft(
                    objective.id(), "Forbidden " + unit, unit, Direction.HIGHER, Disaggregation.NONE, null, null,
                    unit == IndicatorUnit.YES_NO || unit == IndicatorUnit.SCALE_1_5 ? BigDecimal.ONE : BigDecimal.TEN,
                    LocalDate.now().plusYears(1), Frequency.MONTHLY, NORWAY.tenantId(), Releasability.PARTICIPANTS,
                    List.of())));
            before.set(1, count("select count(*) from audit_event where tenant_id = ?"));
            before.set(2, count("select count(*) from activity where tenant_id = ?"));
            for (String value : values) {
                try {
                    actors.as(NORWAY, () -> results.enterMeasurement(indicator, new MeasurementDraft(
                            LocalDate.now().minusDays(1), LocalDate.now().minusDays(1), null, new BigDecimal(value),
                            null, null)));
                    wrong.add(unit + " " + value + ": stored");
                } catch (InvalidInput e) {
                    if (!e.fieldErrors().containsKey("value") || e.fieldErrors().get("value").isBlank()) {
                        wrong.add(unit + " " + value + ": refused without a message on value: " + e.fieldErrors());
                    }
                } catch (RuntimeException e) {
                    wrong.add(unit + " " + value + ": " + e);
                }
                List<Object> after = List.of(count("select count(*) from measurement where tenant_id = ?"),
                        count("select count(*) from audit_event where tenant_id = ?"),
                        count("select count(*) from activity where tenant_id = ?"));
                if (!after.equals(before)) {
                    wrong.add(unit + " " + value + ": something was stored");
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    /**
     * Typed text reaches the page only as text (setText, grid columns, which the browser never parses as markup):
     * no view builds HTML from it, and the one script a view runs (the chart) gets its data as a parameter.
     */
    @Test
    void noViewRendersTypedTextAsHtml() {
        JavaClasses app = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.entente");
        noClasses().that().resideInAPackage("org.entente..")
                .should().dependOnClassesThat().haveFullyQualifiedName("com.vaadin.flow.component.Html")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("com.vaadin.flow.component.markdown.Markdown")
                .because("user text must be shown with setText")
                .check(app);
        // The exceptions run constant scripts only: EChart (options as JSON data), Localized (a number field's allowed
        // characters), MainLayout (the skip link's focus move), FocusReturn (focus back on a closed dialog's opener).
        noClasses().that().resideInAPackage("org.entente..").and().doNotHaveSimpleName("EChart")
                .and().doNotHaveSimpleName("Localized").and().doNotHaveSimpleName("MainLayout")
                .and().doNotHaveSimpleName("FocusReturn")
                .should().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                        com.tngtech.archunit.core.domain.properties.HasName.Predicates.name("executeJs")))
                .because("scripts built from strings could carry typed text into the page")
                .check(app);
    }

    // ---------------------------------------------------------------- helpers

    /** The superuser's view of what a refused write must not change. */
    List<Object> state(FormField field) {
        List<Object> state = new ArrayList<>();
        state.add(count("select count(*) from " + field.table() + " where tenant_id = ?"));
        state.add(count("select count(*) from audit_event where tenant_id = ?"));
        state.add(count("select count(*) from activity where tenant_id = ?"));
        state.add(count("select count(*) from notification where tenant_id = ?"));
        return state;
    }

    private Object count(String sql) {
        return database.query(sql, NORWAY.tenantId()).getFirst().getFirst();
    }

    private Object column(String table, String column, UUID workstreamId) {
        String key = table.equals("workstream") ? "id" : "workstream_id";
        return database.query("select " + column + " from " + table + " where " + key + " = ?", workstreamId)
                .getFirst().getFirst();
    }

    private Object byId(String table, String column, UUID id) {
        return database.query("select " + column + " from " + table + " where id = ?", id).getFirst().getFirst();
    }

    private Workstream create(WorkstreamDraft draft) {
        return actors.as(NORWAY, () -> workstreams.create(draft));
    }

    private Workstream read(Workstream w) {
        return actors.as(NORWAY, () -> workstreams.get(w.id())).orElseThrow();
    }

    private KindDetails.RndProject rnd(Workstream w) {
        return (KindDetails.RndProject) actors.as(NORWAY, () -> workstreams.details(w)).orElseThrow();
    }

    private KindDetails.Engagement engagement(Workstream w) {
        return (KindDetails.Engagement) actors.as(NORWAY, () -> workstreams.details(w)).orElseThrow();
    }

    /** A measurement of a day of its own (one value per period), with the typed source or note. */
    private ReadBack measure(String source, String note, boolean sourceColumn) {
        LocalDate day = LocalDate.now().minusDays(sequence.incrementAndGet());
        UUID id = actors.as(NORWAY, () -> results.enterMeasurement(measured, new MeasurementDraft(day, day, null,
                BigDecimal.ONE, source, note))).id();
        var stored = actors.as(NORWAY, () -> results.measurements(measured)).stream().filter(m -> m.id().equals(id))
                .findFirst().orElseThrow();
        return new ReadBack(sourceColumn ? stored.source() : stored.note(),
                byId("measurement", sourceColumn ? "source" : "note", id));
    }

    private Assessment assessment(UUID id) {
        return actors.as(NORWAY, () -> assessments.of(completed.ref())).stream().filter(a -> a.id().equals(id))
                .findFirst().orElseThrow();
    }

    /**
     * A one-row contributions CSV whose reference is {@code reference}, quoted as a spreadsheet quotes it. A value no
     * UTF-8 file can hold (half a surrogate pair) is written as a broken file would carry it: its UTF-16 half encoded
     * on its own (modified UTF-8), which the import refuses as not UTF-8.
     */
    private static byte[] importFile(String reference) {
        return csvFile(List.of(List.of("reference", "type", "description", "unit", "pledged", "delivered", "pledged_on",
                "delivered_on", "releasability", "rel_to"), List.of(reference, "FUNDING", "Hostile reference "
                + Integer.toHexString(reference.hashCode()), "EUR", "5", "", "", "", "PARTICIPANTS", "")));
    }

    /** A one-row milestone plan whose reference is {@code reference}, written as {@link #importFile} writes its. */
    private static byte[] milestoneFile(String reference, String title) {
        return csvFile(List.of(List.of("reference", "title", "owner", "planned", "status", "actual"),
                List.of(reference, title, "", LocalDate.now().plusDays(10).toString(), "", "")));
    }

    private static byte[] csvFile(List<List<String>> rows) {
        StringBuilder csv = new StringBuilder();
        try (org.apache.commons.csv.CSVPrinter printer = new org.apache.commons.csv.CSVPrinter(csv,
                org.apache.commons.csv.CSVFormat.DEFAULT)) {
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String text = csv.toString();
        if (!text.codePoints().allMatch(c -> c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE)) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            for (char c : text.toCharArray()) {
                if (Character.isSurrogate(c)) {
                    bytes.write(0xE0 | (c >> 12));
                    bytes.write(0x80 | ((c >> 6) & 0x3F));
                    bytes.write(0x80 | (c & 0x3F));
                } else {
                    bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                }
            }
            return bytes.toByteArray();
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private Contribution pledge(String description, String unit) {
        return actors.as(NORWAY, () -> contributions.pledge(initiative.ref(), new ContributionDraft(
                ContributionType.FUNDING, description, unit, BigDecimal.ONE, null, Releasability.PARTICIPANTS, List.of())));
    }

    private Contribution contribution(UUID id) {
        return actors.as(NORWAY, () -> contributions.of(initiative.ref())).stream().filter(c -> c.id().equals(id))
                .findFirst().orElseThrow();
    }

    private ReadBack workPackageBy(java.util.function.Predicate<WorkPackage> which, Function<WorkPackage, String> text,
            String column) {
        WorkPackage p = actors.as(NORWAY, () -> workPackages.of(project.ref())).stream().filter(which).findFirst()
                .orElseThrow();
        return new ReadBack(text.apply(p), byId("work_package", column, p.id()));
    }

    private String title() {
        return "Hostile input " + sequence.incrementAndGet() + " " + UUID.randomUUID();
    }

    private static WorkstreamDraft initiativeDraft(String title, List<String> objectives) {
        return new WorkstreamDraft(title, "", Releasability.PARTICIPANTS, List.of(), null, null, null,
                new KindDetails.Initiative(Mechanism.CAPACITY_BUILDING, objectives));
    }

    private WorkstreamDraft rndDraft(String background, String foreground) {
        return new WorkstreamDraft(title(), "", Releasability.PARTICIPANTS, List.of(), null, null, null,
                new KindDetails.RndProject(TechnologyArea.CYBER, 2, 3, 6, background, foreground));
    }

    private WorkstreamDraft engagementDraft(String party, String reference, String outcomes) {
        return new WorkstreamDraft(title(), "", Releasability.PARTICIPANTS, List.of(), null, null, null,
                new KindDetails.Engagement(null, party, EngagementType.ADVISORY, VettingStatus.NOT_STARTED, reference,
                        null, null, RiskRating.LOW, outcomes));
    }

    /**
     * A partner's sign-in provider settings (issue 19) × every hostile value, typed by a platform administrator for
     * Norway: refused with a message on that field and nothing linked in Keycloak, or linked and read back as typed
     * (trimmed). The settings live in Keycloak, not in a table, so the check is Keycloak's list of Norway's providers.
     */
    @Test
    void signInProviderSettingsAreStoredAsTypedOrRefusedWithAFieldMessage() {
        var pat = Persona.PLATFORM_ADMIN.signIn(tenants);
        List<String> fields = List.of("alias", "displayName", "discoveryUrl", "authorizationUrl", "tokenUrl", "jwksUrl",
                "issuer", "clientId", "clientSecret", "emailDomain", "samlMetadataUrl", "samlEmailDomain");
        List<String> wrong = new ArrayList<>();
        for (String field : fields) {
            for (Hostile hostile : VALUES) {
                String alias = "hostile-idp-" + sequence.incrementAndGet();
                String v = hostile.value();
                // A SAML provider: its metadata address and its domain are its own settings (no client, no endpoints).
                var draft = field.startsWith("saml") ? org.entente.tenant.admin.SignInProviderDraft.saml(alias,
                        "Hostile SAML provider", field.equals("samlMetadataUrl") ? v : "https://idp.example/saml",
                        field.equals("samlEmailDomain") ? v : "norway.demo.entente.org")
                        : new org.entente.tenant.admin.SignInProviderDraft(
                        field.equals("alias") ? v : alias,
                        field.equals("displayName") ? v : "Hostile provider",
                        field.equals("discoveryUrl") ? v : null,
                        field.equals("discoveryUrl") ? null : field.equals("authorizationUrl") ? v : "https://idp.example/auth",
                        field.equals("discoveryUrl") ? null : field.equals("tokenUrl") ? v : "https://idp.example/token",
                        field.equals("discoveryUrl") ? null : field.equals("jwksUrl") ? v : "https://idp.example/jwks",
                        field.equals("issuer") ? v : null,
                        field.equals("clientId") ? v : "entente",
                        field.equals("clientSecret") ? v : "secret",
                        field.equals("emailDomain") ? v : "norway.demo.entente.org");
                String outcome;
                try {
                    var linked = org.entente.platform.security.SignedInAs.call(pat,
                            () -> signInProviders.link(NORWAY.tenantId(), draft));
                    String readBack = switch (field) {
                        case "displayName" -> linked.displayName();
                        case "clientId" -> linked.clientId();
                        case "clientSecret" -> v.strip(); // never read back: Keycloak shows it masked
                        default -> null;
                    };
                    org.entente.platform.security.SignedInAs.run(pat,
                            () -> signInProviders.unlink(NORWAY.tenantId(), linked.alias()));
                    outcome = readBack != null && readBack.equals(v.strip()) ? "stored" : "stored as " + readBack;
                } catch (InvalidInput e) {
                    String named = field.equals("samlEmailDomain") ? "emailDomain" : field;
                    outcome = e.fieldErrors().containsKey(named) ? "refused" : "refused naming " + e.fieldErrors().keySet();
                } catch (RuntimeException e) {
                    outcome = "failed with " + e;
                }
                boolean nothingLeft = org.entente.platform.security.SignedInAs.call(pat,
                        () -> signInProviders.of(NORWAY.tenantId())).isEmpty();
                if (!(outcome.equals("refused") || outcome.equals("stored")) || !nothingLeft) {
                    wrong.add("sign-in provider " + field + " × " + hostile + ": " + outcome
                            + (nothingLeft ? "" : ", and a provider was left linked"));
                }
                if (outcome.equals("stored") && !hostile.storable()) {
                    wrong.add("sign-in provider " + field + " × " + hostile + ": stored a value that must be refused");
                }
                outcomes.add("sign-in provider " + field + " × " + hostile + ": " + outcome);
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * Mail preferences (issue 19): the two fields a preference form or client sends (the kind, the choice) × every
     * hostile value: each is refused with a message on its field, nothing stored, nothing audited. And the one
     * parameter a stranger can send, the unsubscribe link's token, × every hostile value (on GET and on the one-click
     * POST): the page that says the link is not valid (400), no error, nothing changed.
     */
    @Test
    void mailPreferenceFieldsAndTheUnsubscribeTokenRefuseHostileValues() throws Exception {
        String state = "select (select count(*) from mail_preference where member_id = ?)"
                + " + (select count(*) from audit_event where entity_type = 'mail_preference' and entity_id = ?)";
        Object before = database.query(state, NORWAY.memberId(), NORWAY.memberId().toString()).getFirst().getFirst();
        List<String> wrong = new ArrayList<>();
        for (String field : List.of("kind", "delivery")) {
            for (Hostile hostile : VALUES) {
                String outcome;
                try {
                    actors.run(NORWAY, () -> mailPreferences.change(field.equals("kind") ? hostile.value() : "MENTION",
                            field.equals("delivery") ? hostile.value() : "OFF"));
                    outcome = "stored";
                } catch (InvalidInput e) {
                    outcome = e.fieldErrors().containsKey(field) ? "refused" : "refused naming " + e.fieldErrors().keySet();
                } catch (RuntimeException e) {
                    outcome = "failed with " + e;
                }
                if (!outcome.equals("refused")) {
                    wrong.add("mail preference " + field + " × " + hostile + ": " + outcome);
                }
                outcomes.add("mail preference " + field + " × " + hostile + ": " + outcome);
            }
        }
        try (java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient()) {
            for (Hostile hostile : VALUES) {
                String encoded = java.net.URLEncoder.encode(hostile.value(), StandardCharsets.UTF_8);
                // GET: in the link's query. POST: in the form body, as the page's button could send it (a body also
                // carries the oversize value, which no server takes in a request line: Tomcat answers 400 itself).
                boolean tooLongForALink = encoded.length() > 8000;
                for (String method : List.of("GET", "POST")) {
                    var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(appUrl("/mail/unsubscribe"
                            + (method.equals("GET") ? "?token=" + encoded : "")))).header("Accept-Language", "en");
                    if (method.equals("POST")) {
                        request.header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("token=" + encoded
                                        + "&List-Unsubscribe=One-Click"));
                    }
                    var response = client.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                    boolean page = response.body().contains("This unsubscribe link is not valid")
                            || (method.equals("GET") && tooLongForALink);
                    String outcome = response.statusCode() == 400 && page && !response.body().contains("Exception")
                            ? "refused" : "answered " + response.statusCode();
                    if (!outcome.equals("refused")) {
                        wrong.add("unsubscribe token (" + method + ") × " + hostile + ": " + outcome);
                    }
                    outcomes.add("unsubscribe token (" + method + ") × " + hostile + ": " + outcome);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(database.query(state, NORWAY.memberId(), NORWAY.memberId().toString()).getFirst().getFirst())
                .as("no preference stored, no audit event").isEqualTo(before);
    }

    private static Set<String> names(List<Hostile> values) {
        return Set.copyOf(values.stream().map(Hostile::name).toList());
    }

    @org.junit.jupiter.api.AfterAll
    void summary() {
        long refused = outcomes.stream().filter(o -> o.endsWith("refused")).count();
        System.out.println("Hostile input: " + outcomes.size() + " writes, " + refused + " refused, "
                + (outcomes.size() - refused) + " stored as typed");
        outcomes.forEach(o -> System.out.println("  " + o));
    }
}
