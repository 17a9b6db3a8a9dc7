package org.entente.bench.app;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium through chromedriver, with its own fresh profile under the bench's work folder: one
 * person's browser, signing in at the real Keycloak and moving through the app as they would (menu, grid).
 */
final class BenchBrowser implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Set<String> GRID_HEADERS = Set.of("Title", "Kind", "Status", "Lead", "Releasability", "Start", "End");

    private final ChromeDriver driver;

    BenchBrowser(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
    }

    /** Opens the app, signs in on Keycloak's login page (username first, then password) and waits for the shell. */
    void signIn(String appUrl, String username, String password) {
        driver.get(appUrl);
        WebElement user = waitFor(By.id("username"));
        user.clear();
        user.sendKeys(username);
        if (driver.findElements(By.id("password")).isEmpty()) {
            driver.findElement(By.id("kc-login")).click();
        }
        waitFor(By.id("password")).sendKeys(password);
        new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.elementToBeClickable(By.id("kc-login"))).click();
        waitFor(By.id("current-organization"));
    }

    /** Follows a main-menu entry inside the same UI (no reload); false if the menu has no such entry. */
    boolean openFromMenu(String title) {
        List<WebElement> items = driver.findElements(By.xpath(
                "//vaadin-side-nav-item[normalize-space(.)='" + title + "']"));
        if (items.isEmpty()) {
            return false;
        }
        items.getFirst().click();
        return true;
    }

    /** On the workstream list: waits for rows and opens the first one; false if the list is empty. */
    boolean openFirstWorkstream() {
        waitFor(By.id("workstreams"));
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        try {
            wait.until(d -> d.findElements(By.tagName("vaadin-grid-cell-content")).stream()
                    .anyMatch(c -> !c.getText().isBlank() && !GRID_HEADERS.contains(c.getText().strip())));
        } catch (org.openqa.selenium.TimeoutException e) {
            return false;
        }
        WebElement cell = driver.findElements(By.tagName("vaadin-grid-cell-content")).stream()
                .filter(c -> !c.getText().isBlank() && !GRID_HEADERS.contains(c.getText().strip()))
                .findFirst().orElseThrow();
        cell.click();
        waitFor(By.id("workstream-heading"));
        return true;
    }

    /** Waits up to {@code patience} for an element; false if it did not show. */
    boolean shows(By locator, Duration patience) {
        try {
            new WebDriverWait(driver, patience).until(ExpectedConditions.visibilityOfElementLocated(locator));
            return true;
        } catch (org.openqa.selenium.TimeoutException e) {
            return false;
        }
    }

    WebElement waitFor(By locator) {
        return new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
