package org.entente.analytics.engine.rollup;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.entente.analytics.engine.AnalyticsFilter;
import org.entente.analytics.engine.AnalyticsReport;
import org.entente.analytics.engine.AnalyticsSettings;
import org.entente.analytics.engine.BurdenGuideline;
import org.entente.analytics.engine.ConsentOverride;
import org.entente.analytics.engine.FilterOptions;
import org.entente.analytics.engine.Kpi;
import org.entente.analytics.engine.SqlScript;
import org.entente.analytics.engine.Viewer;
import org.entente.analytics.engine.Visibility;
import org.entente.analytics.engine.disclosure.CellFacts;
import org.entente.analytics.engine.disclosure.Disclosure;
import org.entente.analytics.engine.disclosure.DisclosureControl;
import org.entente.analytics.engine.disclosure.DisclosureCube;
import org.entente.analytics.engine.disclosure.DisclosureProblem;
import org.entente.analytics.engine.disclosure.SuppressionReason;
import org.entente.analytics.engine.snapshot.SnapshotInfo;

/**
 * Computes the whole report on a JDBC connection to a DuckDB database holding the snapshot tables (schema.sql):
 * <ol>
 * <li>the TEMP tables {@code analysis_filter} (the filter, one row) and, through {@link Visibility},
 *     {@code analysis_viewer} and the {@code v_*} views;</li>
 * <li>{@code rollup/scope.sql}, the filtered scope every rollup reads, then the eight rollup files
 *     ({@code burden-sharing, pledge-fulfilment, portfolio, rnd, engagements, collaboration-network, milestones,
 *     data-completeness}), each statement on a fresh JDBC statement; every query is a result set ("cube") whose
 *     rows are figures at some grouping level, with the facts disclosure control needs ({@code partners},
 *     {@code top_*}, {@code hidden_records}) and {@code releasability_rank};</li>
 * <li>one {@link DisclosureControl} decision over all cubes together (cells of different cubes that are the same
 *     figure are linked), then the tables and KPI tiles cut from the cubes, and the marking.</li>
 * </ol>
 * Tables: burden-sharing, burden-sharing-by-year, pledge-fulfilment, overdue-pledges, portfolio,
 * portfolio-by-region, lead-kinds, rnd, engagements, engagement-vetting, expiring-agreements, collaboration-network,
 * partner-links, partner-degree, milestones, milestones-by-lead, data-completeness.
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
        // TODO(issue 16, engine): consent, capacity by year, guideline, remainder rows.
        Objects.requireNonNull(viewer, "viewer");
        AnalyticsFilter cut = filter == null ? AnalyticsFilter.everything() : filter;
        cut.validate(filterOptions(duckdb));

        Map<String, Cube> cubes = new LinkedHashMap<>();
        try {
            createFilter(duckdb, cut);
            Visibility.apply(duckdb, viewer);
            SqlScript.execute(duckdb, SCOPE);
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
        } finally {
            dropScope(duckdb);
        }

        DisclosureProblem problem = new DisclosureProblem();
        for (Cube cube : cubes.values()) {
            cube.addTo(problem);
        }
        for (Rollups.Link link : Rollups.LINKS) {
            Cube from = cubes.get(link.from());
            Cube to = cubes.get(link.to());
            for (CubeRow row : from.rows) {
                List<Object> target = link.map().apply(row.coordinates);
                Integer other = target == null ? null : to.rowAt.get(target);
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
            for (CubeSpec.View view : cube.spec.views()) {
                tables.add(cube.table(view, marking));
            }
        }
        List<Kpi> kpis = new ArrayList<>();
        for (Rollups.KpiSpec kpi : Rollups.KPIS) {
            kpis.add(cubes.get(kpi.cube()).kpi(kpi, marking));
        }
        return new AnalyticsReport(snapshot, viewer, cut, kpis, tables, MARKINGS[marking[0]]);
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

    /** One figure of a cube: a result row. */
    private static final class CubeRow {
        final List<Object> coordinates;
        final Map<String, Object> values;
        final CellFacts facts;
        final int rank;
        int cell;

        CubeRow(List<Object> coordinates, Map<String, Object> values, CellFacts facts, int rank) {
            this.coordinates = coordinates;
            this.values = values;
            this.facts = facts;
            this.rank = rank;
        }
    }

    /** A cube's rows, their disclosure decisions, and the tables cut from them. */
    private static final class Cube {
        final CubeSpec spec;
        final List<CubeRow> rows = new ArrayList<>();
        final Map<List<Object>, Integer> rowAt = new HashMap<>();
        final Map<String, Column> columns = new HashMap<>();
        SuppressionReason[] reasons;
        /** Per derived column: per row the reason it is withheld although its row is published. */
        final Map<String, SuppressionReason[]> derivedReasons = new HashMap<>();

        Cube(CubeSpec spec) {
            this.spec = spec;
            spec.attributes().forEach(c -> columns.put(c.id(), c));
            spec.measures().forEach(c -> columns.put(c.id(), c));
        }

        void add(ResultSet rs) throws SQLException {
            List<Object> coordinates = new ArrayList<>(spec.dims().size());
            Map<String, Object> values = new HashMap<>();
            for (CubeSpec.Dim dim : spec.dims()) {
                boolean total = rs.getLong(dim.column() + "_is_total") != 0;
                Object value = rs.getObject(dim.column());
                values.put(dim.column(), value);
                if (total) {
                    coordinates.add(DisclosureCube.TOTAL);
                } else if (dim.keyColumns().isEmpty()) {
                    coordinates.add(value);
                } else {
                    List<Object> key = new ArrayList<>();
                    for (String column : dim.keyColumns()) {
                        key.add(rs.getObject(column));
                    }
                    coordinates.add(key);
                }
            }
            for (Column column : columns.values()) {
                values.put(column.id(), convert(rs.getObject(column.id()), column.kind()));
            }
            long partners = rs.getLong("partners");
            values.put("partners", partners);
            double share = 0;
            double order = 0;
            for (int i = 0; i < spec.dominance().size(); i++) {
                CubeSpec.Dominance pair = spec.dominance().get(i);
                double value = number(rs.getObject(pair.valueColumn()));
                if (i == 0) {
                    order = value;
                }
                share = Math.max(share, CellFacts.share(number(rs.getObject(pair.topColumn())), value));
            }
            boolean fullyVisible = rs.getLong("hidden_records") == 0;
            int rank = rs.getInt("releasability_rank");
            List<Object> key = java.util.Collections.unmodifiableList(coordinates);
            if (rowAt.putIfAbsent(key, rows.size()) != null) {
                throw new IllegalStateException("Rollup " + spec.name() + " returned two rows for " + coordinates);
            }
            rows.add(new CubeRow(key, values, new CellFacts(order, partners, share, fullyVisible),
                    Math.max(0, Math.min(4, rank))));
        }

        void addTo(DisclosureProblem problem) {
            DisclosureCube cube = problem.cube(spec.dims().size());
            for (CubeRow row : rows) {
                row.cell = cube.add(row.coordinates, row.facts);
            }
        }

        void decide(Disclosure disclosure) {
            reasons = new SuppressionReason[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                reasons[i] = disclosure.reason(rows.get(i).cell);
            }
            for (CubeSpec.Derived derived : spec.derived()) {
                SuppressionReason[] withheld = new SuppressionReason[rows.size()];
                switch (derived) {
                    case CubeSpec.ShareOfTotal share -> {
                        List<Integer> dims = dimIndexes(share.totalOver());
                        for (int i = 0; i < rows.size(); i++) {
                            List<Object> at = new ArrayList<>(rows.get(i).coordinates);
                            dims.forEach(d -> at.set(d, DisclosureCube.TOTAL));
                            Integer total = rowAt.get(at);
                            if (total != null && reasons[total] != null) {
                                withheld[i] = SuppressionReason.PROTECTS_ANOTHER_CELL;
                            }
                        }
                    }
                    case CubeSpec.Cumulative cumulative -> {
                        // Rows come in the order of the running sum (the SQL sorts by the dimension).
                        int along = dimIndexes(List.of(cumulative.along())).getFirst();
                        Set<List<Object>> broken = new HashSet<>();
                        for (int i = 0; i < rows.size(); i++) {
                            List<Object> coordinates = rows.get(i).coordinates;
                            if (coordinates.get(along) == DisclosureCube.TOTAL) {
                                continue;
                            }
                            List<Object> series = new ArrayList<>(coordinates);
                            series.set(along, null);
                            if (reasons[i] != null) {
                                broken.add(series);
                            } else if (broken.contains(series)) {
                                withheld[i] = SuppressionReason.PROTECTS_ANOTHER_CELL;
                            }
                        }
                    }
                }
                for (String column : derived.columns()) {
                    derivedReasons.put(column, withheld);
                }
            }
        }

        RollupTable table(CubeSpec.View view, int[] marking) {
            Set<Integer> shown = new TreeSet<>();
            for (int d = 0; d < spec.dims().size(); d++) {
                if (view.columns().contains(spec.dims().get(d).column())) {
                    shown.add(d);
                }
            }
            List<Integer> notTotal = dimIndexes(List.copyOf(view.notTotal()));
            List<Column> tableColumns = new ArrayList<>();
            for (String id : view.columns()) {
                tableColumns.add(column(id));
            }
            List<Row> tableRows = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                CubeRow row = rows.get(i);
                if (!inView(row.coordinates, shown, notTotal)) {
                    continue;
                }
                boolean total = shown.stream().anyMatch(d -> row.coordinates.get(d) == DisclosureCube.TOTAL);
                if (view.omitSuppressedDetail() && !total && reasons[i] != null) {
                    continue;
                }
                List<Cell> cells = new ArrayList<>(view.columns().size());
                for (String id : view.columns()) {
                    cells.add(cell(i, id));
                }
                tableRows.add(new Row(cells, total));
                publish(i, marking);
            }
            return new RollupTable(view.id(), view.title(), view.question(), tableColumns, tableRows, view.chart());
        }

        Kpi kpi(Rollups.KpiSpec kpi, int[] marking) {
            List<Object> at = new ArrayList<>();
            for (CubeSpec.Dim dim : spec.dims()) {
                at.add(kpi.at().getOrDefault(dim.column(), DisclosureCube.TOTAL));
            }
            Integer row = rowAt.get(at);
            if (row == null) {
                return new Kpi(kpi.id(), kpi.label(), kpi.kind(), Cell.of(kpi.whenEmpty()));
            }
            publish(row, marking);
            Cell value = reasons[row] != null ? Cell.suppressed(reasons[row])
                    : Cell.of(convert(rows.get(row).values.get(kpi.column()), kpi.kind()));
            return new Kpi(kpi.id(), kpi.label(), kpi.kind(), value);
        }

        private void publish(int row, int[] marking) {
            if (reasons[row] == null && !rows.get(row).facts.isEmpty()) {
                marking[0] = Math.max(marking[0], rows.get(row).rank);
            }
        }

        private Cell cell(int row, String id) {
            CubeRow r = rows.get(row);
            for (int d = 0; d < spec.dims().size(); d++) {
                CubeSpec.Dim dim = spec.dims().get(d);
                if (dim.column().equals(id)) {
                    return Cell.of(r.coordinates.get(d) == DisclosureCube.TOTAL
                            ? RollupTable.TOTAL : dim.display().apply(r.values.get(id)));
                }
            }
            Column column = columns.get(id);
            if (spec.attributes().contains(column)) {
                return Cell.of(r.values.get(id));
            }
            if (reasons[row] != null) {
                return Cell.suppressed(reasons[row]);
            }
            SuppressionReason[] derived = derivedReasons.get(id);
            if (derived != null && derived[row] != null) {
                return Cell.suppressed(derived[row]);
            }
            return Cell.of(r.values.get(id));
        }

        private Column column(String id) {
            for (CubeSpec.Dim dim : spec.dims()) {
                if (dim.column().equals(id)) {
                    return new Column(id, dim.label(), Column.Kind.TEXT);
                }
            }
            Column column = columns.get(id);
            if (column == null) {
                throw new IllegalStateException("cube " + spec.name() + " has no column " + id);
            }
            return column;
        }

        private static boolean inView(List<Object> coordinates, Set<Integer> shown, List<Integer> notTotal) {
            for (int d = 0; d < coordinates.size(); d++) {
                boolean total = coordinates.get(d) == DisclosureCube.TOTAL;
                if (!shown.contains(d) && !total) {
                    return false;
                }
                if (total && notTotal.contains(d)) {
                    return false;
                }
            }
            return true;
        }

        private List<Integer> dimIndexes(List<String> names) {
            List<Integer> indexes = new ArrayList<>();
            for (String name : names) {
                int index = -1;
                for (int d = 0; d < spec.dims().size(); d++) {
                    if (spec.dims().get(d).column().equals(name)) {
                        index = d;
                    }
                }
                if (index < 0) {
                    throw new IllegalStateException("cube " + spec.name() + " has no dimension " + name);
                }
                indexes.add(index);
            }
            return indexes;
        }
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : 0;
    }

    private static Object convert(Object value, Column.Kind kind) {
        if (value == null) {
            return null;
        }
        return switch (kind) {
            case TEXT -> value.toString();
            case MONEY_EUR -> (value instanceof BigDecimal d ? d : new BigDecimal(value.toString()))
                    .setScale(2, RoundingMode.HALF_UP);
            case COUNT -> ((Number) value).longValue();
            case PERCENT, RATIO, NUMBER -> ((Number) value).doubleValue();
        };
    }
}
