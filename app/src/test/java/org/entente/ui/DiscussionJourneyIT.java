package org.entente.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.entente.db.tenancy.Actor;
import org.entente.db.tenancy.TenantScope;
import org.entente.initiative.Mechanism;
import org.entente.keycloak.EntenteRealm;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.Browser;
import org.entente.workstream.KindDetails;
import org.entente.workstream.Participant.ParticipantRole;
import org.entente.workstream.Releasability;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamDraft;
import org.entente.workstream.WorkstreamService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Discussion across three real browsers: Norway leads an initiative Kenya has joined and has its Discussion
 * tab open with an unsent draft; Kenya comments mentioning ingrid.solberg; Norway's page shows the comment
 * and a higher bell count without a reload, keeping the draft; NATO sees none of it.
 */
class DiscussionJourneyIT extends AppIntegrationTest {

    static final Actor NORWAY = new Actor(UUID.fromString("0a000000-0000-4000-8000-000000000001"),
            UUID.fromString("0b000000-0000-4000-8000-000000000001"));
    static final Actor KENYA = new Actor(UUID.fromString("0a000000-0000-4000-8000-000000000002"),
            UUID.fromString("0b000000-0000-4000-8000-000000000003"));

    @Autowired
    WorkstreamService workstreams;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void aPartnersMentionReachesTheLeadsOpenPageLiveWhileAThirdTenantSeesNothing() {
        String title = "Harbour Watch " + UUID.randomUUID().toString().substring(0, 6);
        String comment = "Berth 4 at Mombasa is confirmed for the port visit.";
        String draft = "Norway's unsent draft about fuel";
        // The lead set up the initiative and Kenya joined (the invitation journey is CollaborationJourneyIT).
        Workstream exercise = as(NORWAY, () -> workstreams.create(new WorkstreamDraft(title,
                "Port visit and harbour security coordination.", Releasability.PARTICIPANTS, List.of(), "Indian Ocean",
                null, null, new KindDetails.Initiative(Mechanism.MARITIME_SECURITY, List.of("Port access")))));
        as(NORWAY, () -> { workstreams.invite(exercise.ref(), KENYA.tenantId(), ParticipantRole.CONTRIBUTOR); return null; });
        as(KENYA, () -> { workstreams.respond(exercise.ref(), true); return null; });
        String path = "/workstream/" + exercise.id();

        try (Browser norway = new Browser(); Browser kenya = new Browser(); Browser nato = new Browser()) {
            norway.open(appUrl(path));
            norway.signInAtKeycloak("ingrid.solberg", EntenteRealm.DEMO_PASSWORD);
            norway.waitForText(By.id("workstream-heading"), title);
            norway.openTab("Discussion");
            norway.waitFor(By.id("discussion-empty"));
            norway.type("comment-body", draft);
            int unreadBefore = unread(norway);
            norway.screenshot("20-norway-discussion-empty-with-draft");

            kenya.open(appUrl(path));
            kenya.signInAtKeycloak("amina.odhiambo", EntenteRealm.DEMO_PASSWORD);
            kenya.waitForText(By.id("workstream-heading"), title);
            kenya.openTab("Discussion");
            kenya.type("comment-body", comment + " Please confirm the tugs,");
            // Autocomplete offers people of participating organizations; picking one inserts @username.
            WebElement mention = kenya.waitFor(By.cssSelector("#mention-someone input"));
            mention.click();
            mention.sendKeys("ingr");
            kenya.waitFor(By.cssSelector("#mention-someone[opened]:not([loading])"));
            WebElement ingrid = kenya.waitForClickable(By.xpath(
                    "//vaadin-combo-box-item[contains(normalize-space(.), '@ingrid.solberg')]"));
            assertThat(kenya.driver().findElements(By.tagName("vaadin-combo-box-item"))).extracting(WebElement::getText)
                    .filteredOn(label -> !label.isBlank()).isNotEmpty().allMatch(label -> label.contains("(norway)"));
            kenya.screenshot("21-kenya-mention-autocomplete");
            ingrid.click();
            new WebDriverWait(kenya.driver(), Duration.ofSeconds(30))
                    .until(d -> textAreaValue(kenya).contains("@ingrid.solberg"));
            kenya.waitFor(By.cssSelector("#comment-body textarea")).sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
            kenya.waitForText(By.id("discussion-thread"), comment);
            assertThat(textAreaValue(kenya)).isEmpty();
            kenya.screenshot("22-kenya-commented");

            // Norway's page was open all along: comment and bell count arrive by push, the draft stays.
            norway.waitForText(By.id("discussion-thread"), comment);
            norway.waitForText(By.id("notification-count"), String.valueOf(unreadBefore + 1));
            String shown = norway.driver().findElement(By.id("discussion-thread")).getText();
            assertThat(shown).contains("Amina Odhiambo").contains("Republic of Kenya").contains("@ingrid.solberg")
                    .contains("REL TO PARTICIPANTS");
            assertThat(textAreaValue(norway)).isEqualTo(draft);
            assertThat(norway.driver().findElement(By.xpath("//vaadin-tab[@selected]")).getText()).isEqualTo("Discussion");
            norway.screenshot("23-norway-sees-comment-live");
            norway.click("notification-bell");
            norway.waitForText(By.id("notification-list"), "Amina Odhiambo (kenya) mentioned you in \"" + title + "\"");
            norway.screenshot("24-norway-notifications");

            nato.open(appUrl(path));
            nato.signInAtKeycloak("claire.dubois", EntenteRealm.DEMO_PASSWORD);
            nato.waitFor(By.id("workstream-not-found"));
            assertThat(nato.driver().getPageSource()).doesNotContain(title).doesNotContain(comment);
            nato.click("notification-bell");
            nato.waitFor(By.id("notification-list"));
            assertThat(nato.driver().findElement(By.id("notification-list")).getText())
                    .doesNotContain(title).doesNotContain("Mombasa");
            assertThat(nato.driver().getPageSource()).doesNotContain(title).doesNotContain(comment);
            nato.screenshot("25-nato-sees-no-discussion");
        }
    }

    private static int unread(Browser browser) {
        browser.waitFor(By.id("notification-bell"));
        String text = browser.driver().findElement(By.id("notification-count")).getText().strip();
        return text.isEmpty() ? 0 : Integer.parseInt(text);
    }

    private static String textAreaValue(Browser browser) {
        return String.valueOf(((JavascriptExecutor) browser.driver())
                .executeScript("return document.querySelector('#comment-body').value;"));
    }

    private <T> T as(Actor actor, Supplier<T> work) {
        return TenantScope.callAs(actor, () -> new TransactionTemplate(transactionManager).execute(status -> work.get()));
    }
}
