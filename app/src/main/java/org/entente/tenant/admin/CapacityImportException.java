package org.entente.tenant.admin;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A capacity file that cannot be loaded, with every problem found: its line (1 = the header; 0 = the file as a
 * whole), its column (null = the whole line) and what is wrong. Nothing of the file was stored.
 */
public class CapacityImportException extends AdministrationException {

    /** The message names this many problems; the rest are counted. */
    static final int PROBLEMS_IN_MESSAGE = 20;

    public record Problem(int line, String column, String message) {

        @Override
        public String toString() {
            String where = line == 0 ? "" : "Line " + line + (column == null ? "" : ", column " + column) + ": ";
            return where + message;
        }
    }

    private final List<Problem> problems;

    public CapacityImportException(List<Problem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    static CapacityImportException of(int line, String column, String message) {
        return new CapacityImportException(List.of(new Problem(line, column, message)));
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String message(List<Problem> problems) {
        String listed = problems.stream().limit(PROBLEMS_IN_MESSAGE).map(Problem::toString)
                .collect(Collectors.joining("\n"));
        int more = problems.size() - PROBLEMS_IN_MESSAGE;
        return "Nothing was loaded. " + (problems.size() == 1 ? "" : problems.size() + " problems:\n") + listed
                + (more > 0 ? "\n… and " + more + " more." : "");
    }
}
