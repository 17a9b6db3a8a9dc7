package org.entente.workstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.entente.keycloak.EntenteRealm;
import org.entente.platform.security.SignedInAs;
import org.entente.platform.security.SignedInUser;
import org.entente.tenant.TenantService;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A record released to named partners is marked with their aliases wherever it is drawn — also by a grid rendering
 * outside any transaction, which is how the Contributions tab once showed "REL TO ?, ?" — and the Contributions grid
 * keeps whose contribution it is readable at a laptop's width.
 */
class PartnerMarkingIT extends AppIntegrationTest {

    private static final UUID NATO_ACT = UUID.fromString("0a000000-0000-4000-8000-000000000003");
    private static final UUID NORWAY = UUID.fromString("0a000000-0000-4000-8000-000000000001");
    private static final UUID KENYA = UUID.fromString("0a000000-0000-4000-8000-000000000002");
    private static final String CT_FRAMEWORK = "0c000000-0000-4000-8000-000000000003";

    @Autowired
    PartnerDirectory partners;

    @Autowired
    TenantService tenants;

    @Test
    void aMarkingDrawnOutsideATransactionNamesThePartners() {
        SignedInUser olivia = SignedInAs.user(tenants, UUID.fromString("0b000000-0000-4000-8000-000000000005"),
                "olivia.grant", "Olivia Grant", "olivia.grant@nato-act.demo.entente.org", Set.of("member", "coordinator"),
                "nato-act");
        // A fresh directory, loaded by this very call: no transaction is open here, as in a grid's renderer.
        partners.forget();
        String marking = SignedInAs.call(olivia, () -> partners.marking(Releasability.REL_TO, List.of(NORWAY, KENYA),
                NATO_ACT));
        assertThat(marking).isEqualTo("REL TO NATO-ACT, NORWAY, KENYA");
    }

    @Test
    void theContributionsTabShowsAliasesAndReadableContributorsAt1440Pixels() {
        try (Browser browser = new Browser()) {
            browser.driver().manage().window().setSize(new Dimension(1440, 900));
            browser.open(appUrl("/workstream/" + CT_FRAMEWORK));
            browser.signInAtKeycloak("olivia.grant", EntenteRealm.DEMO_PASSWORD);
            browser.waitForText(By.id("workstream-heading"), "Counter-Terrorism Intelligence-Sharing Framework");
            browser.openTab("Contributions");
            browser.waitForText(By.id("contributions"), "REL TO");
            List<String> cells = browser.gridCells();
            assertThat(cells).filteredOn(text -> text.startsWith("REL TO")).isNotEmpty()
                    .allSatisfy(text -> assertThat(text).doesNotContain("?"));
            assertThat(cells).contains("Kingdom of Norway");
            // No cell's text is cut off: each fits its cell (wrapping where it must).
            Object cut = ((JavascriptExecutor) browser.driver()).executeScript("""
                    return [...document.querySelectorAll('#contributions vaadin-grid-cell-content')]
                        .filter(c => c.textContent.trim().length > 0 && c.scrollWidth > c.clientWidth + 1)
                        .map(c => c.textContent.trim());""");
            assertThat((List<?>) cut).as("cells whose text does not fit").isEmpty();
            browser.screenshot("70-contributions-at-1440");
        }
    }
}
