package org.entente.tenant.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.tenant.admin.AdministrationTestSupport.AMINA_ODHIAMBO;
import static org.entente.tenant.admin.AdministrationTestSupport.unique;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.entente.db.embedded.LocalPostgres;
import org.entente.db.tenancy.Actor;
import org.entente.discussion.CommentDraft;
import org.entente.discussion.DiscussionService;
import org.entente.initiative.Mechanism;
import org.entente.mail.OutboxSender;
import org.entente.mail.SentMail;
import org.entente.mail.SentMailbox;
import org.entente.platform.keycloak.KeycloakAdminClient;
import org.entente.platform.mail.MailServer;
import org.entente.platform.security.SignedInAs;
import org.entente.platform.security.SignedInUser;
import org.entente.tenant.TenantService;
import org.entente.keycloak.EntenteRealm;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.Browser;
import org.entente.testing.DemoActors;
import org.entente.testing.Eventually;
import org.entente.testing.SuperuserDatabase;
import org.entente.workstream.KindDetails;
import org.entente.workstream.Releasability;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamDraft;
import org.entente.workstream.WorkstreamService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The demo's e-mail end to end, as {@code ./entente run} has it: the app starts its embedded SMTP server
 * ({@code entente.mail.embedded=true}; the test Keycloak is external, which alone would leave it off), points the real
 * test Keycloak's realm at it, and lars.haugen's invitation by e-mail is Keycloak's organization invitation — written and
 * sent by Keycloak, received by the embedded server, its link opening Keycloak's registration page. Pending invitations
 * are listed, resent and cancelled (audited); another organization's admin can do none of that to Norway's. The
 * platform operator's "Sent mail" reads the same server, a mention's mail included.
 */
class InvitationMailIT extends AppIntegrationTest {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+");

    @DynamicPropertySource
    static void embeddedMail(DynamicPropertyRegistry registry) {
        registry.add("entente.mail.embedded", () -> "true");
        registry.add("entente.mail.from", () -> "Entente Demo <no-reply@entente.test>");
        // Each test sends when it wants to (sendDue), so it knows what is in the server.
        registry.add("entente.mail.poll-interval", () -> "PT24H");
    }

    @Autowired
    TenantService tenants;
    @Autowired
    MemberAdministration members;
    @Autowired
    PendingInvitations invitations;
    @Autowired
    SentMailbox sentMail;
    @Autowired
    MailServer mailServer;
    @Autowired
    KeycloakAdminClient keycloak;
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
    SignedInUser lars;
    SignedInUser pat;

    @BeforeEach
    void signIn() {
        database = new SuperuserDatabase(postgres);
        lars = AdministrationTestSupport.larsHaugen(tenants);
        pat = AdministrationTestSupport.patOps(tenants);
    }

    @Test
    void theRealmSendsThroughTheEmbeddedServer() {
        int port = mailServer.embedded().orElseThrow().port();
        var smtp = keycloak.realmSmtpServer();
        assertThat(smtp).containsEntry("host", "127.0.0.1").containsEntry("port", String.valueOf(port))
                .containsEntry("from", "no-reply@entente.test").containsEntry("fromDisplayName", "Entente Demo")
                .containsEntry("auth", "false");
        assertThat(mailServer.configured()).isTrue();
        assertThat(invitations.byEmail()).isTrue();
    }

    @Test
    void larsInvitesByEmailAndKeycloaksInvitationArrivesWithALinkToRegister() throws Exception {
        String email = unique("nora.invited") + "@norway.demo.entente.org";
        try {
            Object member = SignedInAs.call(lars, () -> members.invite(new Invitation(email, "Nora", "Nilsen",
                    TenantRole.MEMBER)));
            assertThat(member).as("no account yet: Keycloak invited the person").isNull();
            assertThat(keycloak.userByEmail(email)).isEmpty();

            SentMail mail = mailTo(email, 1).getFirst();
            assertThat(mail.from()).contains("no-reply@entente.test");
            String link = registrationLink(mail);
            assertThat(link).contains("/realms/entente/");

            HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                    .cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(link)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).as("Keycloak's registration form, for the invited address")
                    .contains("kc-register-form").contains(email);

            assertThat(SignedInAs.call(lars, () -> invitations.ofMyOrganization())).anySatisfy(i -> {
                assertThat(i.email()).isEqualTo(email);
                assertThat(i.name()).isEqualTo("Nora Nilsen");
                assertThat(i.expired()).isFalse();
                assertThat(i.expiresAt()).isAfter(i.sentAt());
            });
            assertThat(database.query("select entity_type, details->'after'->>'by' from audit_event "
                    + "where action = 'MEMBER_INVITED' and entity_id = ?", email))
                    .containsExactly(List.of("invitation", "keycloak-invitation"));
        } finally {
            cancelQuietly(email);
        }
    }

    @Test
    void anInvitationIsResentWithANewMailAndCancelledAfterwards() {
        String email = unique("ola.invited") + "@norway.demo.entente.org";
        try {
            SignedInAs.call(lars, () -> members.invite(new Invitation(email, "Ola", "Nordmann", TenantRole.MEMBER)));
            mailTo(email, 1);
            PendingInvitation first = pendingFor(email).orElseThrow();

            SignedInAs.run(lars, () -> invitations.resend(first.id()));
            List<SentMail> mails = mailTo(email, 2);
            assertThat(registrationLink(mails.get(0))).as("a new link").isNotEqualTo(registrationLink(mails.get(1)));
            PendingInvitation resent = pendingFor(email).orElseThrow();

            SignedInAs.run(lars, () -> invitations.cancel(resent.id()));
            assertThat(pendingFor(email)).isEmpty();
            assertThatThrownBy(() -> SignedInAs.run(lars, () -> invitations.cancel(resent.id())))
                    .isInstanceOf(AdministrationException.class)
                    .satisfies(e -> assertThat(((AdministrationException) e).in(java.util.Locale.UK))
                            .contains("No such invitation"));

            assertThat(database.query("select action from audit_event where entity_type = 'invitation' "
                    + "and details->'after'->>'email' = ? and action like 'INVITATION_%' order by id", email))
                    .containsExactly(List.of("INVITATION_RESENT"), List.of("INVITATION_CANCELLED"));
            assertThat(database.query("select count(*) from audit_event where entity_type = 'invitation' "
                    + "and details->'after'->>'email' = ? and action like 'INVITATION_%' and tenant_id = ?", email,
                    AdministrationTestSupport.NORWAY)).containsExactly(List.of(2L));
        } finally {
            cancelQuietly(email);
        }
    }

    @Test
    void anotherOrganizationsAdminNeitherListsNorResendsNorCancelsNorwaysInvitations() {
        String email = unique("kari.invited") + "@norway.demo.entente.org";
        SignedInUser kenyaAdmin = SignedInAs.user(tenants, AMINA_ODHIAMBO, "amina.odhiambo", "Amina Odhiambo",
                "amina.odhiambo@kenya.demo.entente.org", Set.of("member", "tenant-admin"), "kenya");
        SignedInUser ingrid = SignedInAs.user(tenants, AdministrationTestSupport.INGRID_SOLBERG, "ingrid.solberg",
                "Ingrid Solberg", "ingrid.solberg@norway.demo.entente.org", Set.of("member"), "norway");
        try {
            SignedInAs.call(lars, () -> members.invite(new Invitation(email, "Kari", "Nordmann", TenantRole.MEMBER)));
            PendingInvitation norways = Eventually.value("Norway's invitation", Duration.ofSeconds(10),
                    () -> pendingFor(email));

            assertThat(SignedInAs.call(kenyaAdmin, () -> invitations.ofMyOrganization()))
                    .extracting(PendingInvitation::email).doesNotContain(email);
            assertThatThrownBy(() -> SignedInAs.run(kenyaAdmin, () -> invitations.resend(norways.id())))
                    .isInstanceOf(AdministrationException.class);
            assertThatThrownBy(() -> SignedInAs.run(kenyaAdmin, () -> invitations.cancel(norways.id())))
                    .isInstanceOf(AdministrationException.class);
            // Norway's own people without the tenant-admin role: refused outright.
            assertThatThrownBy(() -> SignedInAs.call(ingrid, () -> invitations.ofMyOrganization()))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> SignedInAs.run(ingrid, () -> invitations.cancel(norways.id())))
                    .isInstanceOf(AccessDeniedException.class);

            assertThat(pendingFor(email)).as("untouched").map(PendingInvitation::id).contains(norways.id());
            assertThat(mailTo(email, 1)).as("not resent").hasSize(1);
        } finally {
            cancelQuietly(email);
            SignedInAs.user(tenants, AMINA_ODHIAMBO, "amina.odhiambo", "Amina Odhiambo",
                    "amina.odhiambo@kenya.demo.entente.org", Set.of("member"), "kenya");
        }
    }

    @Test
    void theSentMailViewShowsAMentionsMailToThePlatformOperatorOnly() {
        String title = "Mail demo " + unique("ws");
        Workstream exercise = as(DemoActors.NORWAY, () -> workstreams.create(new WorkstreamDraft(title,
                "Port visit coordination", Releasability.PARTICIPANTS, List.of(), "Indian Ocean", null, null,
                new KindDetails.Initiative(Mechanism.MARITIME_SECURITY, List.of("Port access")))));
        as(DemoActors.NORWAY, () -> discussion.post(exercise.ref(),
                CommentDraft.toParticipants("@lars.haugen the berth is confirmed.")));
        sender.sendDue();

        List<SentMail> shown = SignedInAs.call(pat, () -> sentMail.newestFirst());
        assertThat(shown).filteredOn(m -> m.subject().contains(title)).singleElement().satisfies(m -> {
            assertThat(m.to()).contains("lars.haugen@norway.demo.entente.org");
            assertThat(m.body()).contains("the berth is confirmed").contains("/workstream/" + exercise.id());
            assertThat(m.sentAt()).isNotNull();
        });
        assertThat(sentMail.embedded()).isTrue();
        assertThatThrownBy(() -> SignedInAs.call(lars, () -> sentMail.newestFirst()))
                .as("mails cross tenants: the platform operator's only").isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void onMembersLarsSeesThePendingInvitationAndCancelsItAfterConfirmingAndTheOperatorReadsTheMail() {
        String email = unique("mona.invited") + "@norway.demo.entente.org";
        try {
            SignedInAs.call(lars, () -> members.invite(new Invitation(email, "Mona", "Berg", TenantRole.MEMBER)));
            SentMail invitation = mailTo(email, 1).getFirst();
            try (Browser browser = new Browser()) {
                browser.open(appUrl("/members"));
                browser.signInAtKeycloak("lars.haugen", EntenteRealm.DEMO_PASSWORD);
                browser.waitForText(By.id("pending-invitations"), email);
                assertThat(browser.driver().findElements(By.id("email-off"))).as("e-mail is on")
                        .noneMatch(WebElement::isDisplayed);
                browser.screenshot("mail-demo-01-pending-invitations");
                // The section is below the people of Norway: scrolled to, as a person would.
                WebElement cancel = browser.waitFor(By.id("cancel-invitation-" + email));
                ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                        .executeScript("arguments[0].scrollIntoView({block: 'center'});", cancel);
                browser.waitForClickable(By.id("cancel-invitation-" + email)).click();
                var confirm = browser.waitForClickable(By.cssSelector("[slot='confirm-button']"));
                browser.screenshot("mail-demo-02-cancel-confirmation");
                confirm.click();
                Eventually.within(Duration.ofSeconds(30), () -> assertThat(pendingFor(email)).isEmpty());
            }
            try (Browser browser = new Browser()) {
                browser.open(appUrl("/sent-mail"));
                browser.signInAtKeycloak("pat.ops", EntenteRealm.DEMO_PASSWORD);
                browser.waitForText(By.id("sent-mail"), invitation.subject());
                assertThat(browser.gridCells()).anyMatch(cell -> cell.contains(email));
                browser.screenshot("mail-demo-03-sent-mail");
            }
        } finally {
            cancelQuietly(email);
        }
    }

    /** Waits until {@code count} mails to {@code email} have arrived; returns them oldest first. */
    private List<SentMail> mailTo(String email, int count) {
        return Eventually.value(count + " mail(s) to " + email, Duration.ofSeconds(30), () -> {
            List<SentMail> mails = SignedInAs.call(pat, () -> sentMail.newestFirst()).stream()
                    .filter(m -> m.to().contains(email)).toList().reversed();
            return mails.size() >= count ? Optional.of(mails) : Optional.empty();
        });
    }

    private Optional<PendingInvitation> pendingFor(String email) {
        return SignedInAs.call(lars, () -> invitations.ofMyOrganization()).stream()
                .filter(i -> i.email().equals(email)).findFirst();
    }

    private static String registrationLink(SentMail mail) {
        Matcher link = LINK.matcher(mail.body());
        assertThat(link.find()).as("a link in: " + mail.body()).isTrue();
        // Keycloak 26.5's plain-text invitation escapes the link's '=' and '&' as HTML entities (&#61;): read as the
        // HTML part's link reads.
        return org.springframework.web.util.HtmlUtils.htmlUnescape(link.group());
    }

    private void cancelQuietly(String email) {
        try {
            pendingFor(email).ifPresent(i -> SignedInAs.run(lars, () -> invitations.cancel(i.id())));
        } catch (RuntimeException e) {
            // already gone: the test cancelled it
        }
    }

    private <T> T as(Actor actor, Supplier<T> work) {
        return new DemoActors(transactionManager).as(actor, work);
    }
}
