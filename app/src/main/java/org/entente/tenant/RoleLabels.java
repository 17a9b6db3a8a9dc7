package org.entente.tenant;

import java.util.Locale;
import org.entente.platform.i18n.Text;
import org.entente.platform.i18n.Translations;

/**
 * How a realm role reads to people: Entente's roles ({@code member}, {@code tenant-admin}, {@code observer},
 * {@code coordinator}, {@code platform-admin}) by the key {@code role.<lowerCamel name>} (English keeps the role's
 * own name, as Keycloak and the administrators' guide write it); a role Entente does not know (one of Keycloak's own)
 * reads as its name.
 */
public final class RoleLabels {

    private RoleLabels() {
    }

    /** The role as a text, for a message that names it. */
    public static Text text(String role) {
        String key = key(role);
        return Translations.has(key) ? Text.of(key) : Text.of("role.other", role);
    }

    public static String label(Locale locale, String role) {
        return text(role).in(locale);
    }

    /** {@code tenant-admin} → {@code role.tenantAdmin}. */
    static String key(String role) {
        StringBuilder key = new StringBuilder("role.");
        boolean upper = false;
        for (char c : role.toCharArray()) {
            if (c == '-' || c == '_') {
                upper = true;
            } else {
                key.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return key.toString();
    }
}
