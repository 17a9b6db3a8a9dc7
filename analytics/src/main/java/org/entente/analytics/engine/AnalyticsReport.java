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
 * @param guideline          the viewer organization's burden guideline the figures were measured against
 * @param publishedByConsent organizations whose own figures this report publishes only because they consented to the
 *                           viewer's organization (consent state of the snapshot); empty in a member view
 * @param notes              what a reader must know about these figures (e.g. a capacity taken from an earlier year)
 */
public record AnalyticsReport(SnapshotInfo snapshot, Viewer viewer, AnalyticsFilter filter, List<Kpi> kpis,
                              List<RollupTable> tables, String marking, BurdenGuideline guideline,
                              List<ConsentingPartner> publishedByConsent, List<String> notes) {

    public AnalyticsReport {
        kpis = List.copyOf(kpis);
        tables = List.copyOf(tables);
        guideline = guideline == null ? BurdenGuideline.none() : guideline;
        publishedByConsent = publishedByConsent == null ? List.of() : List.copyOf(publishedByConsent);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public AnalyticsReport(SnapshotInfo snapshot, Viewer viewer, AnalyticsFilter filter, List<Kpi> kpis,
                           List<RollupTable> tables, String marking) {
        this(snapshot, viewer, filter, kpis, tables, marking, BurdenGuideline.none(), List.of(), List.of());
    }

    public Optional<RollupTable> table(String id) {
        return tables.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public Optional<Kpi> kpi(String id) {
        return kpis.stream().filter(k -> k.id().equals(id)).findFirst();
    }
}
