package org.entente.briefing;

import java.util.List;
import org.entente.analytics.engine.AnalyticsFilter;
import org.entente.tenant.TenantKind;

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

    /** For people: "2024–2026, Europe, states" or "all years, all regions, all partner kinds". */
    public String describe() {
        String years;
        if (yearFrom != null && yearTo != null) {
            years = yearFrom.equals(yearTo) ? String.valueOf(yearFrom) : yearFrom + "–" + yearTo;
        } else if (yearFrom != null) {
            years = "from " + yearFrom;
        } else if (yearTo != null) {
            years = "up to " + yearTo;
        } else {
            years = "all years";
        }
        return String.join(", ", List.of(years, region == null ? "all regions" : region,
                partnerKind == null ? "all partner kinds" : partnerKindLabel(partnerKind)));
    }

    private static String partnerKindLabel(String kind) {
        try {
            return TenantKind.valueOf(kind).label();
        } catch (IllegalArgumentException e) {
            return kind;
        }
    }
}
