package org.entente.briefing;

import java.util.List;
import java.util.Locale;
import org.entente.analytics.engine.AnalyticsFilter;
import org.entente.analytics.ui.Labels;
import org.entente.platform.i18n.Language;
import org.entente.platform.i18n.Translations;

/**
 * What a briefing covers: the Analytics page's years, region and partner kind (null = all). The workstream kind is
 * not part of it: the briefing's kind chooses the topics.
 */
public record BriefingScope(Integer yearFrom, Integer yearTo, String region, String partnerKind) {

    private static final BriefingScope EVERYTHING = new BriefingScope(null, null, null, null);

    public BriefingScope {
        region = region == null || region.isBlank() ? null : region.strip();
        partnerKind = partnerKind == null || partnerKind.isBlank() ? null : partnerKind.strip();
    }

    public static BriefingScope everything() {
        return EVERYTHING;
    }

    /** The scope of the page's filters. */
    public static BriefingScope of(AnalyticsFilter filter) {
        return filter == null ? EVERYTHING
                : new BriefingScope(filter.yearFrom(), filter.yearTo(), filter.region(), filter.partnerKind());
    }

    /** The engine's filter for this scope. */
    public AnalyticsFilter filter() {
        return new AnalyticsFilter(yearFrom, yearTo, region, partnerKind, null);
    }

    /** In English: logs, and the tests that read it. */
    public String describe() {
        return describe(Language.EN.locale());
    }

    /** For people, in their language: "2024–2026, Europe, State" or "all years, all regions, all partner kinds". */
    public String describe(Locale locale) {
        String years;
        if (yearFrom != null && yearTo != null) {
            years = yearFrom.equals(yearTo) ? String.valueOf(yearFrom) : yearFrom + "–" + yearTo;
        } else if (yearFrom != null) {
            years = Translations.text(locale, "briefing.scope.from", String.valueOf(yearFrom));
        } else if (yearTo != null) {
            years = Translations.text(locale, "briefing.scope.upTo", String.valueOf(yearTo));
        } else {
            years = Translations.text(locale, "briefing.scope.allYears");
        }
        return String.join(", ", List.of(years,
                region == null ? Translations.text(locale, "briefing.scope.allRegions") : region,
                partnerKind == null ? Translations.text(locale, "briefing.scope.allPartnerKinds")
                        : Labels.of(locale, partnerKind)));
    }
}
