package org.entente.tenant.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.tenant.admin.AdministrationTestSupport.KENYA;
import static org.entente.tenant.admin.AdministrationTestSupport.NORWAY;
import static org.entente.tenant.admin.AdministrationTestSupport.PAT_OPS;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.entente.db.embedded.LocalPostgres;
import org.entente.platform.security.SignedInAs;
import org.entente.platform.security.SignedInUser;
import org.entente.platform.validation.InvalidInput;
import org.entente.tenant.TenantService;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.SuperuserDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Capacity by year, kept by the platform administrator, against the real PostgreSQL: one year at a time with its audit
 * event, and CSV files checked, converted to EUR and stored whole or not at all. The tests use years from 2090 on,
 * which no demo figure has.
 */
class TenantCapacitiesIT extends AppIntegrationTest {

    private static final String HEADER = "alias,year,amount,currency,source\n";

    @Autowired
    TenantCapacities capacities;
    @Autowired
    TenantService tenants;
    @Autowired
    LocalPostgres postgres;

    SuperuserDatabase database;
    SignedInUser pat;
    SignedInUser lars;
    /** Audit events are append-only and outlive a run: the tests look at those written after this id. */
    long auditMark;

    @BeforeEach
    void signIn() {
        database = new SuperuserDatabase(postgres);
        database.update("delete from tenant_capacity where year >= 2090");
        auditMark = ((Number) database.query("select coalesce(max(id), 0) from audit_event").getFirst().getFirst())
                .longValue();
        pat = AdministrationTestSupport.patOps(tenants);
        lars = AdministrationTestSupport.larsHaugen(tenants);
    }

    @Test
    void aPlatformAdministratorSetsChangesAndDeletesAYearEachWithAnAuditEvent() {
        SignedInAs.run(pat, () -> capacities.set(NORWAY, 2091, new BigDecimal("482500000000.50"),
                "  IMF WEO, October 2025 (approximate)  "));

        assertThat(SignedInAs.call(pat, () -> capacities.of(NORWAY))).filteredOn(c -> c.year() == 2091)
                .singleElement().satisfies(c -> {
                    assertThat(c.capacityEur()).isEqualByComparingTo("482500000000.50");
                    assertThat(c.source()).isEqualTo("IMF WEO, October 2025 (approximate)");
                    assertThat(c.updatedBy()).isEqualTo("Pat Ops");
                    assertThat(c.updatedAt()).isNotNull();
                });
        assertThat(auditActions("norway/2091")).containsExactly(List.of("CAPACITY_SET", PAT_OPS));

        SignedInAs.run(pat, () -> capacities.set(NORWAY, 2091, new BigDecimal("500000000000"), "Statistics Norway"));
        assertThat(stored(NORWAY, 2091)).containsExactly(List.of(new BigDecimal("500000000000.00"), "Statistics Norway"));

        assertThat(SignedInAs.call(pat, () -> capacities.delete(NORWAY, 2091))).isTrue();
        assertThat(stored(NORWAY, 2091)).isEmpty();
        assertThat(SignedInAs.call(pat, () -> capacities.delete(NORWAY, 2091))).isFalse();
        assertThat(auditActions("norway/2091")).extracting(row -> row.getFirst())
                .containsExactly("CAPACITY_SET", "CAPACITY_SET", "CAPACITY_DELETED");
    }

    @Test
    void aYearAmountAndSourceAreCheckedBeforeAnythingIsStored() {
        assertThatThrownBy(() -> SignedInAs.run(pat, () -> capacities.set(NORWAY, 1999, new BigDecimal("-1"), " ")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("year", "capacityEur", "source"));
        assertThatThrownBy(() -> SignedInAs.run(pat, () -> capacities.set(NORWAY, 2092, new BigDecimal("1.005"),
                "x".repeat(501))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("capacityEur", "Enter EUR to the cent at most (two decimals).")
                        .containsEntry("source", "At most 500 characters."));
        assertThatThrownBy(() -> SignedInAs.run(pat, () -> capacities.set(UUID.randomUUID(), 2092, BigDecimal.TEN, "x")))
                .isInstanceOf(AdministrationException.class).hasMessage("There is no such tenant.");
        assertThat(database.query("select count(*) from tenant_capacity where year >= 2090"))
                .containsExactly(List.of(0L));
    }

    @Test
    void nobodyButAPlatformAdministratorReadsOrChangesCapacity() {
        byte[] file = (HEADER + "norway,2093,1000,EUR,test\n").getBytes(StandardCharsets.UTF_8);
        CapacityImport read = SignedInAs.call(pat, () -> capacities.read("ok.csv", file));
        for (Runnable attempt : List.<Runnable>of(
                () -> capacities.of(NORWAY),
                () -> capacities.set(NORWAY, 2093, BigDecimal.TEN, "tenant admin"),
                () -> capacities.delete(NORWAY, 2093),
                capacities::currencies,
                () -> capacities.read("ok.csv", file),
                () -> capacities.apply(read))) {
            assertThatThrownBy(() -> SignedInAs.run(lars, attempt)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(attempt::run).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(stored(NORWAY, 2093)).isEmpty();
    }

    @Test
    void aFileIsConvertedToEurShownBeforeItIsStoredAndThenStoredWhole() {
        SignedInAs.run(pat, () -> capacities.set(KENYA, 2094, new BigDecimal("100"), "earlier figure"));
        byte[] file = (HEADER
                + "norway,2094,1000000,NOK,\"Statistics Norway, GDP (approximate)\"\n"
                + "norway,2095,10,usd,US figure\n"
                + "kenya,2094,500,EUR,KNBS\n").getBytes(StandardCharsets.UTF_8);

        CapacityImport read = SignedInAs.call(pat, () -> capacities.read("capacity.csv", file));

        // The valuation rates of migration V2, as contributions use them: 1 NOK = 0.086 EUR, 1 USD = 0.92 EUR.
        assertThat(read.changes()).extracting(c -> c.tenantName() + " " + c.year() + " " + c.capacityEur().toPlainString())
                .containsExactly("Kingdom of Norway 2094 86000.00", "Kingdom of Norway 2095 9.20", "Republic of Kenya 2094 500.00");
        assertThat(read.changes().get(2).before().capacityEur()).isEqualByComparingTo("100");
        assertThat(read.summary()).isEqualTo("2 new, 1 replaced, 0 unchanged, for 2 organizations");
        assertThat(stored(NORWAY, 2094)).as("reading stores nothing").isEmpty();

        assertThat(SignedInAs.call(pat, () -> capacities.apply(read))).isEqualTo(3);

        assertThat(stored(NORWAY, 2094)).containsExactly(List.of(new BigDecimal("86000.00"),
                "Statistics Norway, GDP (approximate)"));
        assertThat(stored(NORWAY, 2095)).containsExactly(List.of(new BigDecimal("9.20"), "US figure"));
        assertThat(stored(KENYA, 2094)).containsExactly(List.of(new BigDecimal("500.00"), "KNBS"));
        assertThat(auditActions("kenya/2094")).extracting(row -> row.get(1)).containsOnly(PAT_OPS);

        CapacityImport again = SignedInAs.call(pat, () -> capacities.read("capacity.csv", file));
        assertThat(again.summary()).isEqualTo("0 new, 0 replaced, 3 unchanged, for 2 organizations");
        assertThat(SignedInAs.call(pat, () -> capacities.apply(again))).isZero();
    }

    @Test
    void aFileWithOneBadLineStoresNothing() {
        byte[] file = (HEADER
                + "norway,2096,1000,EUR,good\n"
                + "kenya,2096,1000,EUR,good\n"
                + "kenya,2097,1000,XYZ,bad currency\n").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> SignedInAs.call(pat, () -> capacities.read("bad.csv", file)))
                .isInstanceOf(CapacityImportException.class)
                .hasMessageStartingWith("Nothing was loaded. Line 4, column currency: \"XYZ\" is not a currency");
        assertThat(database.query("select count(*) from tenant_capacity where year >= 2090"))
                .containsExactly(List.of(0L));
    }

    @Test
    void whenTheDatabaseRefusesOneLineOfAFileNoneIsStored() {
        byte[] file = (HEADER + "norway,2098,1000,EUR,good\n").getBytes(StandardCharsets.UTF_8);
        CapacityImport read = SignedInAs.call(pat, () -> capacities.read("good.csv", file));
        CapacityImport.Change good = read.changes().getFirst();
        // A second line for an organization that is gone by the time the file is applied: the database refuses it.
        CapacityImport broken = new CapacityImport("broken.csv", List.of(good,
                new CapacityImport.Change(3, UUID.randomUUID(), "Gone", 2098, BigDecimal.TEN, "EUR", BigDecimal.TEN,
                        "gone", null)));

        assertThatThrownBy(() -> SignedInAs.call(pat, () -> capacities.apply(broken)))
                .isInstanceOf(AdministrationException.class)
                .hasMessageStartingWith("Nothing was loaded: no tenant");
        assertThat(stored(NORWAY, 2098)).isEmpty();
        assertThat(auditActions("norway/2098")).isEmpty();
    }

    private List<List<Object>> stored(UUID tenant, int year) {
        return database.query("select capacity_eur, source from tenant_capacity where tenant_id = ? and year = ?",
                tenant, year);
    }

    /** The audit events of one capacity (entity id "alias/year"), oldest first: action and actor. */
    private List<List<Object>> auditActions(String aliasAndYear) {
        String[] parts = aliasAndYear.split("/");
        UUID tenant = parts[0].equals("norway") ? NORWAY : KENYA;
        return database.query("select action, actor_id from audit_event where tenant_id = ? and entity_type = "
                + "'tenant_capacity' and entity_id = ? and id > ? order by seq",
                tenant, tenant + "/" + parts[1], auditMark);
    }
}
