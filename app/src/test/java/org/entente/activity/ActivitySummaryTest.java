package org.entente.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.entente.assessment.AssessmentKind;
import org.entente.assessment.RecommendationStatus;
import org.entente.contribution.ContributionType;
import org.entente.milestone.MilestoneStatus;
import org.entente.platform.i18n.Language;
import org.entente.platform.i18n.StoredText;
import org.entente.platform.i18n.Text;
import org.entente.platform.i18n.Translations;
import org.entente.workstream.Participant.ParticipantRole;
import org.entente.workstream.WorkstreamKind;
import org.entente.workstream.WorkstreamStatus;
import org.junit.jupiter.api.Test;

/**
 * Feed summaries as the feed reads them back (key and tagged arguments, V54): in English exactly the sentences the
 * feed stored before it kept keys, in French written for a French reader.
 */
class ActivitySummaryTest {

    private static final Locale EN = Language.EN.locale();
    private static final Locale FR = Language.FR.locale();
    private static final String NBSP = "\u00a0";

    @Test
    void contributionsKeepTheirEnglishAndReadInFrenchWithFrenchNumbers() {
        Text personDays = stored(Text.of("activity.summary.pledged", new BigDecimal("12"),
                Text.of("contribution.unit.personDays"), ActivityFeed.inSentence(ContributionType.PERSONNEL)));
        assertThat(personDays.in(EN)).isEqualTo("pledged 12 person-days (personnel)");
        assertThat(personDays.in(FR)).isEqualTo("a promis 12 jours-personne (personnel)");

        Text funds = stored(Text.of("activity.summary.pledged", new BigDecimal("123456.5"), "KES",
                ActivityFeed.inSentence(ContributionType.IN_KIND)));
        assertThat(funds.in(EN)).isEqualTo("pledged 123456.5 KES (in kind)");
        assertThat(funds.in(FR)).isEqualTo("a promis 123\u202f456,5 KES (en nature)");

        Text delivery = stored(Text.of("activity.summary.delivered", new BigDecimal("2.25"), "EUR"));
        assertThat(delivery.in(EN)).isEqualTo("recorded a delivery of 2.25 EUR");
        assertThat(delivery.in(FR)).isEqualTo("a enregistré une fourniture de 2,25 EUR");
    }

    @Test
    void workstreamEntriesNameTheKindStatusAndRoleInTheReadersLanguage() {
        Text created = stored(Text.of("activity.summary.workstreamCreated", ActivityFeed.inSentence(WorkstreamKind.INITIATIVE),
                "Sail plan"));
        assertThat(created.in(EN)).isEqualTo("created the shared initiative \"Sail plan\"");
        assertThat(created.in(FR)).isEqualTo("a créé l’initiative commune «" + NBSP + "Sail plan" + NBSP + "»");
        assertThat(stored(Text.of("activity.summary.workstreamCreated", ActivityFeed.inSentence(WorkstreamKind.RND_PROJECT),
                "Drones")).in(FR)).isEqualTo("a créé le projet commun de R-D «" + NBSP + "Drones" + NBSP + "»");

        Text marked = stored(Text.of("activity.summary.workstreamMarked", WorkstreamStatus.COMPLETED.inSentence()));
        assertThat(marked.in(EN)).isEqualTo("marked the workstream completed");
        assertThat(marked.in(FR)).isEqualTo("a marqué le chantier comme terminé");

        Text invited = stored(Text.of("activity.summary.invited", "Kenya", ParticipantRole.CONTRIBUTOR));
        assertThat(invited.in(EN)).isEqualTo("invited Kenya as contributor");
        assertThat(invited.in(FR)).isEqualTo("a invité Kenya en tant que contributeur");

        for (String verb : List.of("joined", "declined", "withdrew")) {
            assertThat(stored(Text.of("activity.summary." + verb)).in(EN)).isEqualTo(verb + " the workstream");
            assertThat(stored(Text.of("activity.summary." + verb)).in(FR)).contains("chantier");
        }
        assertThat(Text.of("activity.summary.workstreamUpdated").in(EN)).isEqualTo("updated the workstream");
    }

    @Test
    void milestonesResultsAndAssessmentsKeepTheirEnglish() {
        LocalDate due = LocalDate.of(2026, 12, 14);
        assertThat(stored(Text.of("activity.summary.milestoneAdded", "Sea trials", due)).in(EN))
                .isEqualTo("added the milestone \"Sea trials\" (2026-12-14)");
        Text inProgress = stored(Text.of("activity.summary.milestoneMarked", "Sea trials",
                ActivityFeed.inSentence(MilestoneStatus.IN_PROGRESS)));
        assertThat(inProgress.in(EN)).isEqualTo("marked \"Sea trials\" in progress");
        assertThat(inProgress.in(FR))
                .isEqualTo("a mis le jalon «" + NBSP + "Sea trials" + NBSP + "» au statut «" + NBSP + "En cours" + NBSP + "»");

        Text measured = stored(Text.of("activity.summary.measured", new BigDecimal("1000.5000"), "Crews trained",
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)));
        assertThat(measured.in(EN)).isEqualTo("measured 1000.5 for \"Crews trained\" (2026-01-01 to 2026-03-31)");
        assertThat(measured.in(FR)).isEqualTo("a saisi la valeur 1\u202f000,5 pour «" + NBSP + "Crews trained" + NBSP
                + "» (du 2026-01-01 au 2026-03-31)");
        assertThat(stored(Text.of("activity.summary.measurementCorrected", "Crews trained", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 3, 31), new BigDecimal("12.0000"), new BigDecimal("-0.25"))).in(EN))
                .isEqualTo("corrected the value for \"Crews trained\" (2026-01-01 to 2026-03-31) from 12 to -0.25");
        assertThat(stored(Text.of("activity.summary.objectiveRenamed", "Old", "New")).in(EN))
                .isEqualTo("renamed the objective \"Old\" to \"New\"");

        Text assessment = stored(Text.of("activity.summary.assessmentRecorded",
                ActivityFeed.inSentence(AssessmentKind.INITIAL), "Norway", due));
        assertThat(assessment.in(EN)).isEqualTo("recorded the initial (baseline) assessment (Norway, 2026-12-14)");
        assertThat(assessment.in(FR)).isEqualTo("a enregistré l’évaluation initiale (de référence) (Norway, 2026-12-14)");
        assertThat(stored(Text.of("activity.summary.assessmentRemoved", ActivityFeed.inSentence(AssessmentKind.FINAL),
                due)).in(EN)).isEqualTo("removed the final assessment of 2026-12-14");
        Text done = stored(Text.of("activity.summary.recommendationMarked", "Train crews",
                ActivityFeed.inSentence(RecommendationStatus.DONE)));
        assertThat(done.in(EN)).isEqualTo("marked the recommendation \"Train crews\" done");
        assertThat(done.in(FR)).isEqualTo("a mis la recommandation «" + NBSP + "Train crews" + NBSP + "» au statut «" + NBSP
                + "Réalisée" + NBSP + "»");
    }

    @Test
    void typedTextStaysAsTypedInEveryLanguage() {
        Text upload = stored(Text.of("activity.summary.uploaded", "plan {0} l'été.pdf"));
        assertThat(upload.in(EN)).isEqualTo("uploaded plan {0} l'été.pdf");
        assertThat(upload.in(FR)).isEqualTo("a téléversé plan {0} l'été.pdf");
        assertThat(stored(Text.of("activity.summary.workPackageAdded", "WP1", "Sensors")).in(EN))
                .isEqualTo("added work package WP1 Sensors");
    }

    @Test
    void everyConstantTheFeedNamesHasItsWordInBothLanguages() {
        Stream.of(ContributionType.values(), AssessmentKind.values(), RecommendationStatus.values(),
                        MilestoneStatus.values(), WorkstreamKind.values())
                .flatMap(Stream::of)
                .forEach(constant -> {
                    Text word = ActivityFeed.inSentence(constant);
                    assertThat(Translations.has(word.key())).as(word.key()).isTrue();
                    assertThat(word.in(FR)).as(word.key()).isNotEqualTo(word.key());
                });
    }

    @Test
    void anEntryWithoutKeyShowsItsEnglishSummary() {
        ActivityEntry old = new ActivityEntry(null, "Sail plan", null, "pledged", "pledged 5 EUR (funding)", null, null);
        assertThat(old.summaryIn(FR)).isEqualTo("pledged 5 EUR (funding)");
        ActivityEntry keyed = new ActivityEntry(null, "Sail plan", null, "joined", "joined the workstream",
                Text.of("activity.summary.joined"), null);
        assertThat(keyed.summaryIn(FR)).isEqualTo("a rejoint le chantier");
        assertThat(keyed.summaryIn(EN)).isEqualTo(keyed.summary());
    }

    /** As the feed reads it back: through the tagged strings stored in activity.summary_args. */
    private static Text stored(Text sent) {
        return StoredText.decode(sent.key(), StoredText.encode(sent));
    }
}
