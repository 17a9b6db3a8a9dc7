package org.entente.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.testing.DemoActors.KENYA;
import static org.entente.testing.DemoActors.NATO;
import static org.entente.testing.DemoActors.NORWAY;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.entente.keycloak.EntenteRealm;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.Browser;
import org.entente.testing.DemoActors;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Events in a real browser (issue #21): Norway's lead plans an exercise with one seat in the Events tab; a member of
 * Kenya registers for it; NATO ACT's member joins the waiting list; Kenya's member cancels and the waiting list moves
 * up; the calendar shows the exercise; its .ics downloads and parses. Screenshots {@code ev-*}.
 */
class EventJourneyIT extends AppIntegrationTest {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    WorkstreamService workstreams;
    @Autowired
    EventService events;
    @Autowired
    RegistrationService registrations;
    @Autowired
    PlatformTransactionManager transactionManager;

    @TempDir
    Path downloads;

    @Test
    void aLeadPlansAnExerciseAPartnerRegistersTheWaitingListMovesAndTheCalendarShowsIt() throws Exception {
        DemoActors actors = new DemoActors(transactionManager);
        Workstream w = EventServiceIT.sharedWorkstream(actors, workstreams);
        String title = "Exercise " + w.id().toString().substring(0, 6);
        LocalDateTime start = LocalDateTime.now().plusDays(10).withHour(9).withMinute(0).withSecond(0).withNano(0);
        try (Browser norway = new Browser(downloads); Browser kenya = new Browser()) {
            // The lead plans it: one seat, in Honolulu's time.
            norway.open(appUrl("/workstream/" + w.id() + "?tab=events"));
            norway.signInAtKeycloak("ingrid.solberg", EntenteRealm.DEMO_PASSWORD);
            norway.click("new-event");
            clear(norway, "event-type");
            norway.choose("event-type", "Exercise");
            norway.type("event-title", title);
            norway.type("event-location", "Pearl Harbor");
            setDateTime(norway, "event-start", start);
            setDateTime(norway, "event-end", start.plusDays(2));
            clear(norway, "event-zone");
            norway.choose("event-zone", "Pacific/Honolulu");
            norway.type("event-capacity", "1");
            norway.screenshot("ev-01-new-exercise");
            norway.click("save-event");
            norway.waitForText(By.id("events"), title);
            norway.screenshot("ev-02-exercise-planned");
            Event exercise = actors.as(NORWAY, () -> events.of(w.ref())).getFirst();
            assertThat(exercise.title()).isEqualTo(title);
            assertThat(exercise.localStart().toLocalDateTime()).isEqualTo(start);
            assertThat(exercise.zone().getId()).isEqualTo("Pacific/Honolulu");
            assertThat(exercise.capacity()).isEqualTo(1);

            // Kenya's member registers and gets the seat.
            kenya.open(appUrl("/workstream/" + w.id() + "?tab=events"));
            kenya.signInAtKeycloak("amina.odhiambo", EntenteRealm.DEMO_PASSWORD);
            clickInGrid(kenya, "register-" + exercise.id());
            kenya.waitForText(By.id("my-registration-" + exercise.id()), "Registered");
            kenya.screenshot("ev-03-registered");

            // NATO ACT's member is next: the waiting list. Kenya's member cancels; NATO ACT's moves up.
            assertThat(actors.as(NATO, () -> registrations.registerMe(exercise))).isEqualTo(RegistrationStatus.WAITING);
            // NATO's registration is pushed to Kenya's page and redraws the row: a click on the old button is lost,
            // so the click is repeated until its effect shows (the full suite lost one under load).
            clickInGridUntil(kenya, "cancel-registration-" + exercise.id(), d -> d.findElements(
                    By.id("my-registration-" + exercise.id())).isEmpty());
            assertThat(actors.as(NATO, () -> registrations.mine())).containsEntry(exercise.id(),
                    RegistrationStatus.REGISTERED);
            assertThat(actors.as(KENYA, () -> registrations.mine())).doesNotContainKey(exercise.id());

            // The lead sees the list by organization.
            clickInGrid(norway, "registrations-" + exercise.id());
            norway.waitForText(By.id("event-registration-counts"), "Registered 1 of 1, waiting 0");
            norway.screenshot("ev-04-registrations");
            norway.click("close-registrations");

            // The calendar shows it (the agenda of the coming 60 days).
            norway.open(appUrl("/calendar"));
            norway.waitFor(By.id("calendar-month"));
            norway.driver().findElement(By.xpath("//vaadin-radio-button[normalize-space(.)='Agenda']")).click();
            norway.waitFor(By.id("calendar-entry-" + exercise.id()));
            norway.screenshot("ev-05-calendar-agenda");

            // The .ics downloads and is the exercise.
            norway.open(appUrl("/workstream/" + w.id() + "?tab=events"));
            clickInGrid(norway, "ics-" + exercise.id());
            Path ics = org.entente.testing.Eventually.value("a downloaded .ics file", PATIENCE, () -> {
                try (Stream<Path> files = Files.list(downloads)) {
                    return files.filter(f -> f.toString().endsWith(".ics")).findFirst();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            Calendar calendar = new CalendarBuilder().build(Files.newInputStream(ics));
            VEvent downloaded = calendar.<VEvent>getComponents("VEVENT").getFirst();
            assertThat(downloaded.getProperty("UID").map(p -> ((Property) p).getValue()))
                    .contains(exercise.id() + "@entente");
            assertThat(downloaded.getProperty("DTSTART").map(p -> ((Property) p).getValue()))
                    .contains(start.format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")));
        }
    }

    /**
     * Clicks a button or link in the grid: scrolled into view first (the grid scrolls sideways on a narrow window), and
     * found again if a live update redrew the row meanwhile (someone else's registration changes the workstream).
     */
    /** Clicks {@code id} until {@code done} holds, checking every few seconds (a click on a redrawn row is lost). */
    private static void clickInGridUntil(Browser browser, String id,
            java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> done) {
        new WebDriverWait(browser.driver(), PATIENCE).pollingEvery(java.time.Duration.ofSeconds(3))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .until(d -> {
                    if (Boolean.TRUE.equals(done.apply(d))) {
                        return true;
                    }
                    org.openqa.selenium.WebElement element = d.findElement(By.id(id));
                    ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                            "arguments[0].scrollIntoView({block: 'center', inline: 'center'});", element);
                    element.click();
                    return false;
                });
    }

    private static void clickInGrid(Browser browser, String id) {
        new WebDriverWait(browser.driver(), PATIENCE)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .until(d -> {
                    org.openqa.selenium.WebElement element = d.findElement(By.id(id));
                    ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                            "arguments[0].scrollIntoView({block: 'center', inline: 'center'});", element);
                    element.click();
                    return true;
                });
    }

    /** Empties a combo box's input (the dialog preselects a type and a zone), as selecting all and deleting does. */
    private static void clear(Browser browser, String id) {
        org.openqa.selenium.WebElement input = browser.waitFor(By.cssSelector("#" + id + " input"));
        input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
                org.openqa.selenium.Keys.BACK_SPACE);
    }

    /** Sets a date-time picker's value as its web component holds it (ISO local date-time), as typing would. */
    private static void setDateTime(Browser browser, String id, LocalDateTime value) {
        browser.waitFor(By.id(id));
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "const p = document.getElementById(arguments[0]); p.value = arguments[1];"
                        + " p.dispatchEvent(new CustomEvent('change', {bubbles: true}));",
                id, value.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
    }
}
