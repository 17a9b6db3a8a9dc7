package org.entente.analytics.engine.rollup;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.entente.analytics.engine.AnalyticsFilter;
import org.entente.analytics.engine.BurdenGuideline;
import org.entente.analytics.engine.ConsentingPartner;
import org.entente.analytics.engine.EngineTexts;
import org.entente.analytics.engine.disclosure.DisclosureCube;
import org.entente.analytics.engine.disclosure.SuppressionReason;

/**
 * What the burden-sharing cube gives beyond its tables: the guideline column, the ranked table
 * {@value #RANKING} with its rest row, the capacity notes, and the organizations whose own figures are published by
 * their consent.
 */
final class BurdenFigures {

    /** The ranked table's id. */
    static final String RANKING = "burden-ranking";
    /** How many partners the ranking names before its rest row. */
    static final int TOP = 25;
    /** The partner kind ranked when the filter names none: states with states (a GDP is no NGO's budget). */
    static final String DEFAULT_KIND = "STATE";
    /** "Above" / "Below" the guideline's target intensity (at or above counts as above); empty without either. */
    static final Column GUIDELINE = new Column("guideline", "Guideline", Column.Kind.TEXT);
    static final String ABOVE = "Above";
    static final String BELOW = "Below";

    private static final List<String> RANKING_COLUMNS = List.of("partner", "delivered_eur", "capacity_eur", "intensity",
            "share_of_delivered", "fair_share", "burden_ratio", GUIDELINE.id());
    private static final List<String> SHARES = List.of("share_of_delivered", "fair_share", "burden_ratio");
    private static final Object T = DisclosureCube.TOTAL;

    private BurdenFigures() {
    }

    /**
     * Fills the guideline column of every row: a year's row against that year's target, an all-years row against
     * the all-years target, the mean of the targets of the years with pledges in scope that have one.
     *
     * @return the all-years target, or null when no year in scope has one
     */
    static Double markGuideline(Cube burden, BurdenGuideline guideline) {
        int kind = burden.dim("partner_kind");
        int partner = burden.dim("partner");
        int year = burden.dim("pledged_year");
        OptionalDouble mean = burden.rows.stream()
                .filter(r -> r.coordinates.get(kind) == T && r.coordinates.get(partner) == T
                        && r.coordinates.get(year) != T)
                .map(r -> guideline.targetFor(((Number) r.coordinates.get(year)).intValue()))
                .filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble)
                .average();
        Double allYears = mean.isPresent() ? mean.getAsDouble() : null;
        for (Cube.CubeRow row : burden.rows) {
            Object at = row.coordinates.get(year);
            Double target = at == T ? allYears : targetFor(guideline, ((Number) at).intValue());
            row.values.put(GUIDELINE.id(), against(row.value("intensity"), target));
        }
        return allYears;
    }

    private static Double targetFor(BurdenGuideline guideline, int year) {
        OptionalDouble target = guideline.targetFor(year);
        return target.isPresent() ? target.getAsDouble() : null;
    }

    private static String against(Object intensity, Double target) {
        if (!(intensity instanceof Number value) || target == null) {
            return null;
        }
        return value.doubleValue() >= target ? ABOVE : BELOW;
    }

    /**
     * The ranked table: the partners of one kind (the filter's, else {@value #DEFAULT_KIND}) that have a row of their
     * own, over all years, by intensity (largest first; those without one last, by name), the first {@value #TOP},
     * then one total-like row for everyone else of the kind: the kind's total minus the named rows above.
     * <p>
     * The rest row adds up the remaining named partners, whose figures are published, and the kind's "Other partners"
     * row: it is withheld exactly when that row is (else it would give it away). Its shares divide by the kind's total
     * and are withheld with it.
     */
    static RollupTable ranking(Cube burden, AnalyticsFilter filter, Double target, int[] marking, Locale locale) {
        String kind = filter.partnerKind() != null ? filter.partnerKind() : DEFAULT_KIND;
        int kindDim = burden.dim("partner_kind");
        int partnerDim = burden.dim("partner");
        int yearDim = burden.dim("pledged_year");
        List<Integer> named = new ArrayList<>();
        for (int i = 0; i < burden.rows.size(); i++) {
            List<Object> at = burden.rows.get(i).coordinates;
            if (kind.equals(at.get(kindDim)) && at.get(yearDim) == T && at.get(partnerDim) instanceof List<?> key
                    && key.getFirst() != null) {
                named.add(i);
            }
        }
        named.sort(Comparator.comparing((Integer i) -> rankedIntensity(burden, i), Comparator.reverseOrder())
                .thenComparing(i -> String.valueOf(burden.rows.get(i).value("partner"))));
        List<Row> rows = new ArrayList<>();
        List<Integer> top = named.subList(0, Math.min(TOP, named.size()));
        for (int i : top) {
            rows.add(new Row(burden.cells(i, RANKING_COLUMNS), false));
            burden.publish(i, marking);
        }
        Row rest = rest(burden, kind, top, target);
        if (rest != null) {
            rows.add(rest);
        }
        List<Column> columns = RANKING_COLUMNS.stream()
                .map(id -> new Column(id, Wording.column(RANKING, burden.column(id), locale), burden.column(id).kind()))
                .toList();
        String label = target == null ? null
                : EngineTexts.text(locale, "ranking.guidelineLine", CellText.percent(target, locale));
        return new RollupTable(RANKING, EngineTexts.text(locale, "ranking.title", CellText.label(kind, locale)),
                EngineTexts.text(locale, "ranking.question"), columns, rows,
                new Chart(Chart.Type.RANKED_BAR, "partner", null, List.of("intensity"), target, label));
    }

    /** A row's intensity for the ranking: withheld or missing ranks below every figure. */
    private static double rankedIntensity(Cube burden, int row) {
        Cell cell = burden.cell(row, "intensity");
        return !cell.isSuppressed() && cell.value() instanceof Number n ? n.doubleValue() : Double.NEGATIVE_INFINITY;
    }

    /** The ranking's last row, or null when the top rows are the whole kind. */
    private static Row rest(Cube burden, String kind, List<Integer> top, Double target) {
        Integer total = burden.rowAt.get(at(kind, T, T));
        if (total == null) {
            return null;
        }
        Integer others = burden.rowAt.get(at(kind, Collections.singletonList(null), T));
        Cube.CubeRow all = burden.rows.get(total);
        long partners = all.partners - top.size();
        if (partners <= 0) {
            return null;
        }
        BigDecimal delivered = money(all.value("delivered_eur"));
        BigDecimal capacity = money(all.value("capacity_eur"));
        BigDecimal measured = money(all.value("measured_delivered_eur"));
        for (int i : top) {
            Cube.CubeRow row = burden.rows.get(i);
            delivered = delivered.subtract(money(row.value("delivered_eur")));
            capacity = capacity.subtract(money(row.value("capacity_eur")));
            measured = measured.subtract(money(row.value("measured_delivered_eur")));
        }
        boolean hasCapacity = capacity.signum() > 0;
        Double intensity = hasCapacity ? measured.doubleValue() / capacity.doubleValue() : null;
        double groupDelivered = Cube.number(all.value("delivered_eur"));
        double groupCapacity = Cube.number(all.value("capacity_eur"));
        Double share = groupDelivered > 0 ? delivered.doubleValue() / groupDelivered : null;
        Double fair = hasCapacity && groupCapacity > 0 ? capacity.doubleValue() / groupCapacity : null;
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("delivered_eur", delivered);
        values.put("capacity_eur", hasCapacity ? capacity : null);
        values.put("intensity", intensity);
        values.put("share_of_delivered", share);
        values.put("fair_share", fair);
        values.put("burden_ratio", share != null && fair != null && fair > 0 ? share / fair : null);
        values.put(GUIDELINE.id(), against(intensity, target));

        SuppressionReason withheld = others == null ? null : burden.reasons[others];
        SuppressionReason shares = burden.reasons[total] != null ? SuppressionReason.PROTECTS_ANOTHER_CELL : null;
        List<Cell> cells = new ArrayList<>();
        cells.add(Cell.of(RollupTable.otherPartners(partners)));
        for (String id : RANKING_COLUMNS.subList(1, RANKING_COLUMNS.size())) {
            SuppressionReason reason = withheld != null ? withheld : SHARES.contains(id) ? shares : null;
            cells.add(reason != null ? Cell.suppressed(reason) : Cell.of(values.get(id)));
        }
        return new Row(cells, true);
    }

    private static BigDecimal money(Object value) {
        return value instanceof BigDecimal amount ? amount : BigDecimal.ZERO;
    }

    private static List<Object> at(Object... coordinates) {
        return Arrays.asList(coordinates);
    }

    /**
     * The organizations whose own figures the report publishes only thanks to their consent: a published partner row
     * of one that consented to the viewer's organization, with records the viewer may not see. By name.
     *
     * @param byLead cubes whose dimension {@code lead} (keyed by lead_id) names the lead behind the figures (the results
     *               rollup: an indicator's status and an assessment's recommendations are their lead's own figures)
     */
    static List<ConsentingPartner> publishedByConsent(Cube burden, Cube degree, List<Cube> byLead, Set<UUID> consented,
            UUID viewer) {
        Map<UUID, String> partners = new TreeMap<>();
        addPublishedByConsent(burden, "partner", burden.dim("pledged_year"), consented, viewer, partners);
        // A partner's participation counts (partner-degree, no year) are its own figures too.
        if (degree != null) {
            addPublishedByConsent(degree, "partner", -1, consented, viewer, partners);
        }
        // So are a lead's indicator statuses and recommendations: any published row of its own (every other
        // dimension's rows are parts of its total row, which is published whenever one of them is).
        for (Cube cube : byLead) {
            if (cube != null) {
                addPublishedByConsent(cube, "lead", -1, consented, viewer, partners);
            }
        }
        return partners.entrySet().stream().map(p -> new ConsentingPartner(p.getKey(), p.getValue()))
                .sorted(Comparator.comparing(ConsentingPartner::name).thenComparing(ConsentingPartner::tenantId))
                .toList();
    }

    /**
     * The consenting partners with a published row of their own (over all years) that holds records the viewer may not
     * see: published only thanks to their consent. {@code partnerDim}: the dimension keyed by the partner's id.
     */
    private static void addPublishedByConsent(Cube cube, String partnerDim, int yearDim, Set<UUID> consented,
            UUID viewer, Map<UUID, String> partners) {
        int partnerIndex = cube.dim(partnerDim);
        for (int i = 0; i < cube.rows.size(); i++) {
            Cube.CubeRow row = cube.rows.get(i);
            boolean allYears = yearDim < 0 || row.coordinates.get(yearDim) == T;
            if (allYears && row.coordinates.get(partnerIndex) instanceof List<?> key && key.getFirst() instanceof UUID id
                    && !id.equals(viewer) && consented.contains(id)
                    && ((Number) row.value("hidden_records")).longValue() > 0 && cube.reasons[i] == null) {
                partners.put(id, String.valueOf(row.value(partnerDim)));
            }
        }
    }

    /**
     * What the reader must know about the capacities behind the burden figures: every partner with a row of its own
     * whose capacity is taken from another year ("Capacity of Kenya for 2026 is the 2025 figure.") or that has none,
     * and how many of the partners collapsed into "Other partners" are in either case (not named: the viewer may not
     * know that they contributed). Reads scope_capacity and scope_contribution, before they are dropped.
     */
    static List<String> capacityNotes(Connection duckdb, Cube burden, Locale locale) throws SQLException {
        int partnerDim = burden.dim("partner");
        Set<UUID> named = new HashSet<>();
        for (Cube.CubeRow row : burden.rows) {
            if (row.coordinates.get(partnerDim) instanceof List<?> key && key.getFirst() instanceof UUID id) {
                named.add(id);
            }
        }
        // partner name -> figure year -> the pledge years it stands in for
        Map<String, Map<Integer, Set<Integer>>> fallbacks = new TreeMap<>();
        Set<UUID> othersWithFallback = new HashSet<>();
        try (Statement statement = duckdb.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT s.partner_id, t.name, s.year, s.capacity_year
                       FROM scope_capacity s
                       JOIN tenant t ON t.id = s.partner_id
                      WHERE s.capacity_year <> s.year""")) {
            while (rs.next()) {
                UUID id = rs.getObject(1, UUID.class);
                if (named.contains(id)) {
                    fallbacks.computeIfAbsent(rs.getString(2) + "\u0000" + id, n -> new TreeMap<>())
                            .computeIfAbsent(rs.getInt(4), y -> new TreeSet<>()).add(rs.getInt(3));
                } else {
                    othersWithFallback.add(id);
                }
            }
        }
        Set<String> withoutCapacity = new TreeSet<>();
        Set<UUID> othersWithout = new HashSet<>();
        try (Statement statement = duckdb.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT DISTINCT c.partner_id, c.partner_name
                       FROM scope_contribution c
                      WHERE NOT EXISTS (SELECT 1 FROM scope_capacity s WHERE s.partner_id = c.partner_id)""")) {
            while (rs.next()) {
                UUID id = rs.getObject(1, UUID.class);
                if (named.contains(id)) {
                    withoutCapacity.add(rs.getString(2));
                } else {
                    othersWithout.add(id);
                }
            }
        }
        List<String> notes = new ArrayList<>();
        fallbacks.forEach((key, byFigureYear) -> {
            String name = key.substring(0, key.indexOf('\u0000'));
            byFigureYear.forEach((figureYear, years) -> notes.add(EngineTexts.text(locale, "note.capacityFromYear",
                    name, years(years, locale), String.valueOf(figureYear))));
        });
        for (String name : withoutCapacity) {
            notes.add(EngineTexts.text(locale, "note.noCapacity", name));
        }
        if (!othersWithFallback.isEmpty()) {
            notes.add(EngineTexts.text(locale, "note.othersCapacityFromYear", othersWithFallback.size()));
        }
        if (!othersWithout.isEmpty()) {
            notes.add(EngineTexts.text(locale, "note.othersNoCapacity", othersWithout.size()));
        }
        return notes;
    }

    /** 2024; 2024 and 2025; 2023, 2024 and 2025. */
    private static String years(Set<Integer> years, Locale locale) {
        List<String> texts = years.stream().map(String::valueOf).toList();
        if (texts.size() == 1) {
            return texts.getFirst();
        }
        return EngineTexts.text(locale, "note.yearsAnd", String.join(", ", texts.subList(0, texts.size() - 1)),
                texts.getLast());
    }
}
