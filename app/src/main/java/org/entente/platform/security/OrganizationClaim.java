package org.entente.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.tenant.OrganizationRef;

/**
 * Reads Keycloak's {@code organization} claim. Depending on the mapper's settings it is a list of
 * aliases ({@code ["norway"]}) or an object keyed by alias whose values hold the organization's id and
 * attributes ({@code {"norway": {"id": "…", "kind": ["STATE"]}}}).
 */
final class OrganizationClaim {

    static final String NAME = "organization";

    private OrganizationClaim() {
    }

    static List<OrganizationRef> parse(Object claim) {
        List<OrganizationRef> organizations = new ArrayList<>();
        if (claim instanceof Map<?, ?> byAlias) {
            byAlias.forEach((alias, details) -> organizations.add(
                    new OrganizationRef(String.valueOf(alias), attributes(details))));
        } else if (claim instanceof Collection<?> aliases) {
            aliases.forEach(alias -> organizations.add(new OrganizationRef(String.valueOf(alias), Map.of())));
        } else if (claim instanceof String alias && !alias.isBlank()) {
            organizations.add(new OrganizationRef(alias, Map.of()));
        }
        return organizations;
    }

    private static Map<String, List<String>> attributes(Object details) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        if (details instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if (value instanceof Collection<?> values) {
                    attributes.put(String.valueOf(key), values.stream().map(String::valueOf).toList());
                } else if (value != null) {
                    attributes.put(String.valueOf(key), List.of(String.valueOf(value)));
                }
            });
        }
        return attributes;
    }
}
