package org.entente.tenant.admin;

import java.util.List;
import java.util.Map;
import org.entente.keycloak.KeycloakServer;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * A partner's own OpenID Connect provider for tests: a second realm in the same Keycloak server (as Keycloak's own
 * broker tests do), made with the master realm's bootstrap admin, with a confidential client for Entente's broker
 * and one person whose e-mail is in the partner organization's domain. {@link #close()} deletes the realm.
 */
final class PartnerRealm implements AutoCloseable {

    static final String BROKER_CLIENT_ID = "entente-broker";
    static final String BROKER_CLIENT_SECRET = "partner-broker-secret";
    static final String PASSWORD = "partner-password";

    private final KeycloakServer server;
    private final String realm;
    private final RestClient rest = RestClient.create();

    private PartnerRealm(KeycloakServer server, String realm) {
        this.server = server;
        this.realm = realm;
    }

    /** Creates the realm with its broker client and a person {@code email} (password {@link #PASSWORD}). */
    static PartnerRealm create(KeycloakServer server, String realm, String email, String firstName, String lastName) {
        PartnerRealm partner = new PartnerRealm(server, realm);
        Map<String, Object> representation = Map.of(
                "realm", realm,
                "enabled", true,
                "loginWithEmailAllowed", true,
                "clients", List.of(Map.of(
                        "clientId", BROKER_CLIENT_ID,
                        "enabled", true,
                        "protocol", "openid-connect",
                        "publicClient", false,
                        "secret", BROKER_CLIENT_SECRET,
                        "standardFlowEnabled", true,
                        "directAccessGrantsEnabled", false,
                        "redirectUris", List.of(server.baseUrl() + "/realms/entente/broker/*")),
                        // Entente's realm as a SAML service provider (its entity id is the realm's address): the
                        // person is named by e-mail, their names travel as attributes; requests need no signature.
                        Map.of(
                        "clientId", server.baseUrl() + "/realms/entente",
                        "enabled", true,
                        "protocol", "saml",
                        "redirectUris", List.of(server.baseUrl() + "/realms/entente/broker/*"),
                        "attributes", Map.of(
                                "saml.client.signature", "false",
                                "saml.server.signature", "true",
                                "saml_force_name_id_format", "true",
                                "saml_name_id_format", "email",
                                "saml.authnstatement", "true"),
                        "protocolMappers", List.of(samlAttribute("firstName"), samlAttribute("lastName")))),
                "users", List.of(Map.of(
                        "username", email,
                        "email", email,
                        "emailVerified", true,
                        "firstName", firstName,
                        "lastName", lastName,
                        "enabled", true,
                        "credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false)))));
        partner.rest.post().uri(server.baseUrl() + "/admin/realms")
                .headers(h -> h.setBearerAuth(partner.masterToken())).contentType(MediaType.APPLICATION_JSON)
                .body(representation).retrieve().toBodilessEntity();
        return partner;
    }

    private static Map<String, Object> samlAttribute(String property) {
        return Map.of("name", property, "protocol", "saml", "protocolMapper", "saml-user-property-mapper",
                "config", Map.of("user.attribute", property, "attribute.name", property,
                        "attribute.nameformat", "Basic"));
    }

    String name() {
        return realm;
    }

    String discoveryUrl() {
        return server.baseUrl() + "/realms/" + realm + "/.well-known/openid-configuration";
    }

    /** The realm's SAML 2.0 identity-provider metadata (entity descriptor), as Keycloak publishes it for every realm. */
    String samlMetadataUrl() {
        return server.baseUrl() + "/realms/" + realm + "/protocol/saml/descriptor";
    }

    String issuer() {
        return server.baseUrl() + "/realms/" + realm;
    }

    private String masterToken() {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "password");
        form.add("client_id", "admin-cli");
        form.add("username", KeycloakServer.ADMIN_USERNAME);
        form.add("password", KeycloakServer.ADMIN_PASSWORD);
        Map<?, ?> token = rest.post().uri(server.baseUrl() + "/realms/master/protocol/openid-connect/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).retrieve().body(Map.class);
        return String.valueOf(token.get("access_token"));
    }

    @Override
    public void close() {
        rest.delete().uri(server.baseUrl() + "/admin/realms/{realm}", realm)
                .headers(h -> h.setBearerAuth(masterToken())).retrieve().toBodilessEntity();
    }
}
