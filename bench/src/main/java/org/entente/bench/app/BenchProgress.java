package org.entente.bench.app;

import java.util.Locale;

/** Progress lines in the bench's own format, for the slow parts (Keycloak, app start, browsers). */
final class BenchProgress {

    private BenchProgress() {
    }

    static void say(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[bench %tT]   %s%n", System.currentTimeMillis(),
                String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
