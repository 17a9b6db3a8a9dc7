package org.entente.workstream;

import java.io.Serializable;
import java.util.UUID;

/** Identifies a workstream: its owner (lead) tenant's partition and its id. */
public record WorkstreamRef(UUID tenantId, UUID id) implements Serializable {
}
