package org.entente.analytics.engine.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.entente.analytics.engine.AnalyticsFilter;
import org.entente.analytics.engine.AnalyticsReport;
import org.entente.analytics.engine.AnalyticsSettings;
import org.entente.analytics.engine.BurdenGuideline;
import org.entente.analytics.engine.SqlScript;
import org.entente.analytics.engine.Viewer;
import org.entente.analytics.engine.snapshot.SnapshotInfo;
import org.junit.jupiter.api.Test;

/**
 * The consent rule end to end: random snapshots (partners of three kinds, workstreams the coordinator takes part in or
 * not, contributions it may see or not, random consent to it, random capacities) through the whole rollup suite, many
 * fixed seeds, checked against the records themselves. The attacker is the coordinator, who knows every figure the
 * report publishes and every consenting partner's own figures:
 * <ul>
 * <li>only the partners it may know have a row of their own (its own organization, those that consented, those all
 *     of whose contributions it sees); every other partner of a kind is in its "Other partners (n)" row, n right;</li>
 * <li>a published figure of burden sharing or pledge fulfilment is the sum of its records, and its restricted part
 *     (the non-consenting partners' records) is empty, fully visible, or at least k partners with none above the
 *     dominance limit - so taking the consenting parts away leaves no single partner's figure;</li>
 * <li>a withheld figure has non-consenting content, and every line (a total and its parts: partners within a kind,
 *     kinds within all, years within all years; months and types) has 0 or at least 2 withheld figures.</li>
 * </ul>
 */
class ConsentRollupPropertyTest {

    private static final int SNAPSHOTS = 40;
    private static final int K = AnalyticsSettings.defaults().minimumPartners();
    private static final double LIMIT = AnalyticsSettings.defaults().dominanceLimit();
    private static final UUID COORDINATOR = new UUID(9, 9);
    private static final List<String> KINDS = List.of("STATE", "STATE", "STATE", "NGO", "CORPORATION");
    private static final List<String> TYPES = List.of("FUNDING", "PERSONNEL", "EQUIPMENT", "IN_KIND");
    private static final String ALL_YEARS = "all years";
    private static final String OTHERS = "others";

    /** A contribution as the test knows it. */
    private record Rec(UUID partner, String kind, int year, String pledgeMonth, String deliveryMonth, String type,
                       long pledged, long delivered, boolean visible) {
    }

    /** A partner of the random world. */
    private record Partner(UUID id, String name, String kind) {
    }

    /** One random world: its partners, records and who consented to the coordinator. */
    private record World(List<Partner> partners, List<Rec> records, Set<UUID> consented) {

        boolean named(UUID partner) {
            return consented.contains(partner)
                    || records.stream().filter(r -> r.partner().equals(partner)).allMatch(Rec::visible);
        }

        String name(UUID partner) {
            return partners.stream().filter(p -> p.id().equals(partner)).findFirst().orElseThrow().name();
        }
    }

    @Test
    void noNonConsentingPartnersFigureCanBeWorkedOutFromTheCoordinatorsReport() throws SQLException {
        int consentingWorlds = 0;
        int withheldFigures = 0;
        int publishedByConsent = 0;
        for (int seed = 1; seed <= SNAPSHOTS; seed++) {
            Random random = new Random(40_000 + seed);
            try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
                World world = load(duckdb, random);
                SnapshotInfo info = new SnapshotInfo(Path.of("random.duckdb"), Instant.parse("2025-06-30T08:00:00Z"),
                        LocalDate.of(2025, 6, 30), Map.of(), Duration.ZERO);
                AnalyticsReport report = new RollupSuite(AnalyticsSettings.defaults()).run(duckdb, info,
                        Viewer.federation(COORDINATOR), AnalyticsFilter.everything(), BurdenGuideline.none(), null);
                String at = "seed " + seed;
                consentingWorlds += world.consented().size() > 1 ? 1 : 0;
                publishedByConsent += report.publishedByConsent().size();
                withheldFigures += checkBurden(world, report, at);
                withheldFigures += checkPledgeFulfilment(world, report, at);
            }
        }
        // Not a test of empty or trivial worlds.
        assertThat(consentingWorlds).isGreaterThan(SNAPSHOTS / 2);
        assertThat(withheldFigures).isGreaterThan(SNAPSHOTS);
        assertThat(publishedByConsent).isPositive();
    }

    /** Checks both burden-sharing tables; returns how many figures they withhold. */
    private static int checkBurden(World world, AnalyticsReport report, String at) {
        Map<List<String>, Boolean> withheld = new LinkedHashMap<>();
        for (String id : List.of("burden-sharing", "burden-sharing-by-year")) {
            RollupTable table = report.table(id).orElseThrow();
            int year = table.columnIndex("pledged_year");
            for (Row row : table.rows()) {
                String kind = (String) row.cell(0).value();
                String partner = (String) row.cell(1).value();
                String years = year < 0 ? ALL_YEARS : (String) row.cell(year).value();
                List<String> key = List.of(kind, RollupTable.isOtherPartners(partner) ? OTHERS : partner, years);
                String where = at + ", " + id + " " + key;
                List<Rec> records = world.records().stream().filter(burdenCell(world, key)).toList();
                assertThat(records).as(where + ": records behind the row").isNotEmpty();
                if (RollupTable.isOtherPartners(partner)) {
                    long partners = records.stream().map(Rec::partner).distinct().count();
                    assertThat(partner).as(where).isEqualTo(RollupTable.otherPartners(partners));
                }
                Cell pledged = row.cell(table.columnIndex("pledged_eur"));
                boolean suppressed = pledged.isSuppressed();
                withheld.put(key, suppressed);
                List<Rec> restricted = restricted(world, records);
                if (suppressed) {
                    assertThat(restricted).as(where + ": withheld, so it has non-consenting content").isNotEmpty();
                } else {
                    assertThat((BigDecimal) pledged.value()).as(where)
                            .isEqualByComparingTo(BigDecimal.valueOf(records.stream().mapToLong(Rec::pledged).sum()));
                    assertThat((BigDecimal) row.cell(table.columnIndex("delivered_eur")).value()).as(where)
                            .isEqualByComparingTo(BigDecimal.valueOf(records.stream().mapToLong(Rec::delivered).sum()));
                    assertRestrictedPartPasses(restricted, where);
                }
            }
        }
        // Exactly the partners the coordinator may know have a row of their own.
        for (Partner partner : world.partners()) {
            boolean contributed = world.records().stream().anyMatch(r -> r.partner().equals(partner.id()));
            boolean hasRow = withheld.keySet().stream().anyMatch(k -> k.get(1).equals(partner.name()));
            assertThat(hasRow).as(at + ": a row of its own for " + partner.name())
                    .isEqualTo(contributed && world.named(partner.id()));
        }
        assertLines(withheld, at);
        return (int) withheld.values().stream().filter(b -> b).count();
    }

    /** The lines of the burden cube: partners within a kind, kinds within all, years within all years. */
    private static void assertLines(Map<List<String>, Boolean> withheld, String at) {
        Map<List<String>, List<List<String>>> lines = new LinkedHashMap<>();
        for (List<String> cell : withheld.keySet()) {
            String kind = cell.get(0);
            String partner = cell.get(1);
            String year = cell.get(2);
            if (!partner.equals(RollupTable.TOTAL)) {
                lines.computeIfAbsent(List.of(kind, RollupTable.TOTAL, year, "partner"), l -> new ArrayList<>()).add(cell);
            } else if (!kind.equals(RollupTable.TOTAL)) {
                lines.computeIfAbsent(List.of(RollupTable.TOTAL, RollupTable.TOTAL, year, "kind"), l -> new ArrayList<>())
                        .add(cell);
            }
            if (!year.equals(ALL_YEARS)) {
                lines.computeIfAbsent(List.of(kind, partner, ALL_YEARS, "year"), l -> new ArrayList<>()).add(cell);
            }
        }
        for (Map.Entry<List<String>, List<List<String>>> line : lines.entrySet()) {
            List<String> totalKey = line.getKey().subList(0, 3);
            Boolean total = withheld.get(totalKey);
            assertThat(total).as(at + ": the total of line " + line.getKey()).isNotNull();
            long unknowns = (total ? 1 : 0) + line.getValue().stream().filter(withheld::get).count();
            assertThat(unknowns).as(at + ": withheld figures in line " + line.getKey() + " " + line.getValue())
                    .isNotEqualTo(1);
        }
    }

    private static Predicate<Rec> burdenCell(World world, List<String> key) {
        String kind = key.get(0);
        String partner = key.get(1);
        String year = key.get(2);
        return r -> (kind.equals(RollupTable.TOTAL) || r.kind().equals(kind))
                && (partner.equals(RollupTable.TOTAL)
                    || (partner.equals(OTHERS) ? !world.named(r.partner()) : world.name(r.partner()).equals(partner)))
                && (year.equals(ALL_YEARS) || String.valueOf(r.year()).equals(year));
    }

    /** Pledge fulfilment per month and type; returns how many figures it withholds. */
    private static int checkPledgeFulfilment(World world, AnalyticsReport report, String at) {
        RollupTable table = report.table("pledge-fulfilment").orElseThrow();
        Map<List<String>, Boolean> withheld = new HashMap<>();
        for (Row row : table.rows()) {
            String month = (String) row.cell(0).value();
            String type = (String) row.cell(1).value();
            String where = at + ", pledge-fulfilment " + month + " " + type;
            // the events behind the cell: pledges in their month, deliveries in theirs
            List<Rec> pledges = world.records().stream().filter(r -> matches(month, r.pledgeMonth())
                    && matches(type, r.type())).toList();
            List<Rec> deliveries = world.records().stream().filter(r -> r.delivered() != 0
                    && matches(month, r.deliveryMonth()) && matches(type, r.type())).toList();
            List<Rec> events = new ArrayList<>();
            pledges.forEach(r -> events.add(new Rec(r.partner(), r.kind(), r.year(), month, month, type, r.pledged(), 0,
                    r.visible())));
            deliveries.forEach(r -> events.add(new Rec(r.partner(), r.kind(), r.year(), month, month, type, 0,
                    r.delivered(), r.visible())));
            Cell pledged = row.cell(table.columnIndex("pledged_eur"));
            withheld.put(List.of(month, type), pledged.isSuppressed());
            List<Rec> restricted = restricted(world, events);
            if (pledged.isSuppressed()) {
                assertThat(restricted).as(where + ": withheld, so it has non-consenting content").isNotEmpty();
            } else {
                assertThat((BigDecimal) pledged.value()).as(where)
                        .isEqualByComparingTo(BigDecimal.valueOf(pledges.stream().mapToLong(Rec::pledged).sum()));
                assertRestrictedPartPasses(restricted, where);
            }
        }
        Map<List<String>, List<List<String>>> lines = new HashMap<>();
        for (List<String> cell : withheld.keySet()) {
            if (!cell.get(1).equals(RollupTable.TOTAL)) {
                lines.computeIfAbsent(List.of(cell.get(0), RollupTable.TOTAL), l -> new ArrayList<>()).add(cell);
            }
            if (!cell.get(0).equals(RollupTable.TOTAL)) {
                lines.computeIfAbsent(List.of(RollupTable.TOTAL, cell.get(1)), l -> new ArrayList<>()).add(cell);
            }
        }
        lines.forEach((total, parts) -> {
            long unknowns = (withheld.get(total) ? 1 : 0) + parts.stream().filter(withheld::get).count();
            assertThat(unknowns).as(at + ": withheld figures in pledge-fulfilment line " + total).isNotEqualTo(1);
        });
        return (int) withheld.values().stream().filter(b -> b).count();
    }

    private static boolean matches(String coordinate, String value) {
        return coordinate.equals(RollupTable.TOTAL) || coordinate.equals(value);
    }

    private static List<Rec> restricted(World world, List<Rec> records) {
        return records.stream().filter(r -> !world.consented().contains(r.partner())).toList();
    }

    private static void assertRestrictedPartPasses(List<Rec> restricted, String where) {
        if (restricted.isEmpty() || restricted.stream().allMatch(Rec::visible)) {
            return;
        }
        Map<UUID, long[]> perPartner = new HashMap<>();
        long pledged = 0;
        long delivered = 0;
        for (Rec rec : restricted) {
            long[] sums = perPartner.computeIfAbsent(rec.partner(), p -> new long[2]);
            sums[0] += rec.pledged();
            sums[1] += rec.delivered();
            pledged += rec.pledged();
            delivered += rec.delivered();
        }
        assertThat(perPartner.size()).as(where + ": non-consenting partners of a published figure")
                .isGreaterThanOrEqualTo(K);
        for (long[] sums : perPartner.values()) {
            if (pledged > 0) {
                assertThat((double) sums[0] / pledged).as(where + ": largest pledged part").isLessThanOrEqualTo(LIMIT);
            }
            if (delivered > 0) {
                assertThat((double) sums[1] / delivered).as(where + ": largest delivered part")
                        .isLessThanOrEqualTo(LIMIT);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ the world

    /** Writes a random world into {@code duckdb} (schema.sql) and returns what the test knows of it. */
    private static World load(Connection duckdb, Random random) throws SQLException {
        try (Statement statement = duckdb.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
        }
        SqlScript.execute(duckdb, SqlScript.load("/org/entente/analytics/engine/snapshot/schema.sql"));
        execute(duckdb, "INSERT INTO tenant VALUES (?, 'coordinator', 'Coordinator', 'ALLIANCE', NULL, 'ACTIVE', NULL)",
                COORDINATOR);
        execute(duckdb, "INSERT INTO snapshot_info VALUES (TIMESTAMPTZ '2025-06-30 08:00:00+00', DATE '2025-06-30')");

        List<Partner> partners = new ArrayList<>();
        int count = 5 + random.nextInt(8);
        double consentRate = List.of(0.0, 0.3, 0.6).get(random.nextInt(3));
        Set<UUID> consented = new HashSet<>(Set.of(COORDINATOR));
        for (int i = 0; i < count; i++) {
            Partner partner = new Partner(new UUID(1, i + 1), String.format("Partner %02d", i),
                    KINDS.get(random.nextInt(KINDS.size())));
            partners.add(partner);
            execute(duckdb, "INSERT INTO tenant VALUES (?, ?, ?, ?, NULL, 'ACTIVE', NULL)", partner.id(),
                    "p" + i, partner.name(), partner.kind());
            if (random.nextDouble() < 0.8) {
                for (int year : List.of(2020 + random.nextInt(7), 2020 + random.nextInt(7))) {
                    execute(duckdb, "INSERT INTO tenant_capacity SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM"
                            + " tenant_capacity WHERE tenant_id = ? AND year = ?)", partner.id(), year,
                            BigDecimal.valueOf(1_000 + random.nextInt(100_000)), partner.id(), year);
                }
            }
            if (random.nextDouble() < consentRate) {
                consented.add(partner.id());
                execute(duckdb, "INSERT INTO publication_consent VALUES (?, ?, TIMESTAMPTZ '2025-01-01 00:00:00+00')",
                        partner.id(), COORDINATOR);
            } else if (random.nextInt(4) == 0) {
                // consent to someone else: no concern of this coordinator
                execute(duckdb, "INSERT INTO publication_consent VALUES (?, ?, TIMESTAMPTZ '2025-01-01 00:00:00+00')",
                        partner.id(), partners.getFirst().id().equals(partner.id()) ? new UUID(7, 7)
                                : partners.getFirst().id());
            }
        }

        int workstreams = 3 + random.nextInt(4);
        List<UUID> leads = new ArrayList<>();
        List<Boolean> coordinatorIn = new ArrayList<>();
        for (int w = 0; w < workstreams; w++) {
            UUID lead = partners.get(random.nextInt(partners.size())).id();
            UUID id = new UUID(2, w + 1);
            boolean in = random.nextDouble() < 0.6;
            leads.add(lead);
            coordinatorIn.add(in);
            execute(duckdb, "INSERT INTO workstream VALUES (?, ?, 'INITIATIVE', 'ACTIVE', 'ALL_PARTNERS', NULL,"
                    + " DATE '2022-01-01', DATE '2026-12-31', TIMESTAMPTZ '2021-12-01 00:00:00+00')", lead, id);
            execute(duckdb, "INSERT INTO participation VALUES (?, ?, ?, 'LEAD', 'ACCEPTED')", lead, id, lead);
            if (in) {
                execute(duckdb, "INSERT INTO participation VALUES (?, ?, ?, 'OBSERVER', 'ACCEPTED')", lead, id,
                        COORDINATOR);
            }
        }

        List<Rec> records = new ArrayList<>();
        int contributions = 8 + random.nextInt(33);
        for (int c = 0; c < contributions; c++) {
            int w = random.nextInt(workstreams);
            boolean own = coordinatorIn.get(w) && random.nextInt(10) == 0;
            Partner contributor = own ? new Partner(COORDINATOR, "Coordinator", "ALLIANCE")
                    : partners.get(random.nextInt(partners.size()));
            long pledged = random.nextInt(8) == 0 ? 2_000 + random.nextInt(3_000) : 1 + random.nextInt(1_000);
            long delivered = random.nextInt(4) == 0 ? 0 : (long) (pledged * random.nextDouble());
            LocalDate pledgedOn = LocalDate.of(2022 + random.nextInt(3), 1 + random.nextInt(12), 1 + random.nextInt(28));
            LocalDate deliveredOn = delivered == 0 ? null : pledgedOn.plusDays(random.nextInt(200));
            String type = TYPES.get(random.nextInt(TYPES.size()));
            boolean released = random.nextDouble() < 0.6;
            boolean visible = coordinatorIn.get(w) && (own || released);
            execute(duckdb, "INSERT INTO contribution VALUES (?, ?, ?, ?, ?, 'EUR', ?, ?, ?, ?, ?)", leads.get(w),
                    new UUID(2, w + 1), new UUID(3, c + 1), contributor.id(), type, BigDecimal.valueOf(pledged),
                    BigDecimal.valueOf(delivered), pledgedOn, deliveredOn, released ? "ALL_PARTNERS" : "PRIVATE");
            LocalDate deliveryMonth = deliveredOn == null ? pledgedOn : deliveredOn;
            records.add(new Rec(contributor.id(), contributor.kind(), pledgedOn.getYear(), month(pledgedOn),
                    month(deliveryMonth), type, pledged, delivered, visible));
        }
        List<Partner> everyone = new ArrayList<>(partners);
        everyone.add(new Partner(COORDINATOR, "Coordinator", "ALLIANCE"));
        return new World(everyone, records, consented);
    }

    private static String month(LocalDate date) {
        return String.format("%04d-%02d", date.getYear(), date.getMonthValue());
    }

    private static void execute(Connection duckdb, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = duckdb.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
