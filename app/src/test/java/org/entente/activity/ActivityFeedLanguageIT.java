package org.entente.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.testing.DemoActors.KENYA;
import static org.entente.testing.DemoActors.NATO;
import static org.entente.testing.DemoActors.NORWAY;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.entente.contribution.ContributionDraft;
import org.entente.contribution.ContributionService;
import org.entente.contribution.ContributionType;
import org.entente.db.embedded.LocalPostgres;
import org.entente.initiative.Mechanism;
import org.entente.milestone.MilestoneService;
import org.entente.platform.i18n.Language;
import org.entente.platform.i18n.LanguagePreference;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.DemoActors;
import org.entente.testing.SuperuserDatabase;
import org.entente.workstream.KindDetails;
import org.entente.workstream.Participant.ParticipantRole;
import org.entente.workstream.Releasability;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamDraft;
import org.entente.workstream.WorkstreamService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The feed is written once, by organizations that read English, and read by each organization in its own language
 * (V54: key and arguments stored beside the English summary); it still shows nobody an entry of a workstream they
 * do not take part in.
 */
class ActivityFeedLanguageIT extends AppIntegrationTest {

    private static final String NBSP = "\u00a0";

    @Autowired
    WorkstreamService workstreams;
    @Autowired
    ContributionService contributions;
    @Autowired
    MilestoneService milestones;
    @Autowired
    ActivityFeed activity;
    @Autowired
    LanguagePreference preference;
    @Autowired
    LocalPostgres postgres;
    @Autowired
    PlatformTransactionManager transactionManager;

    DemoActors actors;
    Workstream exercise;

    @BeforeEach
    void norwayWritesInEnglishAndKenyaReadsFrench() {
        actors = new DemoActors(transactionManager);
        actors.run(NORWAY, () -> preference.choose(Language.EN));
        actors.run(KENYA, () -> preference.choose(Language.FR));
        String title = "Feed " + UUID.randomUUID().toString().substring(0, 8);
        exercise = actors.as(NORWAY, () -> workstreams.create(new WorkstreamDraft(title, "", Releasability.PARTICIPANTS,
                List.of(), null, null, null, new KindDetails.Initiative(Mechanism.CAPACITY_BUILDING, List.of()))));
        actors.run(NORWAY, () -> workstreams.invite(exercise.ref(), KENYA.tenantId(), ParticipantRole.CONTRIBUTOR));
        actors.run(KENYA, () -> workstreams.respond(exercise.ref(), true));
        actors.run(NORWAY, () -> milestones.add(exercise.ref(), "Sea trials", NORWAY.tenantId(),
                LocalDate.of(2027, 3, 14)));
        actors.run(KENYA, () -> contributions.pledge(exercise.ref(), new ContributionDraft(ContributionType.PERSONNEL,
                "Divers", "PERSON_DAY", new BigDecimal("1250"), null, Releasability.PARTICIPANTS, List.of())));
    }

    @AfterEach
    void nobodyKeepsAChoice() {
        // Other tests sign in as the same demo people and read English.
        new SuperuserDatabase(postgres).update("update member set language = null where language is not null");
    }

    @Test
    void aFrenchReaderSeesInFrenchWhatOthersRecordedAndTheEnglishStaysStored() {
        Locale kenyaReads = actors.as(KENYA, preference::chosen).orElseThrow().locale();
        List<ActivityEntry> feed = actors.as(KENYA, () -> activity.of(exercise.ref(), 100));

        assertThat(feed).extracting(entry -> entry.summaryIn(kenyaReads)).contains(
                "a créé l’initiative commune «" + NBSP + exercise.title() + NBSP + "»",
                "a rejoint le chantier",
                "a ajouté le jalon «" + NBSP + "Sea trials" + NBSP + "» (2027-03-14)",
                "a promis 1\u202f250 jours-personne (personnel)")
                .anyMatch(summary -> summary.startsWith("a invité ") && summary.endsWith(" en tant que contributeur"));
        // What was stored in English is still there, word for word, for whoever reads the table or the feed in English.
        assertThat(feed).extracting(ActivityEntry::summary).contains(
                "created the shared initiative \"" + exercise.title() + "\"", "joined the workstream",
                "added the milestone \"Sea trials\" (2027-03-14)", "pledged 1250 person-days (personnel)");
        assertThat(feed).allSatisfy(entry -> {
            assertThat(entry.text()).as(entry.summary()).isNotNull();
            assertThat(entry.summaryIn(Language.EN.locale())).isEqualTo(entry.summary());
        });

        // Norway, reading English, sees the same entries in English.
        Locale norwayReads = actors.as(NORWAY, preference::chosen).orElseThrow().locale();
        assertThat(actors.as(NORWAY, () -> activity.of(exercise.ref(), 100)))
                .extracting(entry -> entry.summaryIn(norwayReads)).contains("pledged 1250 person-days (personnel)");

        // The row keeps the key and the tagged arguments (V54).
        assertThat(new SuperuserDatabase(postgres).query("select summary_key, array_to_string(summary_args, '|')"
                + " from activity where workstream_id = ? and verb = 'pledged'", exercise.id()))
                .containsExactly(List.of("activity.summary.pledged",
                        "n:1250|k:contribution.unit.personDays|k:activity.summary.inSentence.ContributionType.PERSONNEL"));
    }

    @Test
    void anEntryRecordedBeforeKeysShowsItsEnglishToEveryReader() {
        new SuperuserDatabase(postgres).update("insert into activity (tenant_id, workstream_id, actor_tenant_id, verb,"
                + " summary, item_tenant_id) values (?, ?, ?, 'updated', 'updated the workstream before V54', ?)",
                exercise.ref().tenantId(), exercise.id(), NORWAY.tenantId(), exercise.ref().tenantId());

        assertThat(actors.as(KENYA, () -> activity.of(exercise.ref(), 100)))
                .filteredOn(entry -> entry.text() == null)
                .extracting(entry -> entry.summaryIn(Language.FR.locale()))
                .containsExactly("updated the workstream before V54");
    }

    @Test
    void anOrganizationOutsideTheWorkstreamSeesNoneOfItsEntriesInAnyLanguage() {
        actors.run(NATO, () -> preference.choose(Language.FR));
        assertThat(actors.as(NATO, () -> activity.of(exercise.ref(), 100))).isEmpty();
        assertThat(actors.as(NATO, () -> activity.recent(1000))).extracting(ActivityEntry::workstreamId)
                .doesNotContain(exercise.id());
        assertThat(actors.as(KENYA, () -> activity.recent(1000))).extracting(ActivityEntry::workstreamId)
                .contains(exercise.id());
    }
}
