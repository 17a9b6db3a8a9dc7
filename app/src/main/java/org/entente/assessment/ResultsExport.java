package org.entente.assessment;

import org.entente.workstream.WorkstreamRef;
import org.springframework.stereotype.Service;

/**
 * A workstream's results in exchange formats, exactly what the signed-in organization may see (the same services,
 * so releasability applies): IATI 2.03 activity XML (result → indicator → baseline, period with target and actual),
 * CSV and an Excel workbook. Each export is recorded in the audit trail.
 */
@Service
public class ResultsExport {

    public record File(String name, String contentType, byte[] content) {
    }

    public File iati(WorkstreamRef workstream) {
        throw new UnsupportedOperationException("ResultsExport: to be built");
    }

    public File csv(WorkstreamRef workstream) {
        throw new UnsupportedOperationException("ResultsExport: to be built");
    }

    public File workbook(WorkstreamRef workstream) {
        throw new UnsupportedOperationException("ResultsExport: to be built");
    }
}
