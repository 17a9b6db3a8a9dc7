package org.entente.analytics.engine;

import java.util.List;
import java.util.Optional;
import org.entente.analytics.engine.rollup.RollupTable;
import org.entente.analytics.engine.snapshot.SnapshotInfo;

/**
 * Everything the Analytics workspace shows for one viewer and filter, already under disclosure control.
 *
 * @param snapshot the snapshot the figures come from ("as of")
 * @param viewer   who the figures are for
 * @param filter   how they are cut
 * @param kpis     headline figures
 * @param tables   one or more tables per rollup
 * @param marking  the most restrictive releasability (PRIVATE > REL_TO > PARTICIPANTS > ALL_PARTNERS) of the records
 *                 behind the published figures; null when nothing is published
 */
public record AnalyticsReport(SnapshotInfo snapshot, Viewer viewer, AnalyticsFilter filter, List<Kpi> kpis,
                              List<RollupTable> tables, String marking) {

    public AnalyticsReport {
        kpis = List.copyOf(kpis);
        tables = List.copyOf(tables);
    }

    public Optional<RollupTable> table(String id) {
        return tables.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public Optional<Kpi> kpi(String id) {
        return kpis.stream().filter(k -> k.id().equals(id)).findFirst();
    }
}
