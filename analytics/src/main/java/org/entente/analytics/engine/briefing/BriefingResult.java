package org.entente.analytics.engine.briefing;

import java.util.List;
import org.entente.analytics.engine.ConsentingPartner;
import org.entente.analytics.engine.snapshot.SnapshotInfo;
import org.entente.label.standard.ConfidentialityLabel;

/**
 * What was written.
 *
 * @param marking    the workbook's marking as people read it ("REL TO PARTICIPANTS", "PRIVATE", ...): the most
 *                   restrictive releasability of its figures and detail rows
 * @param snapshot   the one snapshot every sheet comes from
 * @param detailRows data rows on the detail sheets (contributions and workstreams together)
 * @param sheetNames every sheet, in order
 * @param empty      the scope holds no data (the cover says "No data in this scope")
 * @param publishedByConsent organizations whose own figures the workbook publishes only by their consent to the viewer's
 *                   organization (for the granting organizations' access ledgers)
 * @param label      the machine-readable confidentiality label bound into the workbook (null: none, a result made by
 *                   hand in a test)
 */
public record BriefingResult(String marking, SnapshotInfo snapshot, long detailRows, List<String> sheetNames,
                             boolean empty, List<ConsentingPartner> publishedByConsent,
                             ConfidentialityLabel label) {

    public BriefingResult {
        sheetNames = List.copyOf(sheetNames);
        publishedByConsent = publishedByConsent == null ? List.of() : List.copyOf(publishedByConsent);
    }

    public BriefingResult(String marking, SnapshotInfo snapshot, long detailRows, List<String> sheetNames,
                          boolean empty, List<ConsentingPartner> publishedByConsent) {
        this(marking, snapshot, detailRows, sheetNames, empty, publishedByConsent, null);
    }

    public BriefingResult(String marking, SnapshotInfo snapshot, long detailRows, List<String> sheetNames,
                          boolean empty) {
        this(marking, snapshot, detailRows, sheetNames, empty, List.of());
    }
}
