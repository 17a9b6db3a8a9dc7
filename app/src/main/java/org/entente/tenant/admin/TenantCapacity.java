package org.entente.tenant.admin;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * An organization's capacity for one year: a state's GDP, another organization's budget, in EUR, with where the
 * figure comes from and who last set it. The analytics measure delivered contributions against it.
 */
public record TenantCapacity(int year, BigDecimal capacityEur, String source, OffsetDateTime updatedAt,
                             String updatedBy) {
}
