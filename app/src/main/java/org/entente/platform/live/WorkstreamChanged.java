package org.entente.platform.live;

import java.util.UUID;

/** Published after a transaction that changed something about a workstream has committed. */
public record WorkstreamChanged(UUID workstreamId, String what) {
}
