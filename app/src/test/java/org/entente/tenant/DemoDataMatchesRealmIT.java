package org.entente.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.entente.db.embedded.LocalPostgres;
import org.entente.keycloak.EntenteRealm;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.SuperuserDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The demo tenants and members in PostgreSQL are exactly the demo realm's organizations and members. */
class DemoDataMatchesRealmIT extends AppIntegrationTest {

    @Autowired
    LocalPostgres postgres;

    @Test
    void everyDemoOrganizationIsATenantAndEveryOrganizationMemberIsAMember() throws Exception {
        JsonNode realm;
        try (InputStream json = EntenteRealm.openRealmJson()) {
            realm = JsonMapper.builder().build().readTree(json);
        }
        SuperuserDatabase database = new SuperuserDatabase(postgres);

        List<List<Object>> expectedTenants = new ArrayList<>();
        List<List<Object>> expectedMembers = new ArrayList<>();
        for (JsonNode organization : realm.get("organizations")) {
            String alias = organization.get("alias").asString();
            String kind = organization.path("attributes").path("kind").path(0).asString(null);
            expectedTenants.add(List.of(alias, organization.get("name").asString(), kind));
            for (JsonNode member : organization.path("members")) {
                String username = member.get("username").asString();
                JsonNode user = userNamed(realm, username);
                expectedMembers.add(List.of(alias, UUID.fromString(user.get("id").asString()), username));
            }
        }

        assertThat(database.query("select alias, name, kind from tenant where id::text like '0a000000-%'"))
                .containsExactlyInAnyOrderElementsOf(expectedTenants);
        assertThat(database.query("""
                select t.alias, m.id, m.username from member m join tenant t on t.id = m.tenant_id
                where m.id::text like '0b000000-%'"""))
                .containsExactlyInAnyOrderElementsOf(expectedMembers);
        assertThat(expectedTenants).hasSizeGreaterThanOrEqualTo(7);
    }

    private static JsonNode userNamed(JsonNode realm, String username) {
        for (JsonNode user : realm.get("users")) {
            if (username.equals(user.get("username").asString())) {
                return user;
            }
        }
        throw new AssertionError("organization member " + username + " is not a user of the realm");
    }
}
