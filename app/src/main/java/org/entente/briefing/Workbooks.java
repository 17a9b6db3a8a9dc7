package org.entente.briefing;

import java.io.OutputStream;
import org.entente.analytics.AnalyticsService;
import org.entente.analytics.engine.briefing.BriefingProgress;
import org.entente.analytics.engine.briefing.BriefingRequest;
import org.entente.analytics.engine.briefing.BriefingResult;
import org.entente.analytics.engine.briefing.BriefingWriter;
import org.entente.analytics.engine.briefing.ExportLedger;
import org.entente.analytics.engine.briefing.WorkstreamTitles;
import org.entente.analytics.engine.snapshot.SnapshotStore;
import org.entente.analytics.ui.Labels;
import org.entente.label.ExportLabels;
import org.springframework.stereotype.Component;

/**
 * The analytics engine's workbook writer as this app runs it: its analytics settings, the screen's labels, the current
 * snapshot. Everything the engine decides (figures, disclosure control, consent, marking) happens behind this call.
 */
@Component
class Workbooks {

    private final AnalyticsService analytics;
    private final SnapshotStore store;
    private final ExportLabels confidentiality;

    Workbooks(AnalyticsService analytics, SnapshotStore store, ExportLabels confidentiality) {
        this.analytics = analytics;
        this.store = store;
        this.confidentiality = confidentiality;
    }

    /** Writes the workbook to {@code out}; see {@link BriefingWriter#write}. */
    BriefingResult write(BriefingRequest request, WorkstreamTitles titles, ExportLedger exported,
            BriefingProgress progress, OutputStream out) {
        // The workspace's labels for the codes, in the workbook's language (the requester's).
        // The deployment's label policy for the confidentiality label bound into the workbook.
        return new BriefingWriter(analytics.settings()).withLabels(value -> Labels.of(request.language(), value))
                .withLabelPolicy(confidentiality.policy())
                .write(store, request, titles, exported, progress, out);
    }
}
