package org.entente.analytics.engine.briefing;

import java.util.Locale;
import org.entente.analytics.engine.EngineTexts;

/**
 * Releasability codes, their order and how they read. The texts are the Analytics screen's (the app's
 * {@code Releasability.marking()}, with REL_TO as "REL TO NAMED PARTNERS" as the screen's banner says it).
 */
final class Markings {

    /** By rank: 0 = nothing marked, then from least to most restrictive (as scope.sql ranks them). */
    private static final String[] CODES = {null, "ALL_PARTNERS", "PARTICIPANTS", "REL_TO", "PRIVATE"};

    private Markings() {
    }

    /** The rank of a releasability code (0 for null or unknown). */
    static int rank(String code) {
        for (int i = 1; i < CODES.length; i++) {
            if (CODES[i].equals(code)) {
                return i;
            }
        }
        return 0;
    }

    static String code(int rank) {
        return CODES[Math.max(0, Math.min(CODES.length - 1, rank))];
    }

    /**
     * How a releasability code reads in the reader's language, e.g. PARTICIPANTS → "REL TO PARTICIPANTS" (bundle key
     * {@code marking.<CODE>}); other text as it is.
     */
    static String text(String code, Locale locale) {
        if (code == null) {
            return "";
        }
        return EngineTexts.has("marking." + code) ? EngineTexts.text(locale, "marking." + code) : code;
    }

    /**
     * The marking of a workbook whose most restrictive content has {@code rank}; a workbook without any record behind
     * its content carries the least restrictive marking.
     */
    static String workbookText(int rank, Locale locale) {
        return text(code(Math.max(1, rank)), locale);
    }
}
