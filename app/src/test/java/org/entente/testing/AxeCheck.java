package org.entente.testing;

import com.deque.html.axecore.args.AxeRunOnlyOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.openqa.selenium.WebDriver;

/**
 * Deque's axe-core run in the page the browser shows, with the WCAG 2.0 and 2.1 A and AA rules (what Section 508, EN
 * 301 549 and Canada's standard ask for). A violation is allowed only when {@code accessibility-exceptions.txt} (test
 * resources) names its rule and element with a reason; everything else is collected with its page, rule, element and
 * HTML, and {@link #assertNone()} fails with the whole list (one run shows every problem, not the first).
 */
public final class AxeCheck {

    public static final List<String> WCAG_A_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    /**
     * The WCAG rules, reporting violations only (axe's default also returns every passed and inapplicable check with
     * its nodes' HTML: megabytes of JSON per Vaadin page). Legacy mode runs axe once in the page: the newer mode
     * opens a blank window per analysis to merge frame results, and Entente's pages have no frames.
     */
    private static final AxeRunOptions OPTIONS = options();

    private static AxeRunOptions options() {
        AxeRunOnlyOptions runOnly = new AxeRunOnlyOptions();
        runOnly.setType("tag");
        runOnly.setValues(WCAG_A_AA);
        AxeRunOptions options = new AxeRunOptions();
        options.setRunOnly(runOnly);
        options.setResultTypes(List.of("violations"));
        return options;
    }

    /** One line of the exceptions file: {@code rule | page | element | reason}. */
    record Exception(String rule, String page, String element, String reason) {

        boolean covers(String rule, String page, String target, String html) {
            return this.rule.equals(rule) && (this.page.equals("*") || this.page.equals(page))
                    && (element.equals("*") || target.contains(element) || html.contains(element));
        }
    }

    private final List<Exception> exceptions = load();
    private final Set<Exception> used = new LinkedHashSet<>();
    private final List<String> unexpected = new ArrayList<>();
    private int pages;

    /** Runs axe over the whole page (open dialogs included) and records what no exception covers. */
    public void check(WebDriver driver, String page) {
        // axe's own run gets two minutes, not the driver's 30 s script timeout: on a busy 2-core machine a large page
        // took longer than 30 s to analyse (seen in the full suite while other builds ran), and that is no finding.
        Results results = new AxeBuilder().withOptions(OPTIONS).setLegacyMode(true).disableIframeTesting()
                .setTimeout(120).analyze(driver);
        pages++;
        if (results.isErrored()) {
            unexpected.add(page + ": axe did not run: " + results.getErrorMessage());
            return;
        }
        for (Rule rule : results.getViolations()) {
            for (CheckedNode node : rule.getNodes()) {
                String target = String.valueOf(node.getTarget());
                String html = Objects.requireNonNullElse(node.getHtml(), "");
                Exception allowed = exceptions.stream().filter(e -> e.covers(rule.getId(), page, target, html))
                        .findFirst().orElse(null);
                if (allowed != null) {
                    used.add(allowed);
                } else {
                    unexpected.add(page + ": " + rule.getId() + " (" + rule.getImpact() + ", " + rule.getHelp() + ") at "
                            + target + ": " + abbreviate(html) + " — " + abbreviate(node.getFailureSummary()));
                }
            }
        }
    }

    public int pagesChecked() {
        return pages;
    }

    public List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    /** Exceptions no page needed: a fixed problem whose line can go (reported, not failed: pages vary with data). */
    public List<String> unusedExceptions() {
        return exceptions.stream().filter(e -> !used.contains(e)).map(e -> e.rule() + " | " + e.page() + " | "
                + e.element()).toList();
    }

    public void assertNone() {
        if (!unexpected.isEmpty()) {
            throw new AssertionError(unexpected.size() + " accessibility violation(s) without a written exception in "
                    + "accessibility-exceptions.txt:\n  " + String.join("\n  ", unexpected));
        }
    }

    private static String abbreviate(String text) {
        String flat = Objects.requireNonNullElse(text, "").replaceAll("\\s+", " ").strip();
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "…";
    }

    private static List<Exception> load() {
        var stream = AxeCheck.class.getResourceAsStream("/accessibility-exceptions.txt");
        if (stream == null) {
            throw new IllegalStateException("accessibility-exceptions.txt is missing from the test resources");
        }
        List<Exception> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\|", 4);
                if (parts.length < 4 || parts[3].isBlank()) {
                    throw new IllegalStateException("An exception needs rule | page | element | reason: " + line);
                }
                lines.add(new Exception(parts[0].strip(), parts[1].strip(), parts[2].strip(), parts[3].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
