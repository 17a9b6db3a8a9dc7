package org.entente.assessment;

import java.util.UUID;
import org.entente.workstream.WorkstreamRef;

/** What a workstream sets out to do. */
public record Objective(WorkstreamRef workstream, UUID id, int position, String text, int version) {
}
