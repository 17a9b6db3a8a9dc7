package org.entente.tenant;

import java.util.Locale;
import org.entente.platform.i18n.Translations;

/**
 * How a region reads to people. A region is typed as free text (an organization's, a workstream's), so it is data,
 * not a code: it reads as written, except the usual region names (those of the demo register and the realm), which
 * have a translation under {@code region.<lowerCamel name>} ("West Africa" → {@code region.westAfrica}). Filters and
 * figures keep grouping by the text as written; only the words shown change.
 */
public final class RegionLabels {

    private RegionLabels() {
    }

    public static String label(Locale locale, String region) {
        if (region == null || region.isBlank()) {
            return region;
        }
        String key = key(region);
        return key != null && Translations.has(key) ? Translations.text(locale, key) : region;
    }

    /** {@code West Africa} → {@code region.westAfrica}; null when the text has other characters than letters. */
    static String key(String region) {
        StringBuilder key = new StringBuilder("region.");
        boolean upper = false;
        boolean first = true;
        for (char c : region.strip().toCharArray()) {
            if (c == ' ' || c == '-') {
                upper = true;
            } else if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
                key.append(first ? Character.toLowerCase(c) : upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
                upper = false;
                first = false;
            } else {
                return null;
            }
        }
        return key.toString();
    }
}
