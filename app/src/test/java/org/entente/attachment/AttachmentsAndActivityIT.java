package org.entente.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.db.jooq.Tables.AUDIT_EVENT;
import static org.entente.testing.DemoActors.KENYA;
import static org.entente.testing.DemoActors.NATO;
import static org.entente.testing.DemoActors.NORWAY;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.entente.activity.ActivityEntry;
import org.entente.activity.ActivityFeed;
import org.entente.contribution.ContributionDraft;
import org.entente.contribution.ContributionService;
import org.entente.contribution.ContributionType;
import org.entente.db.tenancy.Actor;
import org.entente.initiative.Mechanism;
import org.entente.platform.validation.InvalidInput;
import org.entente.platform.validation.NotAllowed;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.DemoActors;
import org.entente.workstream.KindDetails;
import org.entente.workstream.Participant.ParticipantRole;
import org.entente.workstream.Releasability;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamDraft;
import org.entente.workstream.WorkstreamService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/** Files and feeds obey the same releasability as everything else; uploads are checked by content. */
class AttachmentsAndActivityIT extends AppIntegrationTest {

    static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R',
            0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0};
    static final byte[] WINDOWS_EXECUTABLE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF,
            0, 0, (byte) 0xB8, 0, 0, 0, 0, 0, 0, 0, 0x40, 0, 0, 0};

    @Autowired
    WorkstreamService workstreams;
    @Autowired
    AttachmentService attachments;
    @Autowired
    ContributionService contributions;
    @Autowired
    ActivityFeed activity;
    @Autowired
    DSLContext dsl;
    @Autowired
    PlatformTransactionManager transactionManager;

    DemoActors actors;
    Workstream exercise;

    @BeforeEach
    void sharedExercise() {
        actors = new DemoActors(transactionManager);
        String title = "Files " + UUID.randomUUID().toString().substring(0, 8);
        exercise = actors.as(NORWAY, () -> workstreams.create(new WorkstreamDraft(title, "", Releasability.PARTICIPANTS,
                List.of(), null, null, null, new KindDetails.Initiative(Mechanism.CAPACITY_BUILDING, List.of()))));
        actors.run(NORWAY, () -> workstreams.invite(exercise.ref(), KENYA.tenantId(), ParticipantRole.CONTRIBUTOR));
        actors.run(KENYA, () -> workstreams.respond(exercise.ref(), true));
    }

    @Test
    void aFileIsStoredWithItsChecksumAndOnlyItsAudienceCanDownloadIt() {
        Attachment plan = actors.as(NORWAY, () -> attachments.upload(exercise.ref(), "exercise-plan.pdf", PDF,
                Releasability.PARTICIPANTS, List.of()));

        assertThat(plan.mediaType()).isEqualTo("application/pdf");
        assertThat(plan.sha256()).isEqualTo(AttachmentService.sha256(PDF)).hasSize(64);
        assertThat(actors.as(KENYA, () -> attachments.download(exercise.ref(), plan.id())))
                .hasValueSatisfying(d -> assertThat(d.content()).isEqualTo(PDF));
        assertThat(actors.as(NATO, () -> attachments.download(exercise.ref(), plan.id()))).isEmpty();
        assertThat(actors.as(NATO, () -> attachments.of(exercise.ref()))).isEmpty();
        assertThat(actors.as(KENYA, () -> dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("DOWNLOAD")
                .and(AUDIT_EVENT.ENTITY_ID.eq(plan.id().toString()))))).isEqualTo(1);
        assertThatThrownBy(() -> actors.as(NATO, () -> attachments.upload(exercise.ref(), "intrusion.pdf", PDF,
                Releasability.PARTICIPANTS, List.of()))).isInstanceOf(NotAllowed.class);
    }

    @Test
    void aPrivateFileStaysWithItsOwnerEvenAmongParticipants() {
        Attachment note = actors.as(KENYA, () -> attachments.upload(exercise.ref(), "national-caveats.txt",
                "National caveats: none for maritime tasks.".getBytes(StandardCharsets.UTF_8), Releasability.PRIVATE,
                List.of()));

        assertThat(actors.as(KENYA, () -> attachments.of(exercise.ref()))).extracting(Attachment::id).contains(note.id());
        assertThat(actors.as(NORWAY, () -> attachments.of(exercise.ref()))).extracting(Attachment::id)
                .doesNotContain(note.id());
        assertThat(actors.as(NORWAY, () -> attachments.download(exercise.ref(), note.id()))).isEmpty();
    }

    @Test
    void disguisedOversizedOrForbiddenFilesAreRefusedAndNothingIsStored() {
        assertFileRefused("photo-of-plan.pdf", PNG, "does not match its name");
        assertFileRefused("tool.pdf", WINDOWS_EXECUTABLE, "does not match its name");
        assertFileRefused("tool.exe", WINDOWS_EXECUTABLE, "not accepted");
        assertFileRefused("huge.pdf", new byte[(int) attachments.policy().maxSize().toBytes() + 1], "larger than");
        assertFileRefused("empty.pdf", new byte[0], "empty");
        assertThat(actors.as(NORWAY, () -> attachments.of(exercise.ref()))).isEmpty();
    }

    @Test
    void theFeedNeverShowsAnItemItsReaderMayNotSee() {
        actors.as(KENYA, () -> contributions.pledge(exercise.ref(), new ContributionDraft(ContributionType.FUNDING,
                "Secret fund", "KES", new BigDecimal("123456"), null, Releasability.PRIVATE, List.of())));
        actors.as(KENYA, () -> contributions.pledge(exercise.ref(), new ContributionDraft(ContributionType.PERSONNEL,
                "Divers", "PERSON_DAY", new BigDecimal("12"), null, Releasability.PARTICIPANTS, List.of())));

        List<String> norwaySees = summaries(NORWAY);
        assertThat(norwaySees).anyMatch(s -> s.contains("12 person-days"))
                .noneMatch(s -> s.contains("123456"))
                .anyMatch(s -> s.contains("created the shared initiative"));
        assertThat(summaries(KENYA)).anyMatch(s -> s.contains("123456"));
        assertThat(actors.as(NATO, () -> activity.of(exercise.ref(), 100))).isEmpty();
        assertThat(actors.as(NATO, () -> activity.recent(500))).extracting(ActivityEntry::workstreamId)
                .doesNotContain(exercise.id());
    }

    private List<String> summaries(Actor actor) {
        return actors.as(actor, () -> activity.of(exercise.ref(), 100)).stream().map(ActivityEntry::summary).toList();
    }

    private void assertFileRefused(String name, byte[] content, String message) {
        assertThatThrownBy(() -> actors.as(NORWAY, () -> attachments.upload(exercise.ref(), name, content,
                Releasability.PARTICIPANTS, List.of())))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors().get("file")).contains(message));
    }
}
