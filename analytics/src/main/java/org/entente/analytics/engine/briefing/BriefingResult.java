package org.entente.analytics.engine.briefing;

import java.util.List;
import org.entente.analytics.engine.snapshot.SnapshotInfo;

/**
 * What was written.
 *
 * @param marking    the workbook's marking as people read it ("REL TO PARTICIPANTS", "PRIVATE", ...): the most
 *                   restrictive releasability of its figures and detail rows
 * @param snapshot   the one snapshot every sheet comes from
 * @param detailRows data rows on the detail sheets (contributions and workstreams together)
 * @param sheetNames every sheet, in order
 * @param empty      the scope holds no data (the cover says "No data in this scope")
 */
public record BriefingResult(String marking, SnapshotInfo snapshot, long detailRows, List<String> sheetNames,
                             boolean empty) {

    public BriefingResult {
        sheetNames = List.copyOf(sheetNames);
    }
}
