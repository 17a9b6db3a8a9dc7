package org.entente.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through chromedriver, with a fresh profile (no cookies) per
 * instance. Screenshots go to {@code target/screenshots}.
 */
public final class Browser implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final ChromeDriver driver;
    private final Path profile;
    /** Axe over every dialog open when a journey takes a screenshot: each journey shows its dialogs that way. */
    private final AxeCheck dialogs = new AxeCheck();

    public Browser() {
        this(null);
    }

    /** With {@code downloads} non-null, files the pages offer are saved there without asking. */
    public Browser(Path downloads) {
        this(downloads, options -> { });
    }

    /** {@code tuning} has the last word on the options (more flags, other logs), e.g. to record the network. */
    public Browser(Path downloads, java.util.function.Consumer<ChromeOptions> tuning) {
        try {
            profile = Files.createTempDirectory("entente-chromium-");
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                "--user-data-dir=" + profile);
        // The console is kept, so a test can see what the page complained about (e.g. a blocked resource).
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        if (downloads != null) {
            options.setExperimentalOption("prefs", java.util.Map.of(
                    "download.default_directory", downloads.toAbsolutePath().toString(),
                    "download.prompt_for_download", false,
                    "download.directory_upgrade", true,
                    "safebrowsing.enabled", true));
        }
        tuning.accept(options);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
    }

    public WebDriver driver() {
        return driver;
    }

    /** What the page wrote to the browser console since the last call (errors, warnings, CSP violations). */
    public List<String> consoleMessages() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage()).toList();
    }

    public void open(String url) {
        driver.get(url);
    }

    /**
     * Fills in Keycloak's real login page. With organizations enabled Keycloak asks for the username
     * first and for the password on a second page.
     */
    public void signInAtKeycloak(String username, String password) {
        WebElement user = waitFor(By.id("username"));
        user.clear();
        user.sendKeys(username);
        if (driver.findElements(By.id("password")).isEmpty()) {
            driver.findElement(By.id("kc-login")).click();
        }
        waitFor(By.id("password")).sendKeys(password);
        waitForClickable(By.id("kc-login")).click();
    }

    public WebElement waitFor(By locator) {
        return new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    public void waitForText(By locator, String text) {
        new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    public WebElement waitForClickable(By locator) {
        return new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.elementToBeClickable(locator));
    }

    /** Types into a Vaadin field (text field, combo box, date picker) by the id of the component. */
    public void type(String componentId, String text) {
        WebElement input = waitFor(By.cssSelector("#" + componentId + " input, #" + componentId + " textarea"));
        input.clear();
        input.sendKeys(text);
    }

    /** Picks a combo box item by typing its full label and pressing Enter. */
    public void choose(String comboBoxId, String label) {
        WebElement input = waitFor(By.cssSelector("#" + comboBoxId + " input"));
        input.click();
        input.sendKeys(label);
        new WebDriverWait(driver, PATIENCE).until(d -> !d.findElements(By.xpath(
                "//vaadin-combo-box-item[normalize-space(.)='" + label + "']")).isEmpty());
        input.sendKeys(org.openqa.selenium.Keys.ENTER);
    }

    public void click(String id) {
        waitForClickable(By.id(id)).click();
    }

    public void openTab(String label) {
        waitForClickable(By.xpath("//vaadin-tab[normalize-space(.)='" + label + "']")).click();
    }

    /** Text of every rendered cell of the Vaadin grids on the page (cells live in the light DOM). */
    public List<String> gridCells() {
        return driver.findElements(By.tagName("vaadin-grid-cell-content")).stream()
                .map(WebElement::getText).filter(t -> !t.isBlank()).toList();
    }

    /**
     * Saves what the page shows. With a dialog open, axe checks the page first (the WCAG A/AA rules; see
     * {@link AxeCheck}): every dialog a journey opens is pictured, so every one is checked; {@link #close()} fails the
     * test if one had a violation that accessibility-exceptions.txt does not allow.
     */
    public Path screenshot(String name) {
        if (Boolean.TRUE.equals(driver.executeScript(
                "return [...document.querySelectorAll('vaadin-dialog, vaadin-confirm-dialog')].some(d => d.opened)"))) {
            waitForDialogsSettled();
            dialogs.check(driver, "dialog in " + name);
        }
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Path target = SCREENSHOTS.resolve(name + ".png");
        try {
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /**
     * Waits until no dialog is still in its opening animation and no notification toast is fading in or out (colours
     * and contrast are final: axe measured a half-faded success toast over a dialog at 1.8:1).
     */
    public void waitForDialogsSettled() {
        new WebDriverWait(driver, PATIENCE).until(d -> Boolean.TRUE.equals(driver.executeScript("""
                return [...document.querySelectorAll('vaadin-dialog, vaadin-confirm-dialog')]
                        .every(dialog => !dialog.shadowRoot || !dialog.shadowRoot.querySelector('[opening]'))
                    && !document.querySelector('vaadin-notification-card[opening], vaadin-notification-card[closing]');""")));
    }

    @Override
    public void close() {
        try {
            dialogs.assertNone();
        } finally {
            driver.quit();
        }
    }
}
