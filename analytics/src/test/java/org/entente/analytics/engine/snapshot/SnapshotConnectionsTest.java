package org.entente.analytics.engine.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.entente.analytics.engine.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/** The refresh's two PostgreSQL connections: one snapshot between them, and one connection when a second is missing. */
class SnapshotConnectionsTest {

    @Test
    void theSecondConnectionReadsTheFirstOnesSnapshot(TestInfo test) throws Exception {
        Map<String, Long> before = truthCounts();
        UUID late = UUID.randomUUID();
        CountDownLatch secondCopying = new CountDownLatch(1);
        AtomicInteger firstCopies = new AtomicInteger();
        AtomicInteger secondCopies = new AtomicInteger();
        AtomicInteger asked = new AtomicInteger();
        DataSource analytics = TestPostgres.analytics();
        // The first connection waits with its first COPY until the second copies, so both read tables. Between the
        // two, a row is committed into every table: a second connection without the first one's snapshot would copy it.
        DataSource source = new Source(() -> {
            if (asked.incrementAndGet() == 1) {
                return counting(analytics.getConnection(), firstCopies, () -> await(secondCopying));
            }
            insertLateRows(late);
            return counting(analytics.getConnection(), secondCopies, secondCopying::countDown);
        });
        try (SnapshotStore store = new SnapshotStore(TestPostgres.freshDirectory("snapshot-" + name(test)))) {
            SnapshotInfo info = store.refresh(source, null);

            assertThat(firstCopies.get()).as("COPY statements on the first connection").isPositive();
            assertThat(secondCopies.get()).as("COPY statements on the second connection").isPositive();
            assertThat(firstCopies.get() + secondCopies.get()).isEqualTo(SnapshotTable.ALL.size());
            assertThat(info.rowCounts()).as("as of the first connection's snapshot, without the late rows")
                    .isEqualTo(before);
            assertThat(truthCounts()).as("the late rows are there").isNotEqualTo(before);
        } finally {
            deleteLateRows(late);
        }
    }

    @Test
    void withoutASecondConnectionTheFirstReadsEverything(TestInfo test) throws Exception {
        AtomicInteger open = new AtomicInteger();
        AtomicInteger asked = new AtomicInteger();
        DataSource analytics = TestPostgres.analytics();
        DataSource poolOfOne = new Source(() -> {
            asked.incrementAndGet();
            if (!open.compareAndSet(0, 1)) {
                throw new SQLTransientConnectionException("pool of one - Connection is not available");
            }
            Connection real = analytics.getConnection();
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, arguments) -> {
                        if (method.getName().equals("close")) {
                            open.set(0);
                        }
                        return invoke(real, method, arguments);
                    });
        });
        try (SnapshotStore store = new SnapshotStore(TestPostgres.freshDirectory("snapshot-" + name(test)))) {
            SnapshotInfo info = store.refresh(poolOfOne, null);

            assertThat(asked.get()).as("a second connection was asked for").isEqualTo(2);
            assertThat(info.rowCounts()).isEqualTo(truthCounts());
            assertThat(store.lastFailure()).isEmpty();
        }
        assertThat(open.get()).as("the connection was given back").isZero();
    }

    @Test
    void aSecondConnectionThatCannotTakeTheSnapshotLeavesTheWorkToTheFirst(TestInfo test) throws Exception {
        AtomicInteger asked = new AtomicInteger();
        DataSource analytics = TestPostgres.analytics();
        // The second connection is a session whose transaction has already begun: SET TRANSACTION SNAPSHOT fails.
        DataSource source = new Source(() -> {
            Connection real = analytics.getConnection();
            if (asked.incrementAndGet() == 1) {
                return real;
            }
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, arguments) -> {
                        if (method.getName().equals("setAutoCommit") && Boolean.FALSE.equals(arguments[0])) {
                            real.setAutoCommit(false);
                            try (Statement statement = real.createStatement()) {
                                statement.execute("SELECT 1");
                            }
                            return null;
                        }
                        return invoke(real, method, arguments);
                    });
        });
        try (SnapshotStore store = new SnapshotStore(TestPostgres.freshDirectory("snapshot-" + name(test)))) {
            SnapshotInfo info = store.refresh(source, null);

            assertThat(asked.get()).isEqualTo(2);
            assertThat(info.rowCounts()).isEqualTo(truthCounts());
        }
    }

    // ------------------------------------------------------------------------------------------------

    /** Row counts of the snapshot's tables in PostgreSQL, as the superuser sees them (rel_to: entries). */
    private static Map<String, Long> truthCounts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = TestPostgres.superuser().getConnection(); Statement statement = connection.createStatement()) {
            for (SnapshotTable table : SnapshotTable.COPIED) {
                counts.put(table.name(), count(statement, "SELECT count(*) FROM " + table.name()));
                if (table.relTo() != null) {
                    counts.put(table.relTo(), count(statement, "SELECT coalesce(sum(cardinality(rel_to)), 0) FROM " + table.name()));
                }
            }
        }
        return counts;
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** One committed row in every copied table (and a rel_to entry in each table that has rel_to), for tenant late. */
    private static void insertLateRows(UUID late) throws SQLException {
        UUID workstream = UUID.randomUUID();
        UUID workPackage = UUID.randomUUID();
        String t = "'" + late + "'";
        String w = "'" + workstream + "'";
        try (Connection connection = TestPostgres.superuser().getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("SET LOCAL session_replication_role = replica");  // no triggers or foreign keys: test rows only
            statement.execute("INSERT INTO tenant (id, alias, name, kind) VALUES (" + t + ", 'late-" + late.toString().substring(0, 8)
                    + "', 'Late', 'NGO')");
            statement.execute("INSERT INTO workstream (tenant_id, id, kind, title, releasability, rel_to) VALUES (" + t + ", " + w
                    + ", 'INITIATIVE', 'Late', 'REL_TO', ARRAY[" + t + "]::uuid[])");
            statement.execute("INSERT INTO participation (tenant_id, workstream_id, participant_tenant_id, role, status) VALUES ("
                    + t + ", " + w + ", " + t + ", 'LEAD', 'ACCEPTED')");
            statement.execute("INSERT INTO initiative (tenant_id, workstream_id, mechanism) VALUES (" + t + ", " + w + ", 'JOINT_EXERCISE')");
            statement.execute("INSERT INTO rnd_project (tenant_id, workstream_id, technology_area, trl_start, trl_current, trl_target)"
                    + " VALUES (" + t + ", " + w + ", 'AI', 1, 1, 1)");
            statement.execute("INSERT INTO work_package (tenant_id, workstream_id, id, code, title, lead_tenant_id) VALUES ("
                    + t + ", " + w + ", '" + workPackage + "', 'WP1', 'Late', " + t + ")");
            statement.execute("INSERT INTO deliverable (tenant_id, workstream_id, work_package_id, title) VALUES ("
                    + t + ", " + w + ", '" + workPackage + "', 'Late')");
            statement.execute("INSERT INTO engagement (tenant_id, workstream_id, party_name, engagement_type) VALUES ("
                    + t + ", " + w + ", 'Late', 'TRAINING')");
            statement.execute("INSERT INTO contribution (tenant_id, workstream_id, contributor_tenant_id, type, unit, pledged_amount,"
                    + " pledged_eur, delivered_eur, releasability, rel_to) VALUES (" + t + ", " + w + ", " + t
                    + ", 'FUNDING', 'EUR', 1, 1, 0, 'REL_TO', ARRAY[" + t + "]::uuid[])");
            statement.execute("INSERT INTO milestone (tenant_id, workstream_id, title, owner_tenant_id, planned_date) VALUES ("
                    + t + ", " + w + ", 'Late', " + t + ", current_date)");
            statement.execute("INSERT INTO activity (tenant_id, workstream_id, actor_tenant_id, verb, item_tenant_id, releasability,"
                    + " rel_to) VALUES (" + t + ", " + w + ", " + t + ", 'late', " + t + ", 'REL_TO', ARRAY[" + t + "]::uuid[])");
            statement.execute("INSERT INTO publication_consent (tenant_id, grantee_tenant_id, granted_by) VALUES (" + t
                    + ", '" + UUID.randomUUID() + "', 'late')");
            statement.execute("INSERT INTO tenant_capacity (tenant_id, year, capacity_eur, source, updated_by) VALUES (" + t
                    + ", 2026, 1, 'late', 'late')");
            // The results chain (V51): an indicator (a row of indicator_progress too) with a value, an assessment with
            // a recommendation.
            String o = "'" + UUID.randomUUID() + "'";
            String i = "'" + UUID.randomUUID() + "'";
            String a = "'" + UUID.randomUUID() + "'";
            statement.execute("INSERT INTO objective (tenant_id, workstream_id, id, text) VALUES (" + t + ", " + w + ", " + o
                    + ", 'Late')");
            statement.execute("INSERT INTO indicator (tenant_id, workstream_id, id, objective_id, definition, unit,"
                    + " target_value, target_date, responsible_tenant_id, releasability, rel_to) VALUES (" + t + ", " + w
                    + ", " + i + ", " + o + ", 'Late', 'NUMBER', 1, current_date, " + t + ", 'REL_TO', ARRAY[" + t
                    + "]::uuid[])");
            statement.execute("INSERT INTO measurement (tenant_id, workstream_id, indicator_id, period_start, period_end,"
                    + " value, entered_by_tenant_id, entered_by) VALUES (" + t + ", " + w + ", " + i
                    + ", current_date, current_date, 1, " + t + ", 'late')");
            statement.execute("INSERT INTO assessment (tenant_id, workstream_id, id, kind, assessor_name, assessed_on,"
                    + " releasability, rel_to) VALUES (" + t + ", " + w + ", " + a + ", 'INITIAL', 'Late', current_date,"
                    + " 'REL_TO', ARRAY[" + t + "]::uuid[])");
            statement.execute("INSERT INTO assessment_recommendation (tenant_id, workstream_id, assessment_id, text,"
                    + " owner_tenant_id) VALUES (" + t + ", " + w + ", " + a + ", 'Late', " + t + ")");
            connection.commit();
        }
    }

    private static void deleteLateRows(UUID late) throws SQLException {
        try (Connection connection = TestPostgres.superuser().getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("SET LOCAL session_replication_role = replica");
            // Without triggers nothing cascades: the measurement first, the objective after its indicator.
            statement.execute("DELETE FROM measurement WHERE tenant_id = '" + late + "'");
            for (SnapshotTable table : SnapshotTable.COPIED.reversed()) {
                if (table.name().equals("indicator_progress")) {
                    continue;   // a view: its row goes with the indicator's
                }
                statement.execute("DELETE FROM " + table.name() + " WHERE " + (table.name().equals("tenant") ? "id" : "tenant_id")
                        + " = '" + late + "'");
            }
            statement.execute("DELETE FROM objective WHERE tenant_id = '" + late + "'");
            connection.commit();
        }
    }

    /** A connection whose COPY statements are counted; {@code beforeFirst} runs before its first one. */
    private static Connection counting(Connection real, AtomicInteger copies, Runnable beforeFirst) throws SQLException {
        CopyManager copy = new CopyManager(real.unwrap(BaseConnection.class)) {
            @Override
            public long copyOut(String sql, OutputStream to) throws SQLException, java.io.IOException {
                if (copies.getAndIncrement() == 0) {
                    beforeFirst.run();
                }
                return super.copyOut(sql, to);
            }
        };
        PGConnection pg = real.unwrap(PGConnection.class);
        PGConnection countingPg = (PGConnection) Proxy.newProxyInstance(SnapshotConnectionsTest.class.getClassLoader(),
                new Class<?>[] {PGConnection.class},
                (proxy, method, arguments) -> method.getName().equals("getCopyAPI") ? copy : invoke(pg, method, arguments));
        return (Connection) Proxy.newProxyInstance(SnapshotConnectionsTest.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, arguments) -> method.getName().equals("unwrap") && arguments[0] == PGConnection.class
                        ? countingPg : invoke(real, method, arguments));
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String name(TestInfo test) {
        return test.getTestMethod().orElseThrow().getName();
    }

    @FunctionalInterface
    private interface Connect {
        Connection get() throws SQLException;
    }

    /** A DataSource that hands out what {@code connect} makes. */
    private record Source(Connect connect) implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            return connect.get();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
