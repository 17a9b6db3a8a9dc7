package org.entente.platform.validation;

import java.sql.SQLException;

/** Reads the SQLSTATE the database gave, through whatever exceptions jOOQ or Spring wrapped it in. */
public final class SqlState {

    /** Row-level security refused a write (WITH CHECK), or a privilege was missing. */
    public static final String INSUFFICIENT_PRIVILEGE = "42501";

    private SqlState() {
    }

    public static String of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    public static boolean is(Throwable failure, String state) {
        return state.equals(of(failure));
    }
}
