package org.entente.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.entente.keycloak.EntenteRealm;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Pledging with dates in a real browser: the pledge is dated today, a delivery date is offered once a
 * delivered amount is entered, a pledge dated in the future is refused at its field and nothing is stored.
 */
class ContributionDatesJourneyIT extends AppIntegrationTest {

    @Test
    void aPledgeIsDatedTodayAndADeliveryDateIsOfferedOnceSomethingIsDelivered() {
        String title = "Dated pledges " + UUID.randomUUID().toString().substring(0, 6);
        LocalDate today = LocalDate.now();
        try (Browser norway = new Browser()) {
            norway.open(appUrl("/workstreams"));
            norway.signInAtKeycloak("ingrid.solberg", EntenteRealm.DEMO_PASSWORD);
            norway.click("new-workstream");
            norway.type("workstream-title", title);
            norway.type("workstream-description", "Pledges with dates.");
            norway.choose("initiative-mechanism", "Joint exercise");
            norway.click("save-workstream");
            norway.waitForText(By.id("workstream-heading"), title);
            norway.openTab("Contributions");

            // A pledge dated in the future: refused next to the date, nothing stored.
            norway.click("pledge");
            WebElement pledgedOn = norway.waitFor(By.id("contribution-pledged-on"));
            assertThat(pledgedOn.getDomProperty("value")).as("pledged on defaults to today").isEqualTo(today.toString());
            assertThat(norway.driver().findElements(By.id("contribution-delivered-on")))
                    .as("no delivery date while nothing is delivered").noneMatch(WebElement::isDisplayed);
            String pattern = datePattern(norway, "contribution-pledged-on", today);
            norway.type("contribution-pledged", "5000");
            typeDate(norway, "contribution-pledged-on", today.plusDays(1), pattern);
            norway.click("save-contribution");
            new WebDriverWait(norway.driver(), java.time.Duration.ofSeconds(20)).until(d ->
                    d.findElement(By.id("contribution-pledged-on")).getDomAttribute("invalid") != null
                            && d.findElement(By.id("contribution-pledged-on")).getText().contains("future"));
            norway.screenshot("60-pledge-in-the-future-refused");
            typeDate(norway, "contribution-pledged-on", today, pattern);

            // A delivered amount brings the delivery date, today.
            norway.type("contribution-delivered", "1200");
            norway.driver().findElement(By.cssSelector("#contribution-delivered input")).sendKeys(Keys.TAB);
            new WebDriverWait(norway.driver(), java.time.Duration.ofSeconds(20)).until(d ->
                    d.findElements(By.id("contribution-delivered-on")).stream().anyMatch(WebElement::isDisplayed)
                            && today.toString().equals(d.findElement(By.id("contribution-delivered-on")).getDomProperty("value")));
            norway.screenshot("61-delivery-date-offered");
            norway.click("save-contribution");

            norway.waitForText(By.id("contributions"), today.toString());
            List<String> cells = norway.gridCells();
            assertThat(cells).contains("5,000 EUR", "1,200 EUR", today.toString());
            assertThat(cells.stream().filter(today.toString()::equals).count()).as("pledged on and delivered on")
                    .isGreaterThanOrEqualTo(2);
            norway.screenshot("62-dated-contribution");
        }
    }

    /** The format the date picker shows dates in (its locale's), learnt from the date it shows for today. */
    private static String datePattern(Browser browser, String id, LocalDate today) {
        String shown = browser.waitFor(By.cssSelector("#" + id + " input")).getDomProperty("value");
        return List.of("M/d/yyyy", "d/M/yyyy", "dd/MM/yyyy", "MM/dd/yyyy", "d.M.yyyy", "dd.MM.yyyy", "yyyy-MM-dd").stream()
                .filter(p -> today.format(DateTimeFormatter.ofPattern(p)).equals(shown))
                .findFirst().orElseThrow(() -> new AssertionError("unknown date format: " + shown));
    }

    private static void typeDate(Browser browser, String id, LocalDate date, String pattern) {
        WebElement input = browser.waitFor(By.cssSelector("#" + id + " input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(date.format(DateTimeFormatter.ofPattern(pattern)), Keys.ENTER);
    }
}
