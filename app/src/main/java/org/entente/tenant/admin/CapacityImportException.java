package org.entente.tenant.admin;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.entente.platform.i18n.Language;
import org.entente.platform.i18n.Text;
import org.entente.platform.i18n.Translations;

/**
 * A capacity file that cannot be loaded, with every problem found: its line (1 = the header; 0 = the file as a
 * whole), its column (null = the whole line) and what is wrong. Nothing of the file was stored. The column is the
 * file's own header name (the file stays machine-readable, in English); the words around it are translated.
 */
public class CapacityImportException extends AdministrationException {

    /** The message names this many problems; the rest are counted. */
    static final int PROBLEMS_IN_MESSAGE = 20;

    public record Problem(int line, String column, Text message) {

        /** "Line 3, column amount: …" in the locale's language. */
        public String in(Locale locale) {
            if (line == 0) {
                return message.in(locale);
            }
            return column == null
                    ? Translations.text(locale, "admin.capacityFile.problemAtLine", String.valueOf(line), message.in(locale))
                    : Translations.text(locale, "admin.capacityFile.problemAtColumn", String.valueOf(line), column,
                            message.in(locale));
        }

        @Override
        public String toString() {
            return in(Language.EN.locale());
        }
    }

    private final List<Problem> problems;

    public CapacityImportException(List<Problem> problems) {
        super(message(problems, Language.EN.locale()));
        this.problems = List.copyOf(problems);
    }

    static CapacityImportException of(int line, String column, String key, Object... args) {
        return new CapacityImportException(List.of(new Problem(line, column, Text.of(key, args))));
    }

    public List<Problem> problems() {
        return problems;
    }

    @Override
    public String in(Locale locale) {
        return message(problems, locale);
    }

    private static String message(List<Problem> problems, Locale locale) {
        String listed = problems.stream().limit(PROBLEMS_IN_MESSAGE).map(p -> p.in(locale))
                .collect(Collectors.joining("\n"));
        int more = problems.size() - PROBLEMS_IN_MESSAGE;
        String message = problems.size() == 1
                ? Translations.text(locale, "admin.capacityFile.nothingLoadedOne", listed)
                : Translations.text(locale, "admin.capacityFile.nothingLoadedMany", problems.size(), listed);
        return more > 0 ? message + "\n" + Translations.text(locale, "admin.capacityFile.andMore", more) : message;
    }
}
