package org.entente.analytics.engine.rollup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.entente.analytics.engine.AnalyticsFilter;
import org.entente.analytics.engine.AnalyticsReport;
import org.entente.analytics.engine.AnalyticsSettings;
import org.entente.analytics.engine.BurdenGuideline;
import org.entente.analytics.engine.ConsentOverride;
import org.entente.analytics.engine.ConsentingPartner;
import org.entente.analytics.engine.FilterOptions;
import org.entente.analytics.engine.Kpi;
import org.entente.analytics.engine.SqlScript;
import org.entente.analytics.engine.Viewer;
import org.entente.analytics.engine.Visibility;
import org.entente.analytics.engine.disclosure.Disclosure;
import org.entente.analytics.engine.disclosure.DisclosureControl;
import org.entente.analytics.engine.disclosure.DisclosureProblem;
import org.entente.analytics.engine.snapshot.SnapshotInfo;

/**
 * Computes the whole report on a JDBC connection to a DuckDB database holding the snapshot tables (schema.sql):
 * <ol>
 * <li>the TEMP tables {@code analysis_filter} (the filter, one row) and, through {@link Visibility},
 *     {@code analysis_viewer} and the {@code v_*} views;</li>
 * <li>{@code rollup/scope.sql}, the filtered scope every rollup reads, the organizations whose own figures the viewer
 *     may know ({@code analysis_consent}, changed here for a preview's {@link ConsentOverride}) and the capacities,
 *     then the nine rollup files ({@code burden-sharing, pledge-fulfilment, portfolio, rnd, engagements,
 *     collaboration-network, milestones, results, data-completeness}), each statement on a fresh JDBC statement; every
 *     query is a result set ("cube") whose rows are figures at some grouping level, with the facts disclosure control
 *     needs ({@code partners}, {@code top_*}, {@code hidden_records}, for the cubes decided by consent also those of
 *     the restricted part, {@code restricted_*}) and {@code releasability_rank};</li>
 * <li>one {@link DisclosureControl} decision over all cubes together (cells of different cubes that are the same
 *     figure are linked), then the tables and KPI tiles cut from the cubes, and the marking;</li>
 * <li>the burden figures ({@link BurdenFigures}): the guideline column, the ranked table, the capacity notes and the
 *     organizations published by their consent.</li>
 * </ol>
 * Tables: burden-ranking, burden-sharing, burden-by-kind, burden-sharing-by-year, pledge-fulfilment, overdue-pledges, portfolio,
 * portfolio-by-region, lead-kinds, rnd, engagements, engagement-vetting, expiring-agreements, collaboration-network,
 * partner-links, partner-degree, milestones, milestones-by-lead, results, results-by-region, results-by-lead,
 * recommendations, recommendations-by-lead, data-completeness.
 * <p>
 * Not thread-safe per connection (the TEMP objects belong to it); use one connection per concurrent report.
 */
public final class RollupSuite {

    private static final List<String> SCOPE = SqlScript.load(Rollups.SCOPE);
    private static final Map<String, List<String>> STATEMENTS = new LinkedHashMap<>();
    private static final String[] MARKINGS = {null, "ALL_PARTNERS", "PARTICIPANTS", "REL_TO", "PRIVATE"};

    static {
        for (Rollups.File file : Rollups.FILES) {
            STATEMENTS.put(file.resource(), SqlScript.load(file.resource()));
        }
    }

    private final DisclosureControl control;

    public RollupSuite(AnalyticsSettings settings) {
        this.control = new DisclosureControl(settings.minimumPartners(), settings.dominanceLimit());
    }

    /**
     * The report for {@code viewer}, cut by {@code filter}.
     *
     * @param snapshot what the connection holds; only carried into the report
     * @throws org.entente.analytics.engine.InvalidFilterException for a filter out of range or with unknown values
     */
    public AnalyticsReport run(Connection duckdb, SnapshotInfo snapshot, Viewer viewer, AnalyticsFilter filter)
            throws SQLException {
        return run(duckdb, snapshot, viewer, filter, BurdenGuideline.none(), null);
    }

    /**
     * The report for {@code viewer}, cut by {@code filter}, with the burden figures measured against
     * {@code guideline}; {@code override} (null = none) changes one partner's consent to the viewer, for a preview.
     */
    public AnalyticsReport run(Connection duckdb, SnapshotInfo snapshot, Viewer viewer, AnalyticsFilter filter,
            BurdenGuideline guideline, ConsentOverride override) throws SQLException {
        return run(duckdb, snapshot, viewer, filter, guideline, override, Locale.UK);
    }

    /**
     * As {@link #run(Connection, SnapshotInfo, Viewer, AnalyticsFilter, BurdenGuideline, ConsentOverride)}, with the
     * texts people read (titles, questions, headings, KPI labels, notes) in {@code locale}'s language. The figures and
     * the cells' values (codes, names, "Total") are the same in every language.
     */
    public AnalyticsReport run(Connection duckdb, SnapshotInfo snapshot, Viewer viewer, AnalyticsFilter filter,
            BurdenGuideline guideline, ConsentOverride override, Locale locale) throws SQLException {
        Objects.requireNonNull(viewer, "viewer");
        AnalyticsFilter cut = filter == null ? AnalyticsFilter.everything() : filter;
        BurdenGuideline target = guideline == null ? BurdenGuideline.none() : guideline;
        cut.validate(filterOptions(duckdb));

        Map<String, Cube> cubes = new LinkedHashMap<>();
        Set<UUID> consented;
        List<String> notes;
        try {
            createFilter(duckdb, cut);
            Visibility.apply(duckdb, viewer);
            SqlScript.execute(duckdb, SCOPE);
            consented = consent(duckdb, viewer, override);
            for (Rollups.File file : Rollups.FILES) {
                int next = 0;
                for (String sql : STATEMENTS.get(file.resource())) {
                    if (isQuery(sql)) {
                        CubeSpec spec = file.cubes().get(next++);
                        cubes.put(spec.name(), read(duckdb, spec, sql));
                    } else {
                        SqlScript.execute(duckdb, List.of(sql));
                    }
                }
                if (next != file.cubes().size()) {
                    throw new IllegalStateException(file.resource() + " returned " + next + " result sets, expected "
                            + file.cubes().size());
                }
            }
            notes = BurdenFigures.capacityNotes(duckdb, cubes.get(Rollups.BURDEN_SHARING), locale);
        } finally {
            dropScope(duckdb);
        }

        Cube burden = cubes.get(Rollups.BURDEN_SHARING);
        Double allYearsTarget = BurdenFigures.markGuideline(burden, target);

        DisclosureProblem problem = new DisclosureProblem();
        for (Cube cube : cubes.values()) {
            cube.addTo(problem);
        }
        for (Rollups.Link link : Rollups.LINKS) {
            Cube from = cubes.get(link.from());
            Cube to = cubes.get(link.to());
            for (Cube.CubeRow row : from.rows) {
                List<Object> at = link.map().apply(row.coordinates);
                Integer other = at == null ? null : to.rowAt.get(at);
                if (other != null) {
                    problem.link(row.cell, to.rows.get(other).cell);
                }
            }
        }
        Disclosure disclosure = control.protect(problem);

        int[] marking = {0};
        List<RollupTable> tables = new ArrayList<>();
        for (Cube cube : cubes.values()) {
            cube.decide(disclosure);
        }
        tables.add(BurdenFigures.ranking(burden, cut, allYearsTarget, marking, locale));
        for (Cube cube : cubes.values()) {
            for (CubeSpec.View view : cube.spec.views()) {
                tables.add(Wording.table(cube.table(view, marking), locale));
            }
        }
        List<Kpi> kpis = new ArrayList<>();
        for (Rollups.KpiSpec kpi : Rollups.KPIS) {
            kpis.add(Wording.kpi(cubes.get(kpi.cube()).kpi(kpi, marking), locale));
        }
        List<ConsentingPartner> byConsent = viewer.federation()
                ? BurdenFigures.publishedByConsent(burden, cubes.get("partner-degree"),
                        Rollups.BY_LEAD.stream().map(cubes::get).toList(), consented, viewer.tenantId()) : List.of();
        return new AnalyticsReport(snapshot, viewer, cut, kpis, tables, MARKINGS[marking[0]], target, byConsent, notes);
    }

    /**
     * The organizations whose own figures the viewer may know (analysis_consent, made by scope.sql), after the
     * preview's {@code override} if any: the grantor is added or removed for this run only. The viewer's own
     * organization always stays.
     */
    private static Set<UUID> consent(Connection duckdb, Viewer viewer, ConsentOverride override) throws SQLException {
        if (override != null && !override.grantor().equals(viewer.tenantId())) {
            try (PreparedStatement remove = duckdb.prepareStatement("DELETE FROM analysis_consent WHERE tenant_id = ?")) {
                remove.setObject(1, override.grantor());
                remove.executeUpdate();
            }
            if (override.granted()) {
                try (PreparedStatement add = duckdb.prepareStatement("INSERT INTO analysis_consent VALUES (?)")) {
                    add.setObject(1, override.grantor());
                    add.executeUpdate();
                }
            }
        }
        Set<UUID> consented = new HashSet<>();
        try (Statement statement = duckdb.createStatement();
             ResultSet rs = statement.executeQuery("SELECT tenant_id FROM analysis_consent")) {
            while (rs.next()) {
                consented.add(rs.getObject(1, UUID.class));
            }
        }
        return consented;
    }

    /** A script the suite runs: its resource, its statements, and the cube names of its queries in order. */
    public record Script(String resource, List<String> statements, List<String> resultSets) {
    }

    /**
     * The SQL {@link #run} executes once {@code analysis_filter} and {@code analysis_viewer} exist, in its order:
     * visibility.sql, scope.sql, then the rollup files. So that another engine can run exactly the same statements
     * (the analytics-spark module compares Spark's result sets with DuckDB's).
     */
    public static List<Script> scripts() {
        List<Script> scripts = new ArrayList<>();
        scripts.add(new Script(Visibility.RESOURCE, SqlScript.load(Visibility.RESOURCE), List.of()));
        scripts.add(new Script(Rollups.SCOPE, SCOPE, List.of()));
        for (Rollups.File file : Rollups.FILES) {
            scripts.add(new Script(file.resource(), STATEMENTS.get(file.resource()),
                    file.cubes().stream().map(CubeSpec::name).toList()));
        }
        return List.copyOf(scripts);
    }

    /** The years, regions and kinds in the snapshot (read from its tables, whoever asks). */
    public static FilterOptions filterOptions(Connection duckdb) throws SQLException {
        int first;
        int last;
        try (Statement statement = duckdb.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT MIN(y), MAX(y), (SELECT MAX(EXTRACT(YEAR FROM as_of_date)) FROM snapshot_info)
                       FROM (SELECT EXTRACT(YEAR FROM pledged_on) AS y FROM contribution
                             UNION ALL SELECT EXTRACT(YEAR FROM start_date) FROM workstream
                             UNION ALL SELECT EXTRACT(YEAR FROM end_date) FROM workstream
                             UNION ALL SELECT EXTRACT(YEAR FROM planned_date) FROM milestone) years
                      WHERE y BETWEEN 2000 AND 2100""")) {
            rs.next();
            int fallback = rs.getObject(3) == null ? java.time.Year.now().getValue() : rs.getInt(3);
            first = rs.getObject(1) == null ? fallback : rs.getInt(1);
            last = rs.getObject(2) == null ? fallback : rs.getInt(2);
        }
        List<String> regions = strings(duckdb,
                "SELECT DISTINCT region FROM workstream WHERE region IS NOT NULL ORDER BY region");
        Set<String> partnerKinds = new HashSet<>(strings(duckdb, "SELECT DISTINCT kind FROM tenant"));
        Set<String> workstreamKinds = new HashSet<>(strings(duckdb, "SELECT DISTINCT kind FROM workstream"));
        return new FilterOptions(Math.max(AnalyticsFilter.FIRST_YEAR, Math.min(first, last)),
                Math.min(AnalyticsFilter.LAST_YEAR, Math.max(first, last)), regions,
                AnalyticsFilter.PARTNER_KINDS.stream().filter(partnerKinds::contains).toList(),
                AnalyticsFilter.WORKSTREAM_KINDS.stream().filter(workstreamKinds::contains).toList());
    }

    private static List<String> strings(Connection duckdb, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = duckdb.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /** Creates {@code analysis_filter}, the one-row table the rollup files read the filter from. */
    public static void createFilter(Connection duckdb, AnalyticsFilter filter) throws SQLException {
        try (Statement statement = duckdb.createStatement()) {
            statement.execute("CREATE OR REPLACE TEMP TABLE analysis_filter (year_from INTEGER, year_to INTEGER,"
                    + " region VARCHAR, partner_kind VARCHAR, workstream_kind VARCHAR)");
        }
        try (PreparedStatement insert = duckdb.prepareStatement("INSERT INTO analysis_filter VALUES (?, ?, ?, ?, ?)")) {
            setInteger(insert, 1, filter.yearFrom());
            setInteger(insert, 2, filter.yearTo());
            setText(insert, 3, filter.region());
            setText(insert, 4, filter.partnerKind());
            setText(insert, 5, filter.workstreamKind());
            insert.executeUpdate();
        }
    }

    private static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    private static void setText(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    private static void dropScope(Connection duckdb) {
        for (String table : Rollups.SCOPE_TABLES) {
            try (Statement statement = duckdb.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS " + table);
            } catch (SQLException e) {
                // The connection is gone or broken; its TEMP tables go with it.
            }
        }
    }

    private static boolean isQuery(String sql) {
        String head = sql.stripLeading().toUpperCase(Locale.ROOT);
        return head.startsWith("SELECT") || head.startsWith("WITH");
    }

    private static Cube read(Connection duckdb, CubeSpec spec, String sql) throws SQLException {
        Cube cube = new Cube(spec);
        try (Statement statement = duckdb.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                cube.add(rs);
            }
        } catch (SQLException e) {
            throw new SQLException("Rollup " + spec.name() + " failed: " + e.getMessage(), e.getSQLState(), e);
        }
        return cube;
    }
}
