package org.entente.analytics.engine;

import java.util.List;

/**
 * How the figures are cut; null means "all". Blank texts count as null.
 * <ul>
 * <li>{@code yearFrom}/{@code yearTo}: contributions by the year they were pledged; workstreams whose period overlaps
 *     the years; milestones by the year they are planned for. Each within {@value #FIRST_YEAR}–{@value #LAST_YEAR}.</li>
 * <li>{@code region}: the workstream's region (one of the snapshot's, {@link FilterOptions#regions()}).</li>
 * <li>{@code partnerKind}: the partner dimension of each rollup (the contributor, the lead, the participant or the
 *     engaged party), one of {@link #PARTNER_KINDS}.</li>
 * <li>{@code workstreamKind}: one of {@link #WORKSTREAM_KINDS}.</li>
 * </ul>
 * Construction never fails; {@link #validate} says what is wrong.
 */
public record AnalyticsFilter(Integer yearFrom, Integer yearTo, String region, String partnerKind, String workstreamKind) {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;
    /** Tenant kinds, in the order the screens list them. */
    public static final List<String> PARTNER_KINDS =
            List.of("STATE", "ALLIANCE", "IGO", "NGO", "PRIVATE_SECURITY", "CORPORATION", "ACADEMIA");
    public static final List<String> WORKSTREAM_KINDS = List.of("INITIATIVE", "RND_PROJECT", "ENGAGEMENT");

    private static final AnalyticsFilter EVERYTHING = new AnalyticsFilter(null, null, null, null, null);

    public AnalyticsFilter {
        region = blankToNull(region);
        partnerKind = blankToNull(partnerKind);
        workstreamKind = blankToNull(workstreamKind);
    }

    public static AnalyticsFilter everything() {
        return EVERYTHING;
    }

    /**
     * Checks the filter against the known values.
     *
     * @param known the snapshot's filter options (for the regions); null checks only years and kinds
     * @throws InvalidFilterException naming the first field that is wrong
     */
    public void validate(FilterOptions known) {
        checkYear("yearFrom", "filter.firstYearOutOfRange", yearFrom);
        checkYear("yearTo", "filter.lastYearOutOfRange", yearTo);
        if (yearFrom != null && yearTo != null && yearFrom > yearTo) {
            throw new InvalidFilterException("yearTo", EngineText.of("filter.lastYearBeforeFirst",
                    String.valueOf(yearTo), String.valueOf(yearFrom)));
        }
        if (region != null && known != null && !known.regions().contains(region)) {
            throw new InvalidFilterException("region", known.regions().isEmpty()
                    ? EngineText.of("filter.noRegion", region)
                    : EngineText.of("filter.noRegionKnown", region, String.join(", ", known.regions())));
        }
        if (partnerKind != null && !PARTNER_KINDS.contains(partnerKind)) {
            throw new InvalidFilterException("partnerKind", EngineText.of("filter.noPartnerKind", partnerKind,
                    String.join(", ", PARTNER_KINDS)));
        }
        if (workstreamKind != null && !WORKSTREAM_KINDS.contains(workstreamKind)) {
            throw new InvalidFilterException("workstreamKind", EngineText.of("filter.noWorkstreamKind", workstreamKind,
                    String.join(", ", WORKSTREAM_KINDS)));
        }
    }

    /** Years as strings: a year reads 2026, never 2,026. */
    private static void checkYear(String field, String key, Integer year) {
        if (year != null && (year < FIRST_YEAR || year > LAST_YEAR)) {
            throw new InvalidFilterException(field, EngineText.of(key, String.valueOf(FIRST_YEAR),
                    String.valueOf(LAST_YEAR), String.valueOf(year)));
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
