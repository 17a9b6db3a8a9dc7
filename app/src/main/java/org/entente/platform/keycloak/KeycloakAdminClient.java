package org.entente.platform.keycloak;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * The few Keycloak admin REST calls Entente needs (organizations, their members, users, realm roles), as
 * the service account of the {@code entente-admin-api} client (client credentials; no admin password).
 *
 * <p>A small typed client over Spring's {@link RestClient} rather than {@code keycloak-admin-client}: that
 * library brings RESTEasy and Jackson 2 next to Spring Boot 4's Jackson 3, for a dozen endpoints.
 *
 * <p>Failures: an unreachable server is a {@link KeycloakUnavailableException}; an HTTP error answer is a
 * {@link KeycloakRequestException} carrying the status (409 = conflict, 404 = not found).
 */
public class KeycloakAdminClient {

    private static final int ALL = 10_000;

    /** A Keycloak organization (id = Entente tenant id for tenants created through Entente). */
    public record Organization(UUID id, String name, String alias, boolean enabled, String description,
            List<Domain> domains, Map<String, List<String>> attributes) {

        public String attribute(String name) {
            List<String> values = attributes == null ? null : attributes.get(name);
            return values == null || values.isEmpty() ? null : values.getFirst();
        }

        public List<String> domainNames() {
            return domains == null ? List.of() : domains.stream().map(Domain::name).toList();
        }
    }

    public record Domain(String name, boolean verified) {
    }

    /** A Keycloak user as Entente sees it. */
    public record UserAccount(UUID id, String username, String email, String firstName, String lastName,
            boolean enabled, List<String> requiredActions) {

        public String displayName() {
            String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
            return name.isEmpty() ? username : name;
        }

        public boolean hasPendingActions() {
            return requiredActions != null && !requiredActions.isEmpty();
        }
    }

    /** An identity provider of the realm; {@code config} holds its endpoints, client id and organization settings. */
    public record IdentityProvider(String alias, String displayName, String providerId, boolean enabled,
            Boolean hideOnLogin, String organizationId, Map<String, String> config) {

        public String setting(String key) {
            return config == null ? null : config.get(key);
        }
    }

    /**
     * A pending organization invitation (Keycloak 26.5 keeps them: list, resend, delete).
     *
     * @param sentDate  seconds since the epoch
     * @param expiresAt seconds since the epoch
     * @param status    PENDING or EXPIRED
     */
    public record OrganizationInvitation(String id, String organizationId, String email, String firstName,
            String lastName, long sentDate, long expiresAt, String status) {
    }

    /** A user's link to an identity provider: the provider's alias and the person's id there. */
    public record FederatedIdentity(String identityProvider, String userId, String userName) {
    }

    /** How a user belongs to an organization: {@code MANAGED} when they joined through its identity provider. */
    public record Membership(UUID id, String username, String membershipType) {

        public boolean managed() {
            return "MANAGED".equals(membershipType);
        }
    }

    record Role(String id, String name) {
    }

    record Token(String access_token, long expires_in) {
    }

    private static final ParameterizedTypeReference<List<Organization>> ORGANIZATIONS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<UserAccount>> USERS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<FederatedIdentity>> FEDERATED_IDENTITIES = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Membership>> MEMBERSHIPS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Role>> ROLES = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<IdentityProvider>> IDENTITY_PROVIDERS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<OrganizationInvitation>> INVITATIONS = new ParameterizedTypeReference<>() {
    };
    /** A JSON string literal; only for values already restricted to a safe alphabet (aliases). */
    private static final java.util.function.Function<String, String> JSON_STRING = value -> "\"" + value + "\"";
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };

    private final String serverUri;
    private final URI tokenUri;
    private final String clientId;
    private final String clientSecret;
    private final RestClient rest;
    private String accessToken;
    private Instant accessTokenExpires = Instant.EPOCH;

    /**
     * @param issuerUri the realm's issuer, e.g. {@code http://localhost:8180/realms/entente}
     */
    public KeycloakAdminClient(String issuerUri, String clientId, String clientSecret) {
        int realms = issuerUri.indexOf("/realms/");
        if (realms < 0) {
            throw new IllegalArgumentException("Not a Keycloak realm issuer: " + issuerUri);
        }
        this.serverUri = issuerUri.substring(0, realms);
        String realm = issuerUri.substring(realms + "/realms/".length()).replaceAll("/+$", "");
        this.tokenUri = URI.create(issuerUri.replaceAll("/+$", "") + "/protocol/openid-connect/token");
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
        requests.setReadTimeout(Duration.ofSeconds(30));
        this.rest = RestClient.builder().requestFactory(requests)
                .baseUrl(serverUri + "/admin/realms/" + realm)
                .build();
    }

    public String serverUri() {
        return serverUri;
    }

    // ---------------------------------------------------------------------------------- organizations

    public List<Organization> organizations() {
        return call(() -> rest.get().uri("/organizations?briefRepresentation=false&first=0&max={max}", ALL)
                .headers(h -> h.setBearerAuth(token())).retrieve().body(ORGANIZATIONS));
    }

    public Optional<Organization> organization(UUID id) {
        try {
            return Optional.ofNullable(call(() -> rest.get().uri("/organizations/{id}", id)
                    .headers(h -> h.setBearerAuth(token())).retrieve().body(Organization.class)));
        } catch (KeycloakRequestException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public Optional<Organization> organizationByAlias(String alias) {
        return organizations().stream().filter(o -> alias.equals(o.alias())).findFirst();
    }

    /** Creates an enabled organization and returns its id. */
    public UUID createOrganization(String name, String alias, String description, List<String> domains,
            Map<String, List<String>> attributes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("alias", alias);
        body.put("enabled", true);
        body.put("description", description);
        body.put("domains", domains.stream().map(d -> Map.of("name", d, "verified", false)).toList());
        body.put("attributes", attributes);
        URI location = call(() -> rest.post().uri("/organizations").headers(h -> h.setBearerAuth(token()))
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity().getHeaders()
                .getLocation());
        return idFrom(location);
    }

    /** Changes name, domains, attributes and enabled flag, keeping everything else of the organization. */
    public void updateOrganization(UUID id, String name, List<String> domains, Map<String, List<String>> attributes,
            boolean enabled) {
        Map<String, Object> current = call(() -> rest.get().uri("/organizations/{id}", id)
                .headers(h -> h.setBearerAuth(token())).retrieve().body(OBJECT));
        Map<String, Object> body = new LinkedHashMap<>(current);
        body.put("name", name);
        body.put("enabled", enabled);
        body.put("domains", domains.stream().map(d -> Map.of("name", d, "verified", false)).toList());
        body.put("attributes", attributes);
        body.remove("members");
        body.remove("identityProviders");
        call(() -> rest.put().uri("/organizations/{id}", id).headers(h -> h.setBearerAuth(token()))
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity());
    }

    public void deleteOrganization(UUID id) {
        call(() -> rest.delete().uri("/organizations/{id}", id).headers(h -> h.setBearerAuth(token()))
                .retrieve().toBodilessEntity());
    }

    public List<UserAccount> organizationMembers(UUID organizationId) {
        return call(() -> rest.get().uri("/organizations/{id}/members?first=0&max={max}", organizationId, ALL)
                .headers(h -> h.setBearerAuth(token())).retrieve().body(USERS));
    }

    /** The organization's members with their membership type (Keycloak 26's MemberRepresentation). */
    public List<Membership> organizationMemberships(UUID organizationId) {
        return call(() -> rest.get().uri("/organizations/{id}/members?first=0&max={max}", organizationId, ALL)
                .headers(h -> h.setBearerAuth(token())).retrieve().body(MEMBERSHIPS));
    }

    public void addOrganizationMember(UUID organizationId, UUID userId) {
        call(() -> rest.post().uri("/organizations/{id}/members", organizationId).headers(h -> h.setBearerAuth(token()))
                .contentType(MediaType.APPLICATION_JSON).body("\"" + userId + "\"").retrieve().toBodilessEntity());
    }

    public void removeOrganizationMember(UUID organizationId, UUID userId) {
        call(() -> rest.delete().uri("/organizations/{id}/members/{user}", organizationId, userId)
                .headers(h -> h.setBearerAuth(token())).retrieve().toBodilessEntity());
    }

    /** The organizations a user belongs to. */
    public List<Organization> organizationsOf(UUID userId) {
        return call(() -> rest.get().uri("/organizations/members/{user}/organizations?briefRepresentation=false", userId)
                .headers(h -> h.setBearerAuth(token())).retrieve().body(ORGANIZATIONS));
    }

    // ---------------------------------------------------------------------------------- users and roles

    public Optional<UserAccount> user(UUID id) {
        try {
            return Optional.ofNullable(call(() -> rest.get().uri("/users/{id}", id)
                    .headers(h -> h.setBearerAuth(token())).retrieve().body(UserAccount.class)));
        } catch (KeycloakRequestException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public Optional<UserAccount> userByEmail(String email) {
        List<UserAccount> users = call(() -> rest.get().uri("/users?email={email}&exact=true", email)
                .headers(h -> h.setBearerAuth(token())).retrieve().body(USERS));
        return users.stream().filter(u -> email.equalsIgnoreCase(u.email())).findFirst();
    }

    /** Creates an enabled user who must complete {@code requiredActions} at first sign-in; returns the id. */
    public UUID createUser(String username, String email, String firstName, String lastName,
            List<String> requiredActions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("email", email);
        body.put("firstName", firstName);
        body.put("lastName", lastName);
        body.put("enabled", true);
        body.put("requiredActions", requiredActions);
        URI location = call(() -> rest.post().uri("/users").headers(h -> h.setBearerAuth(token()))
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity().getHeaders()
                .getLocation());
        return idFrom(location);
    }

    /** Enables or disables the account, keeping the rest of the user as it is. */
    public void setUserEnabled(UUID id, boolean enabled) {
        Map<String, Object> current = call(() -> rest.get().uri("/users/{id}", id)
                .headers(h -> h.setBearerAuth(token())).retrieve().body(OBJECT));
        Map<String, Object> body = new LinkedHashMap<>(current);
        body.put("enabled", enabled);
        call(() -> rest.put().uri("/users/{id}", id).headers(h -> h.setBearerAuth(token()))
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity());
    }

    public void deleteUser(UUID id) {
        call(() -> rest.delete().uri("/users/{id}", id).headers(h -> h.setBearerAuth(token()))
                .retrieve().toBodilessEntity());
    }

    /** The identity providers a user is linked to (set when they first signed in through one). */
    public List<FederatedIdentity> federatedIdentities(UUID userId) {
        return call(() -> rest.get().uri("/users/{id}/federated-identity", userId)
                .headers(h -> h.setBearerAuth(token())).retrieve().body(FEDERATED_IDENTITIES));
    }

    public void removeFederatedIdentity(UUID userId, String alias) {
        call(() -> rest.delete().uri("/users/{id}/federated-identity/{alias}", userId, alias)
                .headers(h -> h.setBearerAuth(token())).retrieve().toBodilessEntity());
    }

    public Set<String> realmRolesOf(UUID userId) {
        return call(() -> rest.get().uri("/users/{id}/role-mappings/realm", userId)
                .headers(h -> h.setBearerAuth(token())).retrieve().body(ROLES))
                .stream().map(Role::name).collect(Collectors.toSet());
    }

    public void addRealmRole(UUID userId, String role) {
        Role representation = realmRole(role);
        call(() -> rest.post().uri("/users/{id}/role-mappings/realm", userId).headers(h -> h.setBearerAuth(token()))
                .contentType(MediaType.APPLICATION_JSON).body(List.of(representation)).retrieve().toBodilessEntity());
    }

    public void removeRealmRole(UUID userId, String role) {
        Role representation = realmRole(role);
        call(() -> rest.method(org.springframework.http.HttpMethod.DELETE).uri("/users/{id}/role-mappings/realm", userId)
                .headers(h -> h.setBearerAuth(token())).contentType(MediaType.APPLICATION_JSON)
                .body(List.of(representation)).retrieve().toBodilessEntity());
    }

    /** Ids of the users holding a realm role directly. */
    public Set<UUID> usersWithRealmRole(String role) {
        return call(() -> rest.get().uri("/roles/{role}/users?first=0&max={max}", role, ALL)
                .headers(h -> h.setBearerAuth(token())).retrieve().body(USERS))
                .stream().map(UserAccount::id).collect(Collectors.toSet());
    }

    private Role realmRole(String role) {
        return call(() -> rest.get().uri("/roles/{role}", role).headers(h -> h.setBearerAuth(token()))
                .retrieve().body(Role.class));
    }

    // ---------------------------------------------------------------------------------- identity providers

    /**
     * Imports an OpenID Connect discovery document ({@code .well-known/openid-configuration}) the way the admin console
     * does: Keycloak fetches it and answers with the provider settings (authorizationUrl, tokenUrl, jwksUrl, issuer…).
     */
    public Map<String, String> importOpenIdConfiguration(String discoveryUrl) {
        return importConfiguration("oidc", discoveryUrl);
    }

    /**
     * Imports a SAML 2.0 entity descriptor (IdP metadata) the way the admin console does: Keycloak fetches it and
     * answers with the provider settings (singleSignOnServiceUrl, signingCertificate, nameIDPolicyFormat…).
     */
    public Map<String, String> importSamlMetadata(String metadataUrl) {
        return importConfiguration("saml", metadataUrl);
    }

    private Map<String, String> importConfiguration(String providerId, String url) {
        Map<String, Object> body = Map.of("providerId", providerId, "fromUrl", url);
        Map<String, Object> answer = call(() -> rest.post().uri("/identity-provider/import-config")
                .headers(h -> h.setBearerAuth(token())).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().body(OBJECT));
        Map<String, String> config = new LinkedHashMap<>();
        if (answer != null) {
            answer.forEach((key, value) -> {
                if (value != null) {
                    config.put(key, String.valueOf(value));
                }
            });
        }
        return config;
    }

    /** Creates an identity provider from its representation (alias, providerId, config, …). */
    public void createIdentityProvider(Map<String, Object> representation) {
        call(() -> rest.post().uri("/identity-provider/instances").headers(h -> h.setBearerAuth(token()))
                .contentType(MediaType.APPLICATION_JSON).body(representation).retrieve().toBodilessEntity());
    }

    public Optional<IdentityProvider> identityProvider(String alias) {
        try {
            return Optional.ofNullable(call(() -> rest.get().uri("/identity-provider/instances/{alias}", alias)
                    .headers(h -> h.setBearerAuth(token())).retrieve().body(IdentityProvider.class)));
        } catch (KeycloakRequestException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public void deleteIdentityProvider(String alias) {
        call(() -> rest.delete().uri("/identity-provider/instances/{alias}", alias)
                .headers(h -> h.setBearerAuth(token())).retrieve().toBodilessEntity());
    }

    /** Adds a mapper to an identity provider (e.g. a hardcoded realm role for everyone signing in through it). */
    public void addIdentityProviderMapper(String alias, Map<String, Object> mapper) {
        call(() -> rest.post().uri("/identity-provider/instances/{alias}/mappers", alias)
                .headers(h -> h.setBearerAuth(token())).contentType(MediaType.APPLICATION_JSON).body(mapper)
                .retrieve().toBodilessEntity());
    }

    /** The identity providers linked to an organization. */
    public List<IdentityProvider> organizationIdentityProviders(UUID organizationId) {
        return call(() -> rest.get().uri("/organizations/{id}/identity-providers", organizationId)
                .headers(h -> h.setBearerAuth(token())).retrieve().body(IDENTITY_PROVIDERS));
    }

    /** Links an existing identity provider to an organization (the body is the alias as a JSON string). */
    public void linkOrganizationIdentityProvider(UUID organizationId, String alias) {
        call(() -> rest.post().uri("/organizations/{id}/identity-providers", organizationId)
                .headers(h -> h.setBearerAuth(token())).contentType(MediaType.APPLICATION_JSON)
                .body(JSON_STRING.apply(alias)).retrieve().toBodilessEntity());
    }

    public void unlinkOrganizationIdentityProvider(UUID organizationId, String alias) {
        call(() -> rest.delete().uri("/organizations/{id}/identity-providers/{alias}", organizationId, alias)
                .headers(h -> h.setBearerAuth(token())).retrieve().toBodilessEntity());
    }

    // ---------------------------------------------------------------------------------- organization invitations

    /**
     * Keycloak e-mails {@code email} an invitation to the organization (through the realm's {@code smtpServer}): a
     * registration link for someone without an account, a link to join for an existing one. 409 when that address
     * already has a pending invitation or is a member; 500 when Keycloak could not send the mail.
     */
    public void inviteToOrganization(UUID organizationId, String email, String firstName, String lastName) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("email", email);
        if (firstName != null) {
            form.add("firstName", firstName);
        }
        if (lastName != null) {
            form.add("lastName", lastName);
        }
        call(() -> rest.post().uri("/organizations/{id}/members/invite-user", organizationId)
                .headers(h -> h.setBearerAuth(token())).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                .retrieve().toBodilessEntity());
    }

    /** The organization's invitations not yet accepted (pending and expired). */
    public List<OrganizationInvitation> organizationInvitations(UUID organizationId) {
        return call(() -> rest.get().uri("/organizations/{id}/invitations?first=0&max={max}", organizationId, ALL)
                .headers(h -> h.setBearerAuth(token())).retrieve().body(INVITATIONS));
    }

    /** Sends the invitation's mail again, with a new link and expiry. 404 when it is not this organization's. */
    public void resendOrganizationInvitation(UUID organizationId, String invitationId) {
        call(() -> rest.post().uri("/organizations/{id}/invitations/{invitation}/resend", organizationId, invitationId)
                .headers(h -> h.setBearerAuth(token())).retrieve().toBodilessEntity());
    }

    /** Withdraws the invitation: its link no longer works. 404 when it is not this organization's. */
    public void deleteOrganizationInvitation(UUID organizationId, String invitationId) {
        call(() -> rest.delete().uri("/organizations/{id}/invitations/{invitation}", organizationId, invitationId)
                .headers(h -> h.setBearerAuth(token())).retrieve().toBodilessEntity());
    }

    // ---------------------------------------------------------------------------------- realm e-mail

    /** The realm's {@code smtpServer} setting (string values; the password comes back masked), empty when unset. */
    public Map<String, String> realmSmtpServer() {
        Map<String, Object> realm = call(() -> rest.get().uri("").headers(h -> h.setBearerAuth(token()))
                .retrieve().body(OBJECT));
        Object smtp = realm == null ? null : realm.get("smtpServer");
        Map<String, String> settings = new LinkedHashMap<>();
        if (smtp instanceof Map<?, ?> values) {
            values.forEach((key, value) -> settings.put(String.valueOf(key), value == null ? null : String.valueOf(value)));
        }
        return settings;
    }

    /** Sets the realm's {@code smtpServer} (a partial update: the rest of the realm stays as it is). */
    public void updateRealmSmtpServer(Map<String, String> smtpServer) {
        call(() -> rest.put().uri("").headers(h -> h.setBearerAuth(token())).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("smtpServer", smtpServer)).retrieve().toBodilessEntity());
    }

    // ---------------------------------------------------------------------------------- plumbing

    /** The service account's access token, renewed shortly before it expires. */
    private synchronized String token() {
        if (accessToken != null && Instant.now().isBefore(accessTokenExpires)) {
            return accessToken;
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        Token token = call(() -> rest.post().uri(tokenUri).header("Authorization", "Basic " + basic)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).retrieve().body(Token.class));
        accessToken = token.access_token();
        accessTokenExpires = Instant.now().plusSeconds(Math.max(5, token.expires_in() - 30));
        return accessToken;
    }

    private <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (ResourceAccessException e) {
            throw new KeycloakUnavailableException(serverUri, e);
        } catch (RestClientResponseException e) {
            if (e instanceof HttpClientErrorException.Unauthorized) {
                accessToken = null;
            }
            throw new KeycloakRequestException(HttpStatus.resolve(e.getStatusCode().value()),
                    e.getResponseBodyAsString(), e);
        }
    }

    private static UUID idFrom(URI location) {
        if (location == null) {
            throw new IllegalStateException("Keycloak created a resource but returned no Location");
        }
        String path = location.getPath();
        return UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
    }
}
