package org.entente.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.entente.db.embedded.LocalPostgres;
import org.entente.db.tenancy.Actor;
import org.entente.discussion.CommentDraft;
import org.entente.discussion.DiscussionService;
import org.entente.initiative.Mechanism;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.DemoActors;
import org.entente.testing.SecondInstance;
import org.entente.testing.SuperuserDatabase;
import org.entente.workstream.KindDetails;
import org.entente.workstream.Participant.ParticipantRole;
import org.entente.workstream.Releasability;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamDraft;
import org.entente.workstream.WorkstreamService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * E-mail through the outbox against a real SMTP server in the test JVM (GreenMail): a mention is mailed once, to the
 * mentioned person, marked and in their language; a rolled-back save mails nothing; two instances send each mail
 * once; a person whose organization left the workstream before the mail went out gets nothing about it.
 *
 * <p>The schedule is off here (a day): each test sends by calling {@link OutboxSender#sendDue()}, so it decides what
 * happens before the sender runs. The first call also sends what earlier tests left in the outbox; assertions look
 * only at mails about this test's workstream (its title is unique).
 */
class MailOutboxIT extends AppIntegrationTest {

    static final Actor INGRID = DemoActors.NORWAY;
    static final Actor AMINA = DemoActors.KENYA;

    static final GreenMail SMTP = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        // Started once for the test JVM: the cached Spring context keeps its port.
        SMTP.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("entente.mail.poll-interval", () -> "PT24H");
        // Small batches: the two instances of twoInstancesSendEachMailOnce claim turn about.
        registry.add("entente.mail.batch-size", () -> "2");
        registry.add("entente.mail.from", () -> "Entente <no-reply@entente.test>");
        registry.add("entente.mail.app-url", () -> "https://entente.test");
    }

    @Autowired
    OutboxSender sender;
    @Autowired
    DiscussionService discussion;
    @Autowired
    WorkstreamService workstreams;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    LocalPostgres postgres;

    SuperuserDatabase database;
    String title;

    @BeforeEach
    void setUp() {
        database = new SuperuserDatabase(postgres);
        title = "Mail " + UUID.randomUUID().toString().substring(0, 8);
        sender.sendDue();
        purge();
    }

    @Test
    void aMentionIsMailedOnceToTheMentionedPersonMarkedAndInTheirLanguage() throws Exception {
        Workstream exercise = sharedWithKenya();
        Object language = database.query("select coalesce(language, '') from member where tenant_id = ? and id = ?",
                INGRID.tenantId(), INGRID.memberId()).getFirst().getFirst();
        database.update("update member set language = 'fr' where tenant_id = ? and id = ?", INGRID.tenantId(),
                INGRID.memberId());
        try {
            as(AMINA, () -> discussion.post(exercise.ref(),
                    CommentDraft.toParticipants("@ingrid.solberg the <b>berth</b> is confirmed.")));
            assertThat(sender.sendDue()).isPositive();
        } finally {
            database.update("update member set language = nullif(?, '') where tenant_id = ? and id = ?", language,
                    INGRID.tenantId(), INGRID.memberId());
        }

        List<MimeMessage> mails = aboutThisWorkstream();
        assertThat(mails).hasSize(1);
        MimeMessage mail = mails.getFirst();
        assertThat(Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).map(a -> ((InternetAddress) a).getAddress()))
                .containsExactly("ingrid.solberg@norway.demo.entente.org");
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("no-reply@entente.test");
        assertThat(mail.getSubject()).startsWith("[COMMUNICABLE AUX PARTICIPANTS] ").contains("Amina Odhiambo")
                .contains(title);
        assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");

        Map<String, String> parts = parts(mail);
        assertThat(parts).containsKeys("text/plain", "text/html");
        assertThat(parts.get("text/plain")).contains("Bonjour Ingrid Solberg,").contains("the <b>berth</b> is confirmed")
                .contains("Marquage\u00a0: COMMUNICABLE AUX PARTICIPANTS")
                .contains("https://entente.test/workstream/" + exercise.id());
        assertThat(parts.get("text/html")).contains("the &lt;b&gt;berth&lt;/b&gt; is confirmed")
                .doesNotContain("<b>berth</b>").contains("lang=\"fr\"")
                .contains("href=\"https://entente.test/workstream/" + exercise.id() + "\"");
        assertThat(outboxStatuses(exercise)).containsExactly("SENT");
    }

    @Test
    void aRolledBackSaveMailsNothing() {
        Workstream exercise = sharedWithKenya();
        assertThatThrownBy(() -> as(AMINA, () -> {
            discussion.post(exercise.ref(), CommentDraft.toParticipants("@ingrid.solberg never saved."));
            throw new IllegalStateException("the save fails after the mention");
        })).hasMessageContaining("the save fails");

        sender.sendDue();

        assertThat(aboutThisWorkstream()).isEmpty();
        assertThat(outboxStatuses(exercise)).isEmpty();
    }

    @Test
    void twoInstancesSendEachMailOnce() throws Exception {
        Workstream exercise = sharedWithKenya();
        for (int i = 1; i <= 6; i++) {
            String body = "@ingrid.solberg point " + i + ".";
            as(AMINA, () -> discussion.post(exercise.ref(), CommentDraft.toParticipants(body)));
        }
        try (ConfigurableApplicationContext instanceB = SecondInstance.start(postgres, "mail-b",
                "spring.mail.host=127.0.0.1", "spring.mail.port=" + SMTP.getSmtp().getPort(),
                "entente.mail.poll-interval=PT24H", "entente.mail.batch-size=1")) {
            OutboxSender senderB = instanceB.getBean(OutboxSender.class);
            CompletableFuture<Integer> a = CompletableFuture.supplyAsync(sender::sendDue);
            CompletableFuture<Integer> b = CompletableFuture.supplyAsync(senderB::sendDue);
            assertThat(a.get() + b.get()).isGreaterThanOrEqualTo(6);
        }

        List<String> bodies = aboutThisWorkstream().stream().filter(mail -> to(mail).startsWith("ingrid.solberg@"))
                .map(mail -> parts(mail).get("text/plain")).toList();
        assertThat(bodies).hasSize(6);
        for (int i = 1; i <= 6; i++) {
            String point = "point " + i + ".";
            assertThat(bodies).as(point).filteredOn(body -> body.contains(point)).hasSize(1);
        }
        assertThat(outboxStatuses(exercise)).hasSize(6).containsOnly("SENT");
    }

    @Test
    void nothingIsMailedAboutAWorkstreamTheRecipientLeftBeforeTheMailWentOut() {
        Workstream exercise = sharedWithKenya();
        as(INGRID, () -> discussion.post(exercise.ref(), CommentDraft.toParticipants("@amina.odhiambo see the plan.")));
        as(AMINA, () -> {
            workstreams.withdraw(exercise.ref());
            return null;
        });

        sender.sendDue();

        // Norway is told by mail that Kenya left (a notification of its own); Amina is told nothing.
        assertThat(aboutThisWorkstream()).extracting(MailOutboxIT::to)
                .doesNotContain("amina.odhiambo@kenya.demo.entente.org");
        assertThat(database.query("select status, last_error from mail_outbox where workstream_id = ? and kind = 'MENTION'",
                exercise.id())).containsExactly(List.of("SKIPPED", "the recipient may no longer see the workstream"));
    }

    private Workstream sharedWithKenya() {
        Workstream exercise = as(INGRID, () -> workstreams.create(new WorkstreamDraft(title, "Port visit coordination",
                Releasability.PARTICIPANTS, List.of(), "Indian Ocean", null, null,
                new KindDetails.Initiative(Mechanism.MARITIME_SECURITY, List.of("Port access")))));
        as(INGRID, () -> {
            workstreams.invite(exercise.ref(), AMINA.tenantId(), ParticipantRole.CONTRIBUTOR);
            return null;
        });
        as(AMINA, () -> {
            workstreams.respond(exercise.ref(), true);
            return null;
        });
        // The invitation and the acceptance are mailed too: out of the way of what each test looks at.
        sender.sendDue();
        purge();
        return exercise;
    }

    private static void purge() {
        try {
            SMTP.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The mails received about this test's workstream (its title is in every subject about it). */
    private List<MimeMessage> aboutThisWorkstream() {
        List<MimeMessage> about = new ArrayList<>();
        for (MimeMessage mail : SMTP.getReceivedMessages()) {
            try {
                if (mail.getSubject().contains(title)) {
                    about.add(mail);
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return about;
    }

    private static String to(MimeMessage mail) {
        try {
            return ((InternetAddress) mail.getRecipients(Message.RecipientType.TO)[0]).getAddress();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Object> outboxStatuses(Workstream exercise) {
        return database.query("select status from mail_outbox where workstream_id = ? and kind = 'MENTION' order by id",
                exercise.id()).stream().map(List::getFirst).toList();
    }

    /** The text parts of a mail by content type (text/plain, text/html), however deep in the multipart. */
    private static Map<String, String> parts(Part part) {
        Map<String, String> found = new HashMap<>();
        try {
            if (part.isMimeType("text/plain") || part.isMimeType("text/html")) {
                found.put(part.isMimeType("text/plain") ? "text/plain" : "text/html", (String) part.getContent());
            } else if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    found.putAll(parts(child));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    private <T> T as(Actor actor, Supplier<T> work) {
        return new DemoActors(transactionManager).as(actor, work);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
