package org.entente.bench.data;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.entente.bench.BenchDatabase;
import org.entente.bench.Scale;
import org.entente.db.demo.DemoHistory;
import org.entente.db.demo.DemoHistory.Kind;
import org.entente.db.demo.DemoHistory.Partner;
import org.entente.db.demo.DemoHistory.Workstream;

/**
 * The benchmark's data at a scale factor: the demo history's own planner (same rules, so the same shape and skew:
 * GDP-weighted leads, Pareto-distributed pledges, regional affinity, late and missing facts) drawn for more
 * workstreams from the benchmark's seed, plus generated members, comments and activity in proportion, loaded into
 * PostgreSQL by COPY ({@link BenchLoad}).
 *
 * <p>The organizations are demo tenants (so the demo realm's people can sign in and see the data): first one of
 * every kind, preferring those whose people are in the demo realm, then in id order.
 */
public final class BenchData {

    /** The benchmark's ids start with 3 (the demo history's with 2, hand-written demo rows with 0 and 1). */
    static final char ID_SERIES = '3';

    private BenchData() {
    }

    public static Dataset generate(BenchDatabase database, Scale scale, long seed) throws SQLException {
        long t0 = System.nanoTime();
        try (Connection connection = database.superuser()) {
            Map<String, BigDecimal> rates = rates(connection);
            List<Candidate> chosen = choose(candidates(connection), scale.tenants());
            SplittableRandom random = new SplittableRandom(seed);
            Map<UUID, List<Dataset.Member>> members = members(chosen, membersPerTenant(scale), random);
            List<Partner> partners = chosen.stream().map(c -> c.partner(members.get(c.id()).getFirst().id())).toList();

            // The demo planner gives ~11 pledges per workstream among 57 partners, fewer among 10: one dry run
            // measures the rate, the real plan asks for the factor that reaches the scale's contribution count.
            List<Workstream> dry = DemoHistory.plan(partners, rates,
                    new DemoHistory.Shape(scale.workstreams(), seed, ID_SERIES, 1.0));
            long pledges = dry.stream().mapToLong(w -> w.contributions().size()).sum();
            double factor = Math.max(0.05, (double) scale.contributions() / Math.max(1, pledges));
            List<Workstream> plan = factor == 1.0 ? dry : DemoHistory.plan(partners, rates,
                    new DemoHistory.Shape(scale.workstreams(), seed, ID_SERIES, factor));
            BenchHistory history = BenchHistory.draw(plan, members, scale, random);
            Duration generated = Duration.ofNanos(System.nanoTime() - t0);

            long t1 = System.nanoTime();
            BenchLoad.load(connection, chosen.stream().map(Candidate::id).toList(), members, plan, history, rates);
            Duration loaded = Duration.ofNanos(System.nanoTime() - t1);

            List<Dataset.Tenant> tenants = new ArrayList<>();
            for (Candidate c : chosen) {
                tenants.add(new Dataset.Tenant(c.id(), c.alias(), c.name(), c.kind().name(),
                        membersOf(connection, c.id())));
            }
            return new Dataset(scale, seed, tenants, rowCounts(connection), generated, loaded);
        }
    }

    /** Members per organization: 5 at the tiny scale, 9 at SF1, 20 at SF10. */
    static int membersPerTenant(Scale scale) {
        return Math.max(5, (int) Math.round(5 * Math.sqrt(scale.factor())) + 4);
    }

    // ------------------------------------------------------------------------------------------ organizations

    /** A demo tenant that can carry generated data. */
    record Candidate(UUID id, String alias, String name, Kind kind, String region, double capacity, int demoMembers) {

        Partner partner(UUID memberId) {
            return new Partner(id, alias, name, kind, region, capacity, memberId);
        }
    }

    private static List<Candidate> candidates(Connection connection) throws SQLException {
        List<Candidate> result = new ArrayList<>();
        try (Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("""
                     select t.id, t.alias, t.name, t.kind, t.region, coalesce(t.capacity_index, 0),
                            (select count(*) from member m where m.tenant_id = t.id)
                       from tenant t
                      where t.status = 'ACTIVE'
                      order by t.id""")) {
            while (row.next()) {
                result.add(new Candidate(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                        Kind.valueOf(row.getString(4)), row.getString(5), row.getBigDecimal(6).doubleValue(),
                        row.getInt(7)));
            }
        }
        return result;
    }

    /** One of every kind first (the demo planner needs them), then the rest, people of the demo realm first. */
    static List<Candidate> choose(List<Candidate> candidates, int count) {
        List<Candidate> ordered = new ArrayList<>(candidates);
        ordered.sort(Comparator.comparing((Candidate c) -> c.demoMembers() == 0).thenComparing(Candidate::id));
        List<Candidate> chosen = new ArrayList<>();
        Set<Kind> covered = EnumSet.noneOf(Kind.class);
        for (Candidate c : ordered) {
            if (covered.add(c.kind())) {
                chosen.add(c);
            }
        }
        if (covered.size() < Kind.values().length) {
            throw new IllegalStateException("The demo organizations lack a kind: only " + covered);
        }
        for (Candidate c : ordered) {
            if (chosen.size() >= count) {
                break;
            }
            if (!chosen.contains(c)) {
                chosen.add(c);
            }
        }
        chosen.sort(Comparator.comparing(Candidate::id));
        return List.copyOf(chosen);
    }

    private static final List<String> GIVEN = List.of("Amina", "Lars", "Sofia", "Kwame", "Ingrid", "Mateo", "Yuki",
            "Fatima", "Olav", "Chloe", "Tariq", "Elena", "Jonas", "Priya", "Diego", "Hana", "Noah", "Leila", "Erik",
            "Zanele", "Marta", "Omar", "Aiko", "Pieter");
    private static final List<String> FAMILY = List.of("Haugen", "Mensah", "Rossi", "Okafor", "Lindqvist", "Silva",
            "Tanaka", "Haddad", "Novak", "Dubois", "Karimi", "Petrova", "Berg", "Sharma", "Moreno", "Kim", "Walsh",
            "Nasser", "Johansson", "Dlamini", "Kowalska", "Farouk", "Sato", "de Vries");

    private static Map<UUID, List<Dataset.Member>> members(List<Candidate> chosen, int perTenant,
            SplittableRandom random) {
        Map<UUID, List<Dataset.Member>> members = new LinkedHashMap<>();
        long number = 0;
        for (Candidate tenant : chosen) {
            List<Dataset.Member> list = new ArrayList<>();
            for (int i = 1; i <= perTenant; i++) {
                String given = GIVEN.get(random.nextInt(GIVEN.size()));
                String family = FAMILY.get(random.nextInt(FAMILY.size()));
                String username = (given + "." + family.replace(" ", "")).toLowerCase(Locale.ROOT) + "." + tenant.alias()
                        + "." + i;
                list.add(new Dataset.Member(id('9', ++number), username, given + " " + family));
            }
            members.put(tenant.id(), List.copyOf(list));
        }
        return members;
    }

    static UUID id(char kind, long number) {
        return UUID.fromString(String.valueOf(ID_SERIES) + kind + "000000-0000-4000-8000-%012d".formatted(number));
    }

    // ------------------------------------------------------------------------------------------ reading back

    private static Map<String, BigDecimal> rates(Connection connection) throws SQLException {
        Map<String, BigDecimal> rates = new HashMap<>();
        try (Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("select unit, eur_per_unit from valuation_rate")) {
            while (row.next()) {
                rates.put(row.getString(1), row.getBigDecimal(2));
            }
        }
        return rates;
    }

    private static List<Dataset.Member> membersOf(Connection connection, UUID tenant) throws SQLException {
        List<Dataset.Member> members = new ArrayList<>();
        try (PreparedStatement sql = connection.prepareStatement(
                "select id, username, display_name from member where tenant_id = ? order by id")) {
            sql.setObject(1, tenant);
            try (ResultSet row = sql.executeQuery()) {
                while (row.next()) {
                    members.add(new Dataset.Member(row.getObject(1, UUID.class), row.getString(2), row.getString(3)));
                }
            }
        }
        return members;
    }

    static Map<String, Long> rowCounts(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery(
                     "select tablename from pg_tables where schemaname = 'public' and tablename not like 'flyway%' order by 1")) {
            while (row.next()) {
                tables.add(row.getString(1));
            }
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : tables) {
            try (Statement sql = connection.createStatement();
                 ResultSet row = sql.executeQuery("select count(*) from " + table)) {
                row.next();
                rows.put(table, row.getLong(1));
            }
        }
        return rows;
    }
}
