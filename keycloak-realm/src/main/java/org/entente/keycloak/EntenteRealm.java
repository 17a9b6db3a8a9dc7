package org.entente.keycloak;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.FileNotFoundException;

/**
 * Names shared by the realm JSON ({@value #REALM_RESOURCE}), the app's OAuth2 client configuration and
 * the tests. The realm JSON is the single source; these constants only name what it contains.
 */
public final class EntenteRealm {

    public static final String REALM = "entente";

    /** Classpath location of the realm definition imported by {@link KeycloakServer}. */
    public static final String REALM_RESOURCE = "/keycloak/entente-realm.json";

    /** Confidential OIDC client the app logs users in with (authorization code + PKCE S256). */
    public static final String APP_CLIENT_ID = "entente-app";

    /**
     * Demo-only secret of {@link #APP_CLIENT_ID}, committed on purpose so a fresh clone runs. A real
     * deployment creates its own client secret in its own Keycloak and never uses this realm file.
     */
    public static final String APP_CLIENT_SECRET = "entente-dev-secret";

    /**
     * Confidential client whose service account the app uses for tenant and member administration (client
     * credentials only; realm-management roles view/manage-realm, view/query/manage-users and
     * view/manage-identity-providers, nothing else).
     */
    public static final String ADMIN_API_CLIENT_ID = "entente-admin-api";

    /** Demo-only secret of {@link #ADMIN_API_CLIENT_ID}, like {@link #APP_CLIENT_SECRET}. */
    public static final String ADMIN_API_CLIENT_SECRET = "entente-admin-dev-secret";

    /** Password of every demo user (dev and tests only). */
    public static final String DEMO_PASSWORD = "entente-demo";

    /** Path of the app's OAuth2 redirect endpoint; the client accepts it on any localhost/127.0.0.1 port. */
    public static final String REDIRECT_PATH = "/login/oauth2/code/keycloak";

    /** Scopes the app requests; {@code organization} makes Keycloak add the {@link #CLAIM_ORGANIZATION} claim. */
    public static final String APP_SCOPES = "openid profile email organization";

    /** Top-level array claim with the user's realm roles (ID token, access token, userinfo). */
    public static final String CLAIM_ROLES = "roles";

    /**
     * Organization membership claim, present only when scope {@code organization} is requested and the
     * user belongs to an organization: {@code {"<alias>": {"id": "<org id>", "kind": ["STATE"], "region": [...]}}}.
     */
    public static final String CLAIM_ORGANIZATION = "organization";

    public static final String ROLE_PLATFORM_ADMIN = "platform-admin";
    public static final String ROLE_COORDINATOR = "coordinator";
    public static final String ROLE_MEMBER = "member";
    /** Administers members of the user's own organization only; the app enforces that boundary. */
    public static final String ROLE_TENANT_ADMIN = "tenant-admin";
    /** Reads what is released to the user's organization, contributes nothing; given by a tenant-admin. */
    public static final String ROLE_OBSERVER = "observer";

    private EntenteRealm() {
    }

    /** Opens the realm JSON from the classpath; the caller closes the stream. */
    public static InputStream openRealmJson() {
        InputStream json = EntenteRealm.class.getResourceAsStream(REALM_RESOURCE);
        if (json == null) {
            throw new UncheckedIOException(new FileNotFoundException("classpath:" + REALM_RESOURCE));
        }
        return json;
    }
}
