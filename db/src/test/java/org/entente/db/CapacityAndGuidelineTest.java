package org.entente.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.entente.db.Collaboration.as;
import static org.entente.db.Collaboration.assertRejected;
import static org.entente.db.Collaboration.assertRowLevelSecurityViolation;
import static org.entente.db.Collaboration.countAs;
import static org.entente.db.Collaboration.failureAs;
import static org.entente.db.Collaboration.run;
import static org.entente.db.Collaboration.tenant;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.entente.db.tenancy.ActorSource;
import org.entente.db.tenancy.TenantTransactionManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * V50's capacity by year (kept by platform administrators through the platform_* functions, each organization reads
 * its own) and burden guideline (a coordinator organization's own targets, nobody else's).
 */
class CapacityAndGuidelineTest {

    private final JdbcTemplate jdbc = new JdbcTemplate(TestDatabase.appPool());
    /** The platform administrator belongs to no organization: its transactions carry no tenant. */
    private final TransactionTemplate platform =
            new TransactionTemplate(new TenantTransactionManager(TestDatabase.appPool(), ActorSource.none()));

    private UUID organization;
    private UUID other;

    @BeforeEach
    void twoOrganizations() {
        organization = tenant("capacity-state", "STATE");
        other = tenant("capacity-other", "STATE");
    }

    @Test
    void aPlatformAdministratorSetsCapacityAndEachOrganizationReadsOnlyItsOwn() {
        setCapacity(organization, 2024, "2214800000000.00", "  IMF WEO, October 2024  ", "Pat Ops");
        setCapacity(organization, 2025, "2330300000000.00", "IMF WEO projection", "Pat Ops");
        setCapacity(other, 2024, "42800000000.00", "IMF WEO", "Pat Ops");

        assertThat(Collaboration.<List<String>>as(organization, sql -> sql.queryForList(
                "select year || ' ' || capacity_eur || ' ' || source || ' ' || updated_by from tenant_capacity order by year",
                String.class))).containsExactly("2024 2214800000000.00 IMF WEO, October 2024 Pat Ops",
                "2025 2330300000000.00 IMF WEO projection Pat Ops");
        assertThat(countAs(other, "select count(*) from tenant_capacity")).isOne();
        assertThat(countAs(other, "select count(*) from tenant_capacity where tenant_id = ?", organization)).isZero();
        assertThat(this.<Long>onPlatform(sql -> sql.queryForObject("select count(*) from tenant_capacity", Long.class)))
                .as("without a tenant").isZero();

        // The platform's own view of one tenant, newest year first.
        assertThat(this.<List<Integer>>onPlatform(sql -> sql.queryForList("select year from platform_tenant_capacities(?)", Integer.class,
                organization))).containsExactly(2025, 2024);
        // And the owner's switch is off again afterwards.
        assertThat(Collaboration.<String>as(other, sql -> {
            sql.queryForList("select * from platform_tenant_capacities(?)", organization);
            return sql.queryForObject("select coalesce(current_setting('app.definer_call', true), '')", String.class);
        })).isEmpty();
        assertThat(countAs(other, "select count(*) from tenant_capacity")).isOne();
    }

    @Test
    void anOrganizationCannotWriteItsOwnCapacity() {
        setCapacity(organization, 2024, "1000.00", "Budget", "Pat Ops");
        assertRejected(failureAs(organization, sql -> sql.update("""
                insert into tenant_capacity (tenant_id, year, capacity_eur, source, updated_by)
                values (?, 2023, 5, 'Mine', 'Me')""", organization)), "42501", "permission denied");
        assertRejected(failureAs(organization, sql -> sql.update("update tenant_capacity set capacity_eur = 1")),
                "42501", "permission denied");
        assertRejected(failureAs(organization, sql -> sql.update("delete from tenant_capacity")), "42501", "permission denied");
        assertThat(capacities(organization)).containsExactly(Map.of("year", 2024, "capacity_eur", new BigDecimal("1000.00")));
    }

    @Test
    void settingAgainReplacesAndEveryChangeIsAnAuditEventOfThatOrganization() {
        setCapacity(organization, 2024, "100.00", "First estimate", "Pat Ops");
        setCapacity(organization, 2024, "200.00", "Second estimate", "Sam Ops");
        assertThat(capacities(organization)).containsExactly(Map.of("year", 2024, "capacity_eur", new BigDecimal("200.00")));
        assertThat(Collaboration.<String>as(organization, sql -> sql.queryForObject(
                "select updated_by from tenant_capacity", String.class))).isEqualTo("Sam Ops");

        assertThat(this.<Boolean>onPlatform(sql -> sql.queryForObject("select platform_delete_tenant_capacity(?, 2024, 'Pat Ops')",
                Boolean.class, organization))).isTrue();
        assertThat(this.<Boolean>onPlatform(sql -> sql.queryForObject("select platform_delete_tenant_capacity(?, 2024, 'Pat Ops')",
                Boolean.class, organization))).as("nothing left to delete").isFalse();
        assertThat(capacities(organization)).isEmpty();

        assertThat(Collaboration.<List<String>>as(organization, sql -> sql.queryForList("""
                select action || ' ' || entity_type || ' ' || entity_id || ' ' || (details ->> 'year') || ' '
                       || coalesce(details ->> 'capacity_eur', '-') || ' ' || (details ->> 'by')
                  from audit_event where action like 'CAPACITY%' order by seq""", String.class)))
                .containsExactly("CAPACITY_SET tenant_capacity " + organization + "/2024 2024 100.00 Pat Ops",
                        "CAPACITY_SET tenant_capacity " + organization + "/2024 2024 200.00 Sam Ops",
                        "CAPACITY_DELETED tenant_capacity " + organization + "/2024 2024 - Pat Ops");
        assertThat(countAs(other, "select count(*) from audit_event where action like 'CAPACITY%'")).isZero();
        // The events join the organization's hash chain like every other.
        assertThat(this.<List<Map<String, Object>>>onPlatform(sql -> sql.queryForList("select * from audit_chain_breaks() where tenant_id = ?",
                organization))).isEmpty();
    }

    @Test
    void anUnknownTenantIsEN041() {
        UUID unknown = UUID.randomUUID();
        assertThat(TestDatabase.sqlState(catchThrowable(() -> setCapacity(unknown, 2024, "1.00", "x", "Pat Ops"))))
                .isEqualTo("EN041");
        assertThat(TestDatabase.sqlState(catchThrowable(() -> onPlatform(sql -> sql.queryForObject(
                "select platform_delete_tenant_capacity(?, 2024, 'Pat Ops')", Boolean.class, unknown)))))
                .isEqualTo("EN041");
    }

    @Test
    void aCapacityIsPositiveForAYearAndNamesItsSource() {
        assertRejected(catchThrowable(() -> setCapacity(organization, 2024, "0", "x", "Pat Ops")), "23514",
                "tenant_capacity_amount_ck");
        assertRejected(catchThrowable(() -> setCapacity(organization, 2024, "10", "   ", "Pat Ops")), "23514",
                "tenant_capacity_source_ck");
        assertRejected(catchThrowable(() -> setCapacity(organization, 1999, "10", "x", "Pat Ops")), "23514",
                "tenant_capacity_year_ck");
        assertThat(capacities(organization)).isEmpty();
    }

    @Test
    void aGuidelineIsItsOrganizationsAlone() {
        run(organization, sql -> sql.update(
                "insert into burden_guideline (year, target_intensity, set_by) values (2025, 0.0005, 'Olivia Grant')"));

        assertThat(Collaboration.<String>as(organization, sql -> sql.queryForObject(
                "select year || ' ' || target_intensity || ' ' || set_by from burden_guideline", String.class)))
                .isEqualTo("2025 0.000500000 Olivia Grant");
        assertThat(countAs(other, "select count(*) from burden_guideline where tenant_id = ?", organization)).isZero();
        assertThat(Collaboration.<Integer>as(other, sql -> sql.update(
                "update burden_guideline set target_intensity = 0.9 where tenant_id = ?", organization))).isZero();
        assertThat(Collaboration.<Integer>as(other, sql -> sql.update(
                "delete from burden_guideline where tenant_id = ?", organization))).isZero();
        assertRowLevelSecurityViolation(failureAs(other, sql -> sql.update("""
                insert into burden_guideline (tenant_id, year, target_intensity, set_by) values (?, 2026, 0.9, 'Sneaky')""",
                organization)));
        assertThat(this.<Long>onPlatform(sql -> sql.queryForObject("select count(*) from burden_guideline", Long.class)))
                .as("without a tenant").isZero();
        assertThat(Collaboration.<BigDecimal>as(organization, sql -> sql.queryForObject(
                "select target_intensity from burden_guideline where year = 2025", BigDecimal.class)))
                .isEqualByComparingTo("0.0005");
    }

    @Test
    void aTargetIsAFractionAboveZeroAndAtMostOneAndItsYearStays() {
        assertRejected(failureAs(organization, sql -> sql.update(
                "insert into burden_guideline (year, target_intensity, set_by) values (2025, 0, 'Olivia Grant')")),
                "23514", "burden_guideline_target_ck");
        assertRejected(failureAs(organization, sql -> sql.update(
                "insert into burden_guideline (year, target_intensity, set_by) values (2025, 1.5, 'Olivia Grant')")),
                "23514", "burden_guideline_target_ck");
        run(organization, sql -> sql.update(
                "insert into burden_guideline (year, target_intensity, set_by) values (2025, 1, 'Olivia Grant')"));
        assertRejected(failureAs(organization, sql -> sql.update(
                "insert into burden_guideline (year, target_intensity, set_by) values (2025, 0.1, 'Olivia Grant')")),
                "23505", "burden_guideline_pk");
        // The coordinator changes the target, not which year it is for.
        run(organization, sql -> assertThat(sql.update(
                "update burden_guideline set target_intensity = 0.0002, set_by = 'Olivia Grant', set_at = now()")).isOne());
        assertRejected(failureAs(organization, sql -> sql.update("update burden_guideline set year = 2026")),
                "42501", "permission denied");
        run(organization, sql -> assertThat(sql.update("delete from burden_guideline where year = 2025")).isOne());
    }

    // ------------------------------------------------------------------------------------------------

    private void setCapacity(UUID tenant, int year, String eur, String source, String by) {
        onPlatform(sql -> sql.queryForList("select platform_set_tenant_capacity(?, ?, ?, ?, ?)", tenant, year,
                new BigDecimal(eur), source, by));
    }

    private <T> T onPlatform(Function<JdbcTemplate, T> work) {
        return platform.execute(status -> work.apply(jdbc));
    }

    private static List<Map<String, Object>> capacities(UUID tenant) {
        return as(tenant, sql -> sql.queryForList("select year, capacity_eur from tenant_capacity order by year"));
    }
}
