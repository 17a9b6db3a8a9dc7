package org.entente.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.entente.keycloak.EntenteRealm;
import org.entente.platform.i18n.Translations;
import org.junit.jupiter.api.Test;

/** Roles and regions read in the page's language; what Entente does not know reads as written. */
class RoleAndRegionLabelsTest {

    @Test
    void rolesReadInTheReadersLanguageAndEnglishKeepsTheirNames() {
        assertThat(RoleLabels.label(Locale.UK, "tenant-admin")).isEqualTo("tenant-admin");
        assertThat(RoleLabels.label(Locale.FRANCE, "tenant-admin")).isEqualTo("administrateur de l’organisation");
        assertThat(RoleLabels.label(Locale.FRANCE, EntenteRealm.ROLE_COORDINATOR)).isEqualTo("coordinateur");
        assertThat(RoleLabels.label(Locale.FRANCE, "offline_access")).as("Keycloak's own role").isEqualTo("offline_access");
        assertThat(RoleLabels.text("member").in(Locale.FRANCE)).isEqualTo("membre");
    }

    @Test
    void usualRegionsReadInTheReadersLanguageAndOthersAsTyped() {
        assertThat(RegionLabels.label(Locale.FRANCE, "West Africa")).isEqualTo("Afrique de l’Ouest");
        assertThat(RegionLabels.label(Locale.FRANCE, "Euro-Atlantic")).isEqualTo("Zone euro-atlantique");
        assertThat(RegionLabels.label(Locale.UK, "West Africa")).isEqualTo("West Africa");
        assertThat(RegionLabels.label(Locale.FRANCE, "North Sea")).as("typed, unknown").isEqualTo("North Sea");
        assertThat(RegionLabels.label(Locale.FRANCE, "Afrique de l’Ouest")).as("typed in French").isEqualTo("Afrique de l’Ouest");
        assertThat(RegionLabels.label(Locale.FRANCE, null)).isNull();
    }

    @Test
    void everyRegionOfTheDemoRealmHasItsFrenchName() throws IOException {
        String realm;
        try (InputStream json = EntenteRealm.class.getResourceAsStream(EntenteRealm.REALM_RESOURCE)) {
            realm = new String(json.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<String> regions = new TreeSet<>();
        Matcher matcher = Pattern.compile("\"region\"\\s*:\\s*\\[\\s*\"([^\"]+)\"").matcher(realm);
        while (matcher.find()) {
            regions.add(matcher.group(1));
        }
        assertThat(regions).hasSizeGreaterThan(10).allSatisfy(region ->
                assertThat(Translations.has(RegionLabels.key(region))).as(region).isTrue());
    }
}
