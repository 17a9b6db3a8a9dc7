package org.entente.workstream;

import java.util.UUID;
import org.entente.tenant.TenantKind;

/** A partner organization as every tenant may know it: name and kind, never its people. */
public record Partner(UUID id, String alias, String name, TenantKind kind, String region) {
}
