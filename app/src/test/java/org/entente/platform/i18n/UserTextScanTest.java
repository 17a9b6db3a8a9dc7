package org.entente.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No view or service writes a user-visible text itself: a scan of the app's sources for string literals given
 * where people read them (component texts, headers, labels, notifications, validation messages, refusals, page
 * titles). Such texts come from the translations ({@code getTranslation}, {@link Translations}, {@link Text}).
 * A literal people never read as language (a brand, a file extension) is allowed by a {@code // i18n-ok: why}
 * comment on its line.
 */
class UserTextScanTest {

    private static final Path SOURCES = Path.of("src/main/java/org/entente");

    /** A literal with a letter in it (keys never reach these places, so a dotted key is flagged too). */
    private static final String WORDS = "\"(?:[^\"\\\\]|\\\\.)*[A-Za-zÀ-ÿ](?:[^\"\\\\]|\\\\.)*\"";

    private static final List<Pattern> RULES = List.of(
            // Components built with their text.
            Pattern.compile("new (?:Span|Paragraph|H[1-6]|Button|Anchor|NativeLabel|Label|Div|Tab|Checkbox|TextField|"
                    + "TextArea|IntegerField|NumberField|BigDecimalField|EmailField|PasswordField|DatePicker|"
                    + "DateTimePicker|TimePicker|ComboBox|MultiSelectComboBox|Select|RadioButtonGroup|CheckboxGroup|"
                    + "ListItem|Details|Notification|ConfirmDialog|SideNavItem|Strong|Emphasis|Html|Pre|Text|"
                    + "Avatar|Badge|Tooltip)(?:<[^>]*>)?\\(\\s*" + WORDS),
            // Texts set on components, notifications and feedback.
            Pattern.compile("\\.(?:setText|setHeader|setHeaderTitle|setLabel|setPlaceholder|setHelperText|setTitle|"
                    + "setSummaryText|setConfirmText|setCancelText|setRejectText|setErrorMessage|setAriaLabel|"
                    + "setTooltipText|setEmptyStateText|addItem|setPageTitle)\\(\\s*" + WORDS),
            Pattern.compile("(?:Notification\\.show|Feedback\\.success|Feedback\\.error)\\(\\s*" + WORDS),
            Pattern.compile("setAttribute\\(\\s*\"(?:aria-label|title|placeholder|alt)\"\\s*,\\s*" + WORDS),
            // Page titles: views implement HasDynamicTitle and translate.
            Pattern.compile("@PageTitle\\(\\s*" + WORDS),
            // Messages of services: translation keys have no spaces.
            Pattern.compile("InvalidInput\\.of\\(\\s*[^,]+,\\s*\"[^\"]* [^\"]*\""),
            Pattern.compile("\\.check\\(\\s*[^;]*?,\\s*\"[^\"]*\"\\s*,\\s*\"[^\"]* [^\"]*\""),
            Pattern.compile("new NotAllowed\\(\\s*\"[^\"]* [^\"]*\""),
            Pattern.compile("Text\\.of\\(\\s*\"[^\"]* [^\"]*\""),
            // An exception's message (English, for logs) shown as it is: show its Text instead.
            Pattern.compile("(?:setText|Notification\\.show|Feedback\\.success|Feedback\\.error|new Span)\\(\\s*\\w+\\.getMessage\\(\\)"),
            // A code shown as its own name in a choice (a role, an enum constant): show its label.
            Pattern.compile("setItemLabelGenerator\\(\\s*(?:Enum::name|\\w+::roleName|Object::toString|String::valueOf)\\s*\\)"));

    /**
     * Packages whose texts are not translated yet (issue #18 in progress): each shrinks to nothing. The test fails
     * when a package here has nothing left to flag, so the list cannot outlive the work.
     */
    static final Set<String> NOT_YET_TRANSLATED = Set.of();

    @Test
    void userVisibleTextsComeFromTheTranslations() throws IOException {
        List<String> findings = new ArrayList<>();
        Set<String> packagesWithFindings = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String pkg = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
                for (String finding : scan(file)) {
                    if (NOT_YET_TRANSLATED.contains(pkg)) {
                        packagesWithFindings.add(pkg);
                    } else {
                        findings.add(finding);
                    }
                }
            }
        }
        assertThat(findings).as("user-visible texts written in the code instead of the translations").isEmpty();
        assertThat(NOT_YET_TRANSLATED).as("packages listed as not yet translated that are done: remove them")
                .isSubsetOf(packagesWithFindings);
    }

    @Test
    void theScanFindsTextsWrittenInTheCode() {
        assertThat(flagged("add(new Span(\"No contributions yet\"));")).isTrue();
        assertThat(flagged("grid.addColumn(Row::name).setHeader(\"Partner\");")).isTrue();
        assertThat(flagged("Notification.show(\n        \"Saved\");")).isTrue();
        assertThat(flagged("Feedback.success(\"Saved.\");")).isTrue();
        assertThat(flagged("log.error(\"Unexpected error {}\", reference);")).isFalse();
        assertThat(flagged("throw InvalidInput.of(\"amount\", \"Enter the amount.\");")).isTrue();
        assertThat(flagged(".check(x > 0, \"amount\", \"Enter the amount.\")")).isTrue();
        assertThat(flagged("@PageTitle(\"Workstreams\")")).isTrue();
        assertThat(flagged("add(new Span(getTranslation(\"contribution.empty\")));")).isFalse();
        assertThat(flagged("throw InvalidInput.of(\"amount\", \"contribution.error.amountMissing\");")).isFalse();
        assertThat(flagged("add(new Span(\"Entente\")); // i18n-ok: the product's name")).isFalse();
        assertThat(flagged("Feedback.error(failure.getMessage());")).isTrue();
        assertThat(flagged("Feedback.error(failure.text().in(getLocale()));")).isFalse();
        assertThat(flagged("role.setItemLabelGenerator(TenantRole::roleName);")).isTrue();
        assertThat(flagged("owner.setItemLabelGenerator(Partner::name);")).isFalse();
    }

    private static boolean flagged(String source) {
        return !findings(source, "Example.java").isEmpty();
    }

    private static List<String> scan(Path file) throws IOException {
        return findings(Files.readString(file), SOURCES.relativize(file).toString());
    }

    private static List<String> findings(String source, String name) {
        List<String> found = new ArrayList<>();
        String[] lines = source.split("\n", -1);
        for (Pattern rule : RULES) {
            Matcher matcher = rule.matcher(source);
            while (matcher.find()) {
                int line = (int) source.substring(0, matcher.end()).chars().filter(c -> c == '\n').count();
                if (!lines[line].contains("// i18n-ok:")) {
                    found.add(name + ":" + (line + 1) + ": " + lines[line].strip());
                }
            }
        }
        return found;
    }
}
