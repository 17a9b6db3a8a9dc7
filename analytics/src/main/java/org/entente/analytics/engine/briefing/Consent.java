package org.entente.analytics.engine.briefing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.entente.analytics.engine.AnalyticsReport;
import org.entente.analytics.engine.ConsentingPartner;
import org.entente.analytics.engine.snapshot.SnapshotInfo;

/**
 * What a briefing says about consent, over every report it ran (the scope's and the Key figures' periods): the
 * consent state's date, the organizations whose own figures it publishes only by their consent (for the Notes sheet
 * and for those organizations' access ledgers), and the reports' notes (e.g. a capacity taken from another year).
 *
 * @param stateAt            the consent state the figures use: the snapshot's {@code takenAt} (a grant or revocation
 *                           made since applies from the next refresh)
 * @param publishedByConsent each organization once, by name
 * @param notes              each note once, in the order the reports gave them
 */
record Consent(Instant stateAt, List<ConsentingPartner> publishedByConsent, List<String> notes) {

    Consent {
        Objects.requireNonNull(stateAt, "stateAt");
        publishedByConsent = List.copyOf(publishedByConsent);
        notes = List.copyOf(notes);
    }

    /** The union over {@code reports} (nulls, i.e. periods not run, are skipped). */
    static Consent of(SnapshotInfo snapshot, AnalyticsReport... reports) {
        Map<UUID, ConsentingPartner> partners = new LinkedHashMap<>();
        LinkedHashSet<String> notes = new LinkedHashSet<>();
        for (AnalyticsReport report : reports) {
            if (report == null) {
                continue;
            }
            report.publishedByConsent().forEach(p -> partners.putIfAbsent(p.tenantId(), p));
            notes.addAll(report.notes());
        }
        List<ConsentingPartner> byName = new ArrayList<>(partners.values());
        byName.sort(Comparator.comparing((ConsentingPartner p) -> p.name().toLowerCase(Locale.ROOT))
                .thenComparing(p -> p.tenantId().toString()));
        return new Consent(snapshot.takenAt(), byName, new ArrayList<>(notes));
    }
}
