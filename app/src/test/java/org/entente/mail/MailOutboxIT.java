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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.entente.workstream.Notifications;
import org.entente.workstream.Participant.ParticipantRole;
import org.entente.workstream.Releasability;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamDraft;
import org.entente.workstream.WorkstreamService;
import org.junit.jupiter.api.AfterEach;
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
    /** Norway's tenant administrator (lars.haugen), Ingrid's colleague. */
    static final Actor LARS = new Actor(INGRID.tenantId(), UUID.fromString("0b000000-0000-4000-8000-000000000002"));

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
        // The digest runs when a test calls DigestSender.sendDigests(), never on its own.
        registry.add("entente.mail.digest-check", () -> "PT24H");
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
    @Autowired
    DigestSender digests;
    @Autowired
    MailPreferences preferences;
    @Autowired
    Notifications notifications;

    SuperuserDatabase database;
    String title;

    @BeforeEach
    void setUp() {
        database = new SuperuserDatabase(postgres);
        title = "Mail " + UUID.randomUUID().toString().substring(0, 8);
        sender.sendDue();
        digests.sendDigests();
        purge();
    }

    @AfterEach
    void everyoneBackToTheDefaults() {
        database.update("delete from mail_preference where member_id in (?, ?, ?)", INGRID.memberId(), AMINA.memberId(),
                LARS.memberId());
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
                "entente.mail.poll-interval=PT24H", "entente.mail.digest-check=PT24H", "entente.mail.batch-size=1")) {
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

        // Norway is told that Kenya left (a notification of its own, in the digest by default); Amina is told nothing.
        assertThat(aboutThisWorkstream()).extracting(MailOutboxIT::to)
                .doesNotContain("amina.odhiambo@kenya.demo.entente.org");
        assertThat(database.query("select status, last_error from mail_outbox where workstream_id = ? and kind = 'MENTION'",
                exercise.id())).containsExactly(List.of("SKIPPED", "the recipient may no longer see the workstream"));
    }

    // ------------------------------------------------------------------ issue #19: preferences, digest, unsubscribe

    @Test
    void aKindTurnedOffIsNotMailedAndTheChangeIsAudited() {
        Workstream exercise = sharedWithKenya();
        long audited = auditEvents(INGRID);
        as(INGRID, () -> {
            preferences.change(Notifications.Kind.MENTION, Delivery.OFF);
            return null;
        });
        assertThat(auditEvents(INGRID)).isEqualTo(audited + 1);
        assertThat(database.query("select details::text from audit_event where tenant_id = ? and entity_type = 'mail_preference'"
                + " and entity_id = ? order by id desc limit 1", INGRID.tenantId(), INGRID.memberId().toString())
                .getFirst().getFirst().toString()).contains("\"OFF\"").contains("\"IMMEDIATE\"").contains("MENTION");

        as(AMINA, () -> discussion.post(exercise.ref(), CommentDraft.toParticipants("@ingrid.solberg nobody mails this.")));
        sender.sendDue();
        digests.sendDigests();

        assertThat(aboutThisWorkstream()).isEmpty();
        assertThat(outboxStatuses(exercise)).as("no outbox row at all").isEmpty();
        assertThat(database.query("select count(*) from notification where workstream_id = ? and kind = 'MENTION'",
                exercise.id()).getFirst().getFirst()).as("the bell still has it").isEqualTo(1L);
    }

    @Test
    void theDailyDigestGroupsTwoKindsOfTwoWorkstreamsInOneMail() throws Exception {
        Workstream port = sharedWithKenya(title + " port");
        Workstream patrol = sharedWithKenya(title + " patrol");
        as(INGRID, () -> {
            preferences.change(Notifications.Kind.MENTION, Delivery.DIGEST);
            return null;
        });
        as(AMINA, () -> discussion.post(port.ref(), CommentDraft.toParticipants("@ingrid.solberg berth one is free.")));
        as(AMINA, () -> discussion.post(patrol.ref(), CommentDraft.toParticipants("@ingrid.solberg patrol at dawn.")));
        as(AMINA, () -> {
            notifications.notifyMember(INGRID.tenantId(), INGRID.memberId(), Notifications.Kind.STATUS_CHANGE,
                    patrol.ref(), "The patrol plan is now active.");
            return null;
        });

        sender.sendDue();
        assertThat(toIngrid()).as("nothing goes out before the digest").isEmpty();
        assertThat(digests.sendDigests()).isPositive();

        List<MimeMessage> mails = toIngrid();
        assertThat(mails).hasSize(1);
        MimeMessage digest = mails.getFirst();
        assertThat(digest.getSubject()).isEqualTo("Entente daily digest: 3 notifications");
        String plain = parts(digest).get("text/plain");
        assertThat(plain).contains("== " + title + " patrol [REL TO PARTICIPANTS] ==")
                .contains("== " + title + " port [REL TO PARTICIPANTS] ==")
                .contains("berth one is free").contains("patrol at dawn").contains("The patrol plan is now active.");
        // Grouped: the patrol's two items under its heading, before the port's (alphabetical).
        assertThat(plain.indexOf("patrol at dawn")).isBetween(plain.indexOf(title + " patrol"), plain.indexOf(title + " port"));
        assertThat(plain.indexOf("The patrol plan is now active.")).isBetween(plain.indexOf(title + " patrol"),
                plain.indexOf(title + " port"));
        assertThat(plain.indexOf("berth one is free")).isGreaterThan(plain.indexOf(title + " port"));
        assertThat(plain).contains("Stop e-mails of this kind (Mention): https://entente.test/mail/unsubscribe?token=")
                .contains("Stop e-mails of this kind (Status): https://entente.test/mail/unsubscribe?token=")
                .contains("Stop the daily digest: https://entente.test/mail/unsubscribe?token=");
        assertThat(digest.getHeader("List-Unsubscribe")).singleElement().asString()
                .startsWith("<https://entente.test/mail/unsubscribe?token=");
        assertThat(digest.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(database.query("select distinct status from mail_outbox where workstream_id in (?, ?)"
                + " and recipient_member_id = ? and delivery = 'DIGEST'", port.id(), patrol.id(), INGRID.memberId()))
                .containsExactly(List.of("SENT"));

        // Sent once: nothing queued any more, no second mail.
        purge();
        assertThat(digests.sendDigests()).isZero();
        assertThat(toIngrid()).isEmpty();
    }

    @Test
    void theDigestLeavesOutAWorkstreamTheRecipientCanNoLongerSee() throws Exception {
        Workstream left = sharedWithKenya(title + " left");
        Workstream kept = sharedWithKenya(title + " kept");
        as(AMINA, () -> {
            preferences.change(Notifications.Kind.MENTION, Delivery.DIGEST);
            return null;
        });
        as(INGRID, () -> discussion.post(left.ref(), CommentDraft.toParticipants("@amina.odhiambo secret of left.")));
        as(INGRID, () -> discussion.post(kept.ref(), CommentDraft.toParticipants("@amina.odhiambo news of kept.")));
        as(AMINA, () -> {
            workstreams.withdraw(left.ref());
            return null;
        });

        digests.sendDigests();

        List<MimeMessage> toAmina = new ArrayList<>();
        for (MimeMessage mail : SMTP.getReceivedMessages()) {
            if (to(mail).equals("amina.odhiambo@kenya.demo.entente.org")) {
                toAmina.add(mail);
            }
        }
        assertThat(toAmina).hasSize(1);
        String plain = parts(toAmina.getFirst()).get("text/plain");
        assertThat(plain).contains("news of kept").contains(title + " kept").doesNotContain("secret of left")
                .doesNotContain(title + " left");
        assertThat(database.query("select status, last_error from mail_outbox where workstream_id = ? and kind = 'MENTION'",
                left.id())).containsExactly(List.of("SKIPPED", "the recipient may no longer see the workstream"));
    }

    @Test
    void theUnsubscribeLinkTurnsTheKindOffAndATamperedOneChangesNothing() throws Exception {
        Workstream exercise = sharedWithKenya();
        as(AMINA, () -> discussion.post(exercise.ref(), CommentDraft.toParticipants("@ingrid.solberg unsubscribe me.")));
        sender.sendDue();
        MimeMessage mail = aboutThisWorkstream().getFirst();
        String header = mail.getHeader("List-Unsubscribe")[0];
        assertThat(header).matches("<https://entente\\.test/mail/unsubscribe\\?token=[A-Za-z0-9_.-]+>");
        assertThat(mail.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        String token = header.substring(header.indexOf("token=") + 6, header.length() - 1);
        assertThat(parts(mail).get("text/plain")).contains("Stop e-mails of this kind (Mention): "
                + "https://entente.test/mail/unsubscribe?token=" + token);
        assertThat(parts(mail).get("text/html")).contains("href=\"https://entente.test/mail/unsubscribe?token=" + token + "\"");

        // Tampered: one character of the signature, or of the payload (someone else's member), changed.
        String lastChanged = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
        String otherPayload = (token.startsWith("A") ? "B" : "A") + token.substring(1);
        for (String forged : List.of(lastChanged, otherPayload, "", "not-a-token", token + "x")) {
            HttpResponse<String> shown = http("GET", forged);
            assertThat(shown.statusCode()).as(forged).isEqualTo(400);
            assertThat(shown.body()).contains("This unsubscribe link is not valid").doesNotContain("Exception");
            HttpResponse<String> posted = http("POST", forged);
            assertThat(posted.statusCode()).as(forged).isEqualTo(400);
        }
        assertThat(mentionPreference(INGRID)).as("nothing changed").isEmpty();

        // Genuine: GET only asks (a link preview changes nothing), the one-click POST turns mentions off.
        HttpResponse<String> confirm = http("GET", token);
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("Stop e-mails about &quot;Mention&quot;?").contains("id=\"unsubscribe-confirm\"");
        assertThat(confirm.headers().firstValue("Set-Cookie")).as("no session").isEmpty();
        assertThat(mentionPreference(INGRID)).isEmpty();
        HttpResponse<String> done = http("POST", token);
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("you will receive no more e-mails about &quot;Mention&quot;");
        assertThat(mentionPreference(INGRID)).containsExactly(List.of("OFF"));
        assertThat(database.query("select count(*) from audit_event where tenant_id = ? and entity_type = 'mail_preference'"
                + " and actor_id = ? and details::text like '%OFF%'", INGRID.tenantId(), INGRID.memberId()).getFirst().getFirst())
                .isNotEqualTo(0L);

        purge();
        as(AMINA, () -> discussion.post(exercise.ref(), CommentDraft.toParticipants("@ingrid.solberg still there?")));
        sender.sendDue();
        assertThat(aboutThisWorkstream()).as("unsubscribed: no more mentions by mail").isEmpty();
    }

    @Test
    void nobodyElseReadsOrChangesSomeonesPreferencesNotEvenTheirTenantAdministrator() {
        as(INGRID, () -> {
            preferences.change(Notifications.Kind.INVITATION, Delivery.OFF);
            return null;
        });
        for (Actor other : List.of(LARS, AMINA)) {
            assertThat(as(other, () -> preferences.mine()).get(Notifications.Kind.INVITATION)).as(other.toString())
                    .isEqualTo(Delivery.IMMEDIATE);
            as(other, () -> {
                preferences.change(Notifications.Kind.INVITATION, Delivery.DIGEST);
                return null;
            });
        }
        assertThat(as(INGRID, () -> preferences.mine()).get(Notifications.Kind.INVITATION)).isEqualTo(Delivery.OFF);
        assertThat(database.query("select member_id, delivery from mail_preference where kind = 'INVITATION'"
                + " and member_id in (?, ?, ?) order by delivery", INGRID.memberId(), LARS.memberId(), AMINA.memberId()))
                .containsExactlyInAnyOrder(List.of(INGRID.memberId(), "OFF"), List.of(LARS.memberId(), "DIGEST"),
                        List.of(AMINA.memberId(), "DIGEST"));
        // A choice that is not one is refused on its field, and nothing is stored.
        assertThatThrownBy(() -> as(INGRID, () -> {
            preferences.change("INVITATION", "SOMETIMES");
            return null;
        })).isInstanceOfSatisfying(org.entente.platform.validation.InvalidInput.class,
                e -> assertThat(e.fieldErrors()).containsOnlyKeys("delivery"));
        assertThat(as(INGRID, () -> preferences.mine()).get(Notifications.Kind.INVITATION)).isEqualTo(Delivery.OFF);
    }

    private List<MimeMessage> toIngrid() {
        return java.util.Arrays.stream(SMTP.getReceivedMessages())
                .filter(mail -> to(mail).equals("ingrid.solberg@norway.demo.entente.org")).toList();
    }

    private long auditEvents(Actor actor) {
        return (Long) database.query("select count(*) from audit_event where tenant_id = ? and entity_type = 'mail_preference'"
                + " and entity_id = ?", actor.tenantId(), actor.memberId().toString()).getFirst().getFirst();
    }

    private List<List<Object>> mentionPreference(Actor actor) {
        return database.query("select delivery from mail_preference where tenant_id = ? and member_id = ? and kind = 'MENTION'",
                actor.tenantId(), actor.memberId());
    }

    private HttpResponse<String> http(String method, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(appUrl("/mail/unsubscribe?token="
                + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8)))).header("Accept-Language", "en");
        if (method.equals("POST")) {
            // What a mail client sends for RFC 8058's one-click: no cookie, no CSRF token.
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"));
        }
        try (HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private Workstream sharedWithKenya() {
        return sharedWithKenya(title);
    }

    private Workstream sharedWithKenya(String title) {
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
        digests.sendDigests();
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
