package org.entente.mail.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.entente.db.embedded.LocalPostgres;
import org.entente.keycloak.EntenteRealm;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.Browser;
import org.entente.testing.DemoActors;
import org.entente.testing.Eventually;
import org.entente.testing.SuperuserDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * My account, from the user menu, by keyboard: Tab reaches a kind's choices, an arrow key changes it, the choice is
 * stored (and audited), and the next Tab goes on to the next kind.
 */
class MyAccountJourneyIT extends AppIntegrationTest {

    @Autowired
    LocalPostgres postgres;

    @AfterEach
    void backToTheDefaults() {
        new SuperuserDatabase(postgres).update("delete from mail_preference where member_id = ?",
                DemoActors.NORWAY.memberId());
    }

    @Test
    void aChoiceIsMadeWithTheKeyboardAndKept() {
        SuperuserDatabase database = new SuperuserDatabase(postgres);
        try (Browser browser = new Browser()) {
            browser.open(appUrl("/workstreams"));
            browser.signInAtKeycloak("ingrid.solberg", EntenteRealm.DEMO_PASSWORD);
            browser.waitForClickable(By.cssSelector("#user-menu vaadin-menu-bar-button")).click();
            browser.waitForClickable(By.id("my-account")).click();
            browser.waitFor(By.id("mail-preference-MENTION"));
            assertThat(browser.driver().getTitle()).isEqualTo("My account · Entente");

            String group = tabToAGroup(browser, "mail-preference-MENTION");
            assertThat(group).isEqualTo("mail-preference-MENTION");
            new Actions(browser.driver()).sendKeys(Keys.ARROW_DOWN).perform();
            Eventually.within(Duration.ofSeconds(30), () -> assertThat(database.query(
                    "select delivery from mail_preference where member_id = ? and kind = 'MENTION'",
                    DemoActors.NORWAY.memberId())).containsExactly(List.of("DIGEST")));
            assertThat(database.query("select count(*) from audit_event where entity_type = 'mail_preference'"
                    + " and actor_id = ? and details::text like '%DIGEST%'", DemoActors.NORWAY.memberId())
                    .getFirst().getFirst()).isNotEqualTo(0L);

            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            assertThat(focusedGroup(browser)).as("the next Tab: the next kind").isEqualTo("mail-preference-MILESTONE_DUE");
            browser.screenshot("mail-my-account");
        }
    }

    private static String tabToAGroup(Browser browser, String id) {
        for (int i = 0; i < 60; i++) {
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            if (id.equals(focusedGroup(browser))) {
                return id;
            }
        }
        return focusedGroup(browser);
    }

    /** The id of the radio group holding the focus (through shadow roots), or "" when none does. */
    private static String focusedGroup(Browser browser) {
        Object id = ((JavascriptExecutor) browser.driver()).executeScript("""
                let e = document.activeElement;
                while (e && e.shadowRoot && e.shadowRoot.activeElement) { e = e.shadowRoot.activeElement; }
                let n = e;
                while (n) {
                  if (n.tagName === 'VAADIN-RADIO-GROUP') { return n.id; }
                  n = n.parentNode || n.host;
                }
                return '';""");
        return String.valueOf(id);
    }
}
