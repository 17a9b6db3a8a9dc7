package org.entente.analytics.engine;

import java.util.List;

/**
 * What the filters offer for the current snapshot.
 *
 * @param firstYear       the earliest year with data (pledges, workstream periods, milestones), at least 2000
 * @param lastYear        the latest such year, at most 2100
 * @param regions         the workstream regions in the snapshot, sorted
 * @param partnerKinds    the tenant kinds in the snapshot, in {@link AnalyticsFilter#PARTNER_KINDS} order
 * @param workstreamKinds the workstream kinds in the snapshot, in {@link AnalyticsFilter#WORKSTREAM_KINDS} order
 */
public record FilterOptions(int firstYear, int lastYear, List<String> regions, List<String> partnerKinds,
                            List<String> workstreamKinds) {

    public FilterOptions {
        regions = List.copyOf(regions);
        partnerKinds = List.copyOf(partnerKinds);
        workstreamKinds = List.copyOf(workstreamKinds);
    }
}
