package org.entente.briefing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** How times and texts go into the briefing tables and the bell: UTC columns, texts cut to their column's length. */
final class BriefingValues {

    private BriefingValues() {
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /** The text stripped, at most {@code max} characters (an ellipsis where cut); "?" for none. */
    static String shorten(String text, int max) {
        String value = text == null || text.isBlank() ? "?" : text.strip();
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
