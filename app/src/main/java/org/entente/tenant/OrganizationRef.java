package org.entente.tenant;

import java.util.List;
import java.util.Map;

/** An organization named in a user's token: its alias and whatever attributes Keycloak added. */
public record OrganizationRef(String alias, Map<String, List<String>> attributes) {

    public OrganizationRef {
        attributes = Map.copyOf(attributes);
    }

    public String attribute(String name) {
        List<String> values = attributes.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
