package org.entente.tenant.admin;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.entente.tenant.TenantKind;
import org.entente.tenant.TenantStatus;

/** One line of the platform's tenant list. */
public record TenantSummary(UUID id, String alias, String name, TenantKind kind, String region, TenantStatus status,
        BigDecimal capacityIndex, long memberCount, OffsetDateTime lastActivityAt) {
}
