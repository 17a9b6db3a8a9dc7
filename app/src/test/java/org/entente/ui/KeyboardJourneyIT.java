package org.entente.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.entente.keycloak.EntenteRealm;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.AxeCheck;
import org.entente.testing.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The issue's keyboard-only journey, in real Chromium through the real Keycloak sign-in, with keys only (Tab,
 * Shift+Tab, arrows, Enter, typing into what has focus): no mouse, no clicks, no coordinates. olivia.grant, a member
 * and coordinator of NATO ACT, signs in, creates an initiative, invites Kenya, pledges a contribution, posts a comment
 * mentioning @claire.dubois, opens the analytics and generates a briefing.
 * <p>
 * After every key press the focused element must show a focus indicator (Lumo's ring on its components, or
 * styles.css's outline elsewhere); focus must land on the opener when a dialog closes, and on the comment box after a
 * mention is picked. Each dialog the journey opens is run through axe ({@link AxeCheck}) while open.
 */
class KeyboardJourneyIT extends AppIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** What has focus, down through shadow roots: the nearest meaningful id, a side-nav path, and whether it shows. */
    private static final String FOCUS = """
            const chain = [];
            for (let e = document.activeElement; e; e = e.shadowRoot ? e.shadowRoot.activeElement : null) { chain.push(e); }
            const deepest = chain[chain.length - 1];
            const up = n => n.parentElement || (n.getRootNode && n.getRootNode().host) || null;
            let id = null, path = null, tab = null;
            for (let n = deepest; n; n = up(n)) {
              if (!id && n.id && !n.id.includes('-vaadin-')) { id = n.id; }
              if (!path && n.localName === 'vaadin-side-nav-item') { path = n.getAttribute('path'); }
            }
            // The focused element and its ancestors up to the component it belongs to carry the indicator.
            const carriers = [...chain];
            for (let n = up(deepest); n && carriers.length < 12; n = up(n)) {
              carriers.push(n);
              if (n.localName.startsWith('vaadin-')) { break; }
            }
            const shows = el => {
              if (el.hasAttribute && (el.hasAttribute('focus-ring') || el.hasAttribute('focus-visible'))) { return true; }
              for (const pseudo of [null, '::before', '::after']) {
                const s = getComputedStyle(el, pseudo);
                if ((s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || (s.boxShadow && s.boxShadow !== 'none')) {
                  return true;
                }
              }
              return false;
            };
            const body = deepest === document.body || deepest === document.documentElement;
            return {id: id, path: path, tag: deepest.localName, body: body,
                    visible: body || carriers.some(el => el.nodeType === 1 && shows(el))};""";

    private final List<String> invisibleFocus = new ArrayList<>();
    private final List<String> focusLost = new ArrayList<>();
    private final AxeCheck axe = new AxeCheck();
    private Browser browser;

    @Test
    void aCoordinatorWorksThroughTheJourneyWithTheKeyboardOnly() {
        long started = System.nanoTime();
        String title = "Keyboard Watch " + UUID.randomUUID().toString().substring(0, 6);
        try (Browser olivia = new Browser()) {
            browser = olivia;
            WebDriver driver = olivia.driver();

            // Sign in at Keycloak.
            olivia.open(appUrl("/workstreams"));
            olivia.waitFor(By.id("username"));
            tabTo(f -> "username".equals(f.get("id")), "the username field");
            type("olivia.grant");
            press(Keys.ENTER);
            olivia.waitFor(By.id("password"));
            tabTo(f -> "password".equals(f.get("id")), "the password field");
            type(EntenteRealm.DEMO_PASSWORD);
            press(Keys.ENTER);
            olivia.waitFor(By.id("new-workstream"));

            // The first Tab reaches the skip link, shown; Enter moves focus into the view.
            press(Keys.TAB);
            assertThat(focus().get("id")).as("the first focusable element").isEqualTo("skip-to-content");
            assertThat(driver.findElement(By.id("skip-to-content")).getRect().getY()).as("the skip link is on screen")
                    .isGreaterThanOrEqualTo(0);
            olivia.screenshot("90-keyboard-skip-link");
            press(Keys.ENTER);
            new WebDriverWait(driver, PATIENCE).until(d -> "main-content".equals(script("return document.activeElement.id")));

            // A new initiative.
            tabTo(f -> "new-workstream".equals(f.get("id")), "the New workstream button");
            press(Keys.ENTER);
            olivia.waitFor(By.id("workstream-title"));
            dialogOpen("new workstream dialog");
            tabTo(f -> "workstream-title".equals(f.get("id")), "the title field");
            type(title);
            press(Keys.TAB);
            assertThat(focus().get("id")).isEqualTo("workstream-description");
            type("Keyboard-only journey.");
            tabTo(f -> "initiative-mechanism".equals(f.get("id")), "the mechanism");
            pick("initiative-mechanism", "Joint exercise");
            tabTo(f -> "save-workstream".equals(f.get("id")), "the Create button");
            olivia.screenshot("91-keyboard-new-workstream");
            press(Keys.ENTER);
            olivia.waitForText(By.id("workstream-heading"), title);
            waitForDialogsClosed();
            // A new page: focus starts again at its top (the next Tab is the skip link), not in the closed dialog.
            assertThat(focus()).as("focus after the new workstream's page opened")
                    .satisfiesAnyOf(f -> assertThat(f.get("body")).isEqualTo(true),
                            f -> assertThat(script("return !!document.activeElement.closest('#main-content')")).isEqualTo(true));

            // Invite Kenya from the Participants tab.
            selectTab("participants");
            tabTo(f -> "invite-partner".equals(f.get("id")), "the partner to invite");
            pick("invite-partner", "Republic of Kenya (kenya)");
            tabTo(f -> "invite".equals(f.get("id")), "the Invite button");
            press(Keys.ENTER);
            olivia.waitForText(By.id("participants"), "invited");
            olivia.screenshot("92-keyboard-invited");

            // Pledge a contribution; focus comes back to the Pledge button when the dialog closes.
            selectTab("contributions");
            tabTo(f -> "pledge".equals(f.get("id")), "the Pledge button");
            press(Keys.ENTER);
            olivia.waitFor(By.id("contribution-pledged"));
            dialogOpen("pledge dialog");
            tabTo(f -> "contribution-pledged".equals(f.get("id")), "the pledged amount");
            type("2500");
            tabTo(f -> "save-contribution".equals(f.get("id")), "the Pledge button of the dialog");
            press(Keys.ENTER);
            waitForDialogsClosed();
            olivia.waitForText(By.id("contributions"), "2,500");
            focusReturnedTo("pledge", "pledge dialog");
            olivia.screenshot("93-keyboard-pledged");

            // A comment mentioning a colleague; picking the mention puts focus back in the comment.
            selectTab("discussion");
            tabTo(f -> "comment-body".equals(f.get("id")), "the comment box");
            String comment = "Keyboard check of the exercise plan.";
            type(comment + " ");
            tabTo(f -> "mention-someone".equals(f.get("id")), "Mention someone");
            pick("mention-someone", "@claire.dubois");
            new WebDriverWait(driver, Duration.ofSeconds(20)).withMessage("focus back in the comment box, is on "
                    + focus()).until(d -> "comment-body".equals(focus().get("id"))
                    && String.valueOf(script("return document.querySelector('#comment-body').value")).contains("@claire.dubois"));
            new Actions(driver).keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
            olivia.waitForText(By.id("discussion-thread"), comment);
            olivia.screenshot("94-keyboard-commented");

            // The analytics, through the side navigation (Shift+Tab goes back from the view to the drawer).
            tabTo(f -> "analytics".equals(f.get("path")), "Analytics in the navigation", true);
            press(Keys.ENTER);
            olivia.waitFor(By.id("analytics-scope"));
            new WebDriverWait(driver, PATIENCE).until(d -> !d.findElements(By.id("analytics-kpis")).isEmpty()
                    || !d.findElements(By.id("analytics-empty")).isEmpty());
            if (!driver.findElements(By.id("analytics-empty")).isEmpty()) {
                tabTo(f -> "refresh-analytics".equals(f.get("id")), "Refresh"); // a fresh data folder: no snapshot yet
                press(Keys.ENTER);
                new WebDriverWait(driver, Duration.ofSeconds(120)).until(d -> !d.findElements(By.id("analytics-kpis")).isEmpty());
            }

            // And the briefing.
            tabTo(f -> "generate-briefing".equals(f.get("id")), "Generate briefing");
            press(Keys.ENTER);
            new WebDriverWait(driver, Duration.ofSeconds(120)).until(d -> d.findElements(By.id("download-briefing"))
                    .stream().anyMatch(org.openqa.selenium.WebElement::isDisplayed));
            olivia.screenshot("95-keyboard-briefing-ready");
        }
        System.out.printf("KeyboardJourneyIT: %d s%n", Duration.ofNanos(System.nanoTime() - started).toSeconds());
        assertThat(invisibleFocus).as("focused elements without a visible focus indicator").isEmpty();
        assertThat(focusLost).as("dialogs that did not give focus back to their opener").isEmpty();
        axe.assertNone();
    }

    // ------------------------------------------------------------------ keys

    private void press(CharSequence keys) {
        new Actions(browser.driver()).sendKeys(keys).perform();
    }

    /** Types into what has focus (the keyboard's way: no element is looked up). */
    private void type(String text) {
        browser.driver().switchTo().activeElement().sendKeys(text);
    }

    /** Presses Tab until the focused element is the one wanted, checking that each stop shows its focus. */
    private void tabTo(Predicate<Map<String, Object>> wanted, String what) {
        tabTo(wanted, what, false);
    }

    private void tabTo(Predicate<Map<String, Object>> wanted, String what, boolean backwards) {
        List<String> passed = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            Map<String, Object> focused = focus();
            if (wanted.test(focused)) {
                return;
            }
            passed.add(focused.get("tag") + "#" + focused.get("id"));
            if (backwards) {
                new Actions(browser.driver()).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
            } else {
                press(Keys.TAB);
            }
            Map<String, Object> now = focus();
            if (!Boolean.TRUE.equals(now.get("visible"))) {
                String stop = now.get("tag") + "#" + now.get("id") + " on " + browser.driver().getCurrentUrl();
                if (!invisibleFocus.contains(stop)) {
                    invisibleFocus.add(stop);
                    browser.screenshot("keyboard-invisible-focus-" + invisibleFocus.size());
                }
            }
        }
        throw new AssertionError("(Shift+)Tab never reached " + what + "; passed " + passed);
    }

    /** Picks a combo box item by typing part of its label, waiting for the item, and pressing Enter. */
    private void pick(String comboBoxId, String label) {
        type(label.startsWith("@") ? label.substring(1, 6) : label);
        new WebDriverWait(browser.driver(), PATIENCE).until(d -> !d.findElements(By.xpath(
                "//vaadin-combo-box-item[contains(normalize-space(.), '" + label + "')]")).isEmpty()
                && !d.findElements(By.cssSelector("#" + comboBoxId + "[opened]:not([loading])")).isEmpty());
        if (label.startsWith("@")) {
            press(Keys.ARROW_DOWN); // a partial name: choose the first (and only) suggestion
        }
        press(Keys.ENTER);
    }

    /** The workstream page's tab by its key: from the view's top, Tab into the tab strip, then the arrow keys. */
    private void selectTab(String key) {
        tabTo(f -> String.valueOf(f.get("id")).startsWith("tab-"), "the workstream tabs", true);
        for (int i = 0; i < 12 && !("tab-" + key).equals(focus().get("id")); i++) {
            press(Keys.ARROW_RIGHT);
        }
        assertThat(focus().get("id")).as("tab reached by arrows").isEqualTo("tab-" + key);
        press(Keys.ENTER);
        new WebDriverWait(browser.driver(), PATIENCE).until(d -> d.findElement(By.id("tab-" + key))
                .getDomAttribute("selected") != null);
    }

    // ------------------------------------------------------------------ checks

    @SuppressWarnings("unchecked")
    private Map<String, Object> focus() {
        return (Map<String, Object>) script(FOCUS);
    }

    /** After a dialog closed: focus on its opener. */
    private void focusReturnedTo(String openerId, String dialog) {
        try {
            new WebDriverWait(browser.driver(), Duration.ofSeconds(5)).until(d -> openerId.equals(focus().get("id")));
        } catch (org.openqa.selenium.TimeoutException e) {
            focusLost.add(dialog + ": focus is on " + focus() + ", not on #" + openerId);
        }
    }

    private void dialogOpen(String name) {
        browser.waitForDialogsSettled(); // contrast measured on the final colours
        axe.check(browser.driver(), name);
    }

    private void waitForDialogsClosed() {
        new WebDriverWait(browser.driver(), PATIENCE).until(d -> Boolean.TRUE.equals(script(
                "return [...document.querySelectorAll('vaadin-dialog')].every(dialog => !dialog.opened)")));
    }

    private Object script(String script) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script);
    }
}
