package org.entente.bench.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.entente.bench.BenchDatabase;
import org.entente.bench.Scale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated data is what the benchmark claims: the scale's row counts, every foreign key satisfied although the
 * load ran with triggers (and so foreign-key checks) off, the rules the triggers would enforce, and the same rows
 * again from the same seed.
 */
class BenchDataIT {

    private static final Scale SCALE = new Scale(0.2);

    private static BenchDatabase database;
    private static Dataset dataset;

    @BeforeAll
    static void generate() throws SQLException {
        database = BenchDatabase.start(Path.of("target/bench-data-it/postgres-" + System.nanoTime()));
        dataset = BenchData.generate(database, SCALE, 7L);
    }

    @AfterAll
    static void stop() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void rowCountsFollowTheScale() throws SQLException {
        assertThat(dataset.tenants()).hasSize(SCALE.tenants());
        assertThat(dataset.tenants()).allSatisfy(t -> assertThat(t.members()).hasSizeGreaterThanOrEqualTo(5));
        assertThat(dataset.tenants().stream().map(Dataset.Tenant::kind).distinct()).hasSize(7);
        assertThat(count("select count(*) from workstream where id::text like '3a%'")).isEqualTo(SCALE.workstreams());
        assertThat(count("select count(*) from activity a join workstream w on w.id = a.workstream_id "
                + "where w.id::text like '3a%'")).isEqualTo(SCALE.activityEvents());
        assertThat(count("select count(*) from comment where id::text like '38%'")).isEqualTo(SCALE.activityEvents() / 10);
        // The pledge factor aims at the scale's count; the random rounding lands near it.
        assertThat(count("select count(*) from contribution where id::text like '3b%'"))
                .isBetween((long) (SCALE.contributions() * 0.9), (long) (SCALE.contributions() * 1.1));
    }

    @Test
    void everyForeignKeyHolds() throws SQLException {
        List<String> checks = new ArrayList<>();
        try (Connection connection = database.superuser(); Statement sql = connection.createStatement();
             ResultSet fk = sql.executeQuery("""
                     select c.conname, c.conrelid::regclass, c.confrelid::regclass,
                            array(select a.attname from unnest(c.conkey) with ordinality k(n, i)
                                  join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i),
                            array(select a.attname from unnest(c.confkey) with ordinality k(n, i)
                                  join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i)
                       from pg_constraint c where c.contype = 'f' and c.connamespace = 'public'::regnamespace""")) {
            while (fk.next()) {
                String[] from = (String[]) fk.getArray(4).getArray();
                String[] to = (String[]) fk.getArray(5).getArray();
                StringBuilder join = new StringBuilder();
                StringBuilder notNull = new StringBuilder();
                for (int i = 0; i < from.length; i++) {
                    join.append(i == 0 ? "" : " and ").append("p.").append(to[i]).append(" = c.").append(from[i]);
                    notNull.append(i == 0 ? "" : " and ").append("c.").append(from[i]).append(" is not null");
                }
                checks.add(fk.getString(1) + "|select count(*) from " + fk.getString(2) + " c where " + notNull
                        + " and not exists (select 1 from " + fk.getString(3) + " p where " + join + ")");
            }
        }
        assertThat(checks).hasSizeGreaterThan(20);
        for (String check : checks) {
            String[] parts = check.split("\\|", 2);
            assertThat(count(parts[1])).as(parts[0]).isZero();
        }
    }

    @Test
    void rowsCarryWhatTheTriggersWouldHaveWritten() throws SQLException {
        assertThat(count("""
                select count(*) from workstream w where id::text like '3a%' and not exists
                  (select 1 from participation p where p.tenant_id = w.tenant_id and p.workstream_id = w.id
                      and p.participant_tenant_id = w.tenant_id and p.role = 'LEAD' and p.status = 'ACCEPTED')""")).isZero();
        assertThat(count("""
                select count(*) from contribution c join valuation_rate r on r.unit = c.unit
                 where c.id::text like '3b%'
                   and (c.pledged_eur <> round(c.pledged_amount * r.eur_per_unit, 2)
                        or c.delivered_eur <> round(c.delivered_amount * r.eur_per_unit, 2))""")).isZero();
        assertThat(count("""
                select count(*) from workstream w join engagement e on e.tenant_id = w.tenant_id and e.workstream_id = w.id
                 where w.status in ('ACTIVE', 'COMPLETED') and e.vetting_status <> 'CLEARED'""")).isZero();
        // Comments are written by organizations that take part.
        assertThat(count("""
                select count(*) from comment c where c.id::text like '38%' and not exists
                  (select 1 from participation p where p.tenant_id = c.tenant_id and p.workstream_id = c.workstream_id
                      and p.participant_tenant_id = c.author_tenant_id and p.status = 'ACCEPTED')""")).isZero();
    }

    @Test
    void theSameSeedGivesTheSameRows() throws SQLException {
        String fingerprint = """
                select md5(string_agg(id::text || contributor_tenant_id || pledged_amount || releasability, ',' order by id))
                  from contribution where id::text like '3b%'""";
        String first = text(fingerprint);
        try (BenchDatabase again = BenchDatabase.start(Path.of("target/bench-data-it/postgres-" + System.nanoTime()))) {
            BenchData.generate(again, SCALE, 7L);
            try (Connection connection = again.superuser(); Statement sql = connection.createStatement();
                 ResultSet row = sql.executeQuery(fingerprint)) {
                row.next();
                assertThat(row.getString(1)).isEqualTo(first);
            }
        }
    }

    private static long count(String query) throws SQLException {
        try (Connection connection = database.superuser(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String text(String query) throws SQLException {
        try (Connection connection = database.superuser(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getString(1);
        }
    }
}
