package org.entente.tenant.admin;

import java.math.BigDecimal;
import java.util.List;
import org.entente.tenant.TenantKind;

/**
 * What a platform administrator enters for a new or edited tenant. The alias cannot change once created.
 *
 * @param capacityIndex relative capacity of the organization for fair-share analytics, or null
 * @param emailDomains  the organization's email domains in Keycloak
 */
public record TenantDraft(String name, String alias, TenantKind kind, String region, BigDecimal capacityIndex,
        List<String> emailDomains) {

    public TenantDraft {
        emailDomains = emailDomains == null ? List.of() : List.copyOf(emailDomains);
    }
}
