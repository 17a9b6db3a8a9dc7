package org.entente.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The realm JSON against the demo world the database's demo data also follows. No server: the real login
 * flow is exercised by the app's integration tests through {@code KeycloakTestServer}.
 */
class EntenteRealmDefinitionTest {

    record DemoOrganization(String alias, String name, String kind, String region, String tenantId) {
    }

    record DemoUser(String id, String username, String firstName, String lastName, String organization,
            Set<String> roles) {

        String email() {
            return username + "@" + (organization == null ? "" : organization + ".") + "demo.entente.org";
        }
    }

    static final List<DemoOrganization> ORGANIZATIONS = List.of(
            new DemoOrganization("norway", "Kingdom of Norway", "STATE", "Northern Europe", "0a000000-0000-4000-8000-000000000001"),
            new DemoOrganization("kenya", "Republic of Kenya", "STATE", "East Africa", "0a000000-0000-4000-8000-000000000002"),
            new DemoOrganization("nato-act", "NATO Allied Command Transformation", "ALLIANCE", "Euro-Atlantic", "0a000000-0000-4000-8000-000000000003"),
            new DemoOrganization("un-dpo", "UN Department of Peace Operations", "IGO", "Global", "0a000000-0000-4000-8000-000000000004"),
            new DemoOrganization("au-psd", "African Union Peace and Security Department", "IGO", "Africa", "0a000000-0000-4000-8000-000000000005"),
            new DemoOrganization("relief-coalition", "Global Relief Coalition", "NGO", "Global", "0a000000-0000-4000-8000-000000000006"),
            new DemoOrganization("aegis-maritime", "Aegis Maritime Security Ltd", "PRIVATE_SECURITY", "Indian Ocean", "0a000000-0000-4000-8000-000000000007"),
            new DemoOrganization("northwind", "Northwind Systems plc", "CORPORATION", "Europe", "0a000000-0000-4000-8000-000000000008"),
            new DemoOrganization("delft-defence-lab", "Delft Defence Research Lab", "ACADEMIA", "Europe", "0a000000-0000-4000-8000-000000000009"));

    static final List<DemoUser> USERS = List.of(
            new DemoUser("0b000000-0000-4000-8000-000000000001", "ingrid.solberg", "Ingrid", "Solberg", "norway", Set.of("member")),
            new DemoUser("0b000000-0000-4000-8000-000000000002", "lars.haugen", "Lars", "Haugen", "norway", Set.of("member", "tenant-admin")),
            new DemoUser("0b000000-0000-4000-8000-000000000003", "amina.odhiambo", "Amina", "Odhiambo", "kenya", Set.of("member")),
            new DemoUser("0b000000-0000-4000-8000-000000000004", "claire.dubois", "Claire", "Dubois", "nato-act", Set.of("member")),
            new DemoUser("0b000000-0000-4000-8000-000000000005", "olivia.grant", "Olivia", "Grant", "nato-act", Set.of("member", "coordinator")),
            new DemoUser("0b000000-0000-4000-8000-000000000006", "david.mensah", "David", "Mensah", "un-dpo", Set.of("member")),
            new DemoUser("0b000000-0000-4000-8000-000000000007", "fatou.diallo", "Fatou", "Diallo", "au-psd", Set.of("member")),
            new DemoUser("0b000000-0000-4000-8000-000000000008", "sara.lindqvist", "Sara", "Lindqvist", "relief-coalition", Set.of("member")),
            new DemoUser("0b000000-0000-4000-8000-000000000009", "tom.baker", "Tom", "Baker", "aegis-maritime", Set.of("member")),
            new DemoUser("0b000000-0000-4000-8000-000000000010", "mei.chen", "Mei", "Chen", "northwind", Set.of("member")),
            new DemoUser("0b000000-0000-4000-8000-000000000011", "pieter.devries", "Pieter", "de Vries", "delft-defence-lab", Set.of("member")),
            new DemoUser("0b000000-0000-4000-8000-000000000012", "pat.ops", "Pat", "Ops", null, Set.of("platform-admin")),
            new DemoUser("0b000000-0000-4000-8000-000000000013", "guest.unaffiliated", "Guest", "Unaffiliated", null, Set.of("member")),
            // Issue #16: coordinators of UN DPO and AU PSD, so that organizations can publish to them (Kenya does).
            new DemoUser("0b000000-0000-4000-8000-000000000014", "amadou.ba", "Amadou", "Ba", "un-dpo", Set.of("member", "coordinator")),
            new DemoUser("0b000000-0000-4000-8000-000000000015", "nomvula.dlamini", "Nomvula", "Dlamini", "au-psd", Set.of("member", "coordinator")));

    static Map<String, Object> realm;

    @BeforeAll
    static void readRealm() throws IOException {
        try (InputStream json = EntenteRealm.openRealmJson()) {
            realm = JsonMapper.builder().build().readValue(json, new TypeReference<Map<String, Object>>() {
            });
        }
    }

    @Test
    void realmIsEntenteWithOrganizationsEnabled() {
        assertThat(realm).containsEntry("realm", EntenteRealm.REALM).containsEntry("displayName", "Entente")
                .containsEntry("enabled", true).containsEntry("organizationsEnabled", true)
                .containsEntry("registrationAllowed", false);
    }

    @Test
    void realmRolesAreExactlyTheFiveEntenteRoles() {
        List<Map<String, Object>> roles = list(map(realm.get("roles")).get("realm"));
        assertThat(roles).extracting(r -> r.get("name")).containsExactlyInAnyOrder(EntenteRealm.ROLE_PLATFORM_ADMIN,
                EntenteRealm.ROLE_COORDINATOR, EntenteRealm.ROLE_MEMBER, EntenteRealm.ROLE_TENANT_ADMIN,
                EntenteRealm.ROLE_OBSERVER);
        assertThat(roles).allSatisfy(r -> assertThat((String) r.get("description")).isNotBlank());
        Map<String, Object> tenantAdmin = roles.stream().filter(r -> r.get("name").equals("tenant-admin")).findFirst().orElseThrow();
        assertThat((String) tenantAdmin.get("description")).contains("OWN organization").contains("app enforces");
    }

    @Test
    void everyDemoOrganizationHasItsTenantIdNameDomainAndAttributes() {
        Map<String, Map<String, Object>> byAlias = byKey(list(realm.get("organizations")), "alias");
        assertThat(byAlias.keySet()).containsAll(ORGANIZATIONS.stream().map(DemoOrganization::alias).toList());
        for (DemoOrganization expected : ORGANIZATIONS) {
            Map<String, Object> organization = byAlias.get(expected.alias());
            assertThat(organization).as(expected.alias())
                    // Keycloak keeps an imported organization's id: the organization id IS the tenant id.
                    .containsEntry("id", expected.tenantId())
                    .containsEntry("name", expected.name())
                    .containsEntry("enabled", true);
            assertThat(list(organization.get("domains"))).extracting(d -> d.get("name"))
                    .containsExactly(expected.alias() + ".demo.entente.org");
            assertThat(map(organization.get("attributes")))
                    .containsOnly(Map.entry("kind", List.of(expected.kind())), Map.entry("region", List.of(expected.region())));
        }
    }

    /**
     * Besides the nine organizations people sign in for, the demo history's partners (db/demo's tenants 10 and
     * up): same shape, so that reconciliation finds every tenant's organization, and no members.
     */
    @Test
    void partnerOrganizationsOfTheDemoHistoryHaveTenantIdsDomainsKindAndRegionButNoMembers() {
        List<Map<String, Object>> organizations = list(realm.get("organizations"));
        Set<String> people = ORGANIZATIONS.stream().map(DemoOrganization::alias).collect(Collectors.toSet());
        List<Map<String, Object>> partners = organizations.stream().filter(o -> !people.contains((String) o.get("alias")))
                .toList();
        assertThat(organizations).hasSizeGreaterThanOrEqualTo(40);
        assertThat(organizations).extracting(o -> o.get("id")).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat((String) id).matches("0a000000-0000-4000-8000-0000000000\\d\\d"));
        assertThat(organizations).extracting(o -> o.get("name")).doesNotHaveDuplicates();
        assertThat(partners).extracting(o -> strings(map(o.get("attributes")).get("kind")).getFirst())
                .contains("STATE", "ALLIANCE", "IGO", "NGO", "PRIVATE_SECURITY", "CORPORATION", "ACADEMIA");
        for (Map<String, Object> partner : partners) {
            String alias = (String) partner.get("alias");
            assertThat(partner).as(alias).containsEntry("enabled", true);
            assertThat(alias).matches("[a-z0-9][a-z0-9-]{1,62}");
            assertThat(list(partner.get("domains"))).extracting(d -> d.get("name")).containsExactly(alias + ".demo.entente.org");
            assertThat(map(partner.get("attributes"))).as(alias).containsOnlyKeys("kind", "region");
            assertThat(strings(map(partner.get("attributes")).get("region"))).as(alias).singleElement()
                    .satisfies(region -> assertThat(region).isNotBlank());
            assertThat(list(partner.getOrDefault("members", List.of()))).as(alias).isEmpty();
        }
    }

    @Test
    void everyDemoUserHasFixedIdNameVerifiedEmailAndPermanentDemoPassword() {
        Map<String, Map<String, Object>> byUsername = byKey(people(), "username");
        assertThat(byUsername.keySet()).containsExactlyInAnyOrderElementsOf(USERS.stream().map(DemoUser::username).toList());
        for (DemoUser expected : USERS) {
            Map<String, Object> user = byUsername.get(expected.username());
            assertThat(user).as(expected.username())
                    .containsEntry("id", expected.id())
                    .containsEntry("firstName", expected.firstName())
                    .containsEntry("lastName", expected.lastName())
                    .containsEntry("email", expected.email())
                    .containsEntry("emailVerified", true)
                    .containsEntry("enabled", true);
            assertThat(list(user.get("credentials"))).singleElement().satisfies(credential -> assertThat(credential)
                    .containsEntry("type", "password")
                    .containsEntry("value", EntenteRealm.DEMO_PASSWORD)
                    .containsEntry("temporary", false));
            assertThat(user.getOrDefault("requiredActions", List.of())).as(expected.username()).isEqualTo(List.of());
        }
    }

    @Test
    void everyDemoUserHasExactlyTheRealmRolesOfTheDemoWorld() {
        Map<String, Map<String, Object>> byUsername = byKey(list(realm.get("users")), "username");
        for (DemoUser expected : USERS) {
            assertThat(strings(byUsername.get(expected.username()).get("realmRoles"))).as(expected.username())
                    .containsExactlyInAnyOrderElementsOf(expected.roles());
        }
    }

    @Test
    void eachUserIsMemberOfExactlyTheirOwnOrganizationAndUnaffiliatedUsersOfNone() {
        Map<String, Set<String>> membersByOrganization = list(realm.get("organizations")).stream().collect(
                Collectors.toMap(o -> (String) o.get("alias"), o -> list(o.get("members")).stream()
                        .peek(m -> assertThat(m).containsEntry("membershipType", "UNMANAGED"))
                        .map(m -> (String) m.get("username")).collect(Collectors.toSet())));
        for (DemoOrganization organization : ORGANIZATIONS) {
            assertThat(membersByOrganization.get(organization.alias())).as(organization.alias())
                    .containsExactlyInAnyOrderElementsOf(USERS.stream()
                            .filter(u -> organization.alias().equals(u.organization())).map(DemoUser::username).toList());
        }
        assertThat(membersByOrganization.values().stream().flatMap(Set::stream))
                .doesNotContain("pat.ops", "guest.unaffiliated");
    }

    @Test
    void appClientIsConfidentialAuthorizationCodeOnlyWithPkceS256() {
        Map<String, Object> client = appClient();
        assertThat(client)
                .containsEntry("enabled", true)
                .containsEntry("publicClient", false)
                .containsEntry("clientAuthenticatorType", "client-secret")
                .containsEntry("secret", EntenteRealm.APP_CLIENT_SECRET)
                .containsEntry("standardFlowEnabled", true)
                .containsEntry("implicitFlowEnabled", false)
                .containsEntry("directAccessGrantsEnabled", false)
                .containsEntry("serviceAccountsEnabled", false);
        Map<String, Object> attributes = map(client.get("attributes"));
        assertThat(attributes).containsEntry("pkce.code.challenge.method", "S256")
                .containsEntry("oauth2.device.authorization.grant.enabled", "false")
                .containsEntry("oidc.ciba.grant.enabled", "false");
        assertThat((String) client.get("description")).containsIgnoringCase("demo-only");
    }

    @Test
    void appClientRedirectsOnlyToTheLoginCallbackOnLoopbackHostsOfAnyPort() {
        Map<String, Object> client = appClient();
        // Registered without a port: Keycloak then accepts any port on localhost/127.0.0.1 (RFC 8252 7.3).
        assertThat(strings(client.get("redirectUris"))).containsExactlyInAnyOrder(
                "http://localhost" + EntenteRealm.REDIRECT_PATH, "http://127.0.0.1" + EntenteRealm.REDIRECT_PATH);
        assertThat(((String) map(client.get("attributes")).get("post.logout.redirect.uris")).split("##"))
                .containsExactlyInAnyOrder("http://localhost/*", "http://127.0.0.1/*");
    }

    @Test
    void appClientGetsProfileEmailAndRolesAlwaysAndOrganizationOnRequest() {
        Map<String, Object> client = appClient();
        assertThat(strings(client.get("defaultClientScopes"))).contains("basic", "profile", "email");
        assertThat(strings(client.get("optionalClientScopes"))).contains("organization");
        Map<String, Object> roles = byKey(list(client.get("protocolMappers")), "protocolMapper")
                .get("oidc-usermodel-realm-role-mapper");
        assertThat(map(roles.get("config")))
                .containsEntry("claim.name", EntenteRealm.CLAIM_ROLES)
                .containsEntry("multivalued", "true")
                .containsEntry("id.token.claim", "true")
                .containsEntry("access.token.claim", "true")
                .containsEntry("userinfo.token.claim", "true");
    }

    @Test
    void organizationClaimCarriesTheOrganizationIdAndAttributes() {
        Map<String, Map<String, Object>> scopes = byKey(list(realm.get("clientScopes")), "name");
        // Declaring clientScopes replaces Keycloak's defaults, so the defaults must all be here.
        assertThat(scopes.keySet()).contains("basic", "profile", "email", "roles", "web-origins", "acr", "organization",
                "offline_access");
        assertThat(strings(realm.get("defaultOptionalClientScopes"))).contains("organization");
        Map<String, Object> membership = byKey(list(scopes.get("organization").get("protocolMappers")), "protocolMapper")
                .get("oidc-organization-membership-mapper");
        assertThat(map(membership.get("config")))
                .containsEntry("claim.name", EntenteRealm.CLAIM_ORGANIZATION)
                .containsEntry("jsonType.label", "JSON")
                .containsEntry("multivalued", "true")
                .containsEntry("addOrganizationId", "true")
                .containsEntry("addOrganizationAttributes", "true")
                .containsEntry("id.token.claim", "true")
                .containsEntry("access.token.claim", "true")
                .containsEntry("userinfo.token.claim", "true");
    }

    @Test
    void adminApiClientIsAServiceAccountWithOnlyTheRealmManagementRolesItNeeds() {
        Map<String, Object> client = byKey(list(realm.get("clients")), "clientId").get(EntenteRealm.ADMIN_API_CLIENT_ID);
        assertThat(client)
                .containsEntry("enabled", true)
                .containsEntry("publicClient", false)
                .containsEntry("secret", EntenteRealm.ADMIN_API_CLIENT_SECRET)
                .containsEntry("serviceAccountsEnabled", true)
                .containsEntry("standardFlowEnabled", false)
                .containsEntry("implicitFlowEnabled", false)
                .containsEntry("directAccessGrantsEnabled", false);
        assertThat((String) client.get("description")).containsIgnoringCase("demo-only");
        Map<String, Object> serviceAccount = list(realm.get("users")).stream()
                .filter(u -> EntenteRealm.ADMIN_API_CLIENT_ID.equals(u.get("serviceAccountClientId")))
                .findFirst().orElseThrow();
        assertThat(strings(serviceAccount.get("realmRoles"))).isEmpty();
        assertThat(map(serviceAccount.get("clientRoles"))).containsOnlyKeys("realm-management");
        // No realm-admin, no impersonation, no client or event management. Identity providers: a partner's own
        // sign-in is linked to its organization through this account.
        assertThat(strings(map(serviceAccount.get("clientRoles")).get("realm-management")))
                .containsExactlyInAnyOrder("view-realm", "manage-realm", "view-users", "query-users", "manage-users",
                        "view-identity-providers", "manage-identity-providers");
    }

    /** Users that are people (not a client's service account). */
    private static List<Map<String, Object>> people() {
        return list(realm.get("users")).stream().filter(u -> !u.containsKey("serviceAccountClientId")).toList();
    }

    private static Map<String, Object> appClient() {
        return byKey(list(realm.get("clients")), "clientId").get(EntenteRealm.APP_CLIENT_ID);
    }

    private static Map<String, Map<String, Object>> byKey(List<Map<String, Object>> items, String key) {
        return items.stream().collect(Collectors.toMap(i -> (String) i.get(key), i -> i));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return (List<String>) value;
    }
}
