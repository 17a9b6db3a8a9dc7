package org.entente.analytics.engine.rollup;

import static org.entente.analytics.engine.rollup.Column.Kind.COUNT;
import static org.entente.analytics.engine.rollup.Column.Kind.MONEY_EUR;
import static org.entente.analytics.engine.rollup.Column.Kind.NUMBER;
import static org.entente.analytics.engine.rollup.Column.Kind.PERCENT;
import static org.entente.analytics.engine.rollup.Column.Kind.RATIO;
import static org.entente.analytics.engine.rollup.Column.Kind.TEXT;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.entente.analytics.engine.disclosure.DisclosureCube;
import org.entente.analytics.engine.rollup.CubeSpec.Cumulative;
import org.entente.analytics.engine.rollup.CubeSpec.Dim;
import org.entente.analytics.engine.rollup.CubeSpec.Dominance;
import org.entente.analytics.engine.rollup.CubeSpec.ShareOfTotal;
import org.entente.analytics.engine.rollup.CubeSpec.View;

/**
 * The catalogue: the rollup files in the order they run, how to read their result sets, the tables shown from them,
 * the KPI tiles, and the cells of different cubes that are the same figure (linked, so that disclosure control
 * decides them alike).
 */
final class Rollups {

    static final String RESOURCES = "/org/entente/analytics/engine/rollup/";
    static final String SCOPE = RESOURCES + "scope.sql";
    /** TEMP tables scope.sql and the rollups create; dropped after each run. */
    static final List<String> SCOPE_TABLES = List.of("scope_member", "scope_indicator", "scope_assessment",
            "scope_capacity", "analysis_consent", "scope_contribution", "scope_workstream");
    /** The cubes whose dimension {@code lead} (keyed by lead_id) names the lead behind its figures, decided by consent. */
    static final List<String> BY_LEAD = List.of("results-by-lead", "recommendations");
    /** The cube of the burden figures (BurdenFigures reads it). */
    static final String BURDEN_SHARING = "burden-sharing";

    private static final Object T = DisclosureCube.TOTAL;
    /** The indicator statuses (results.sql), stacked in the charts from good to unknown. */
    private static final List<String> STATUSES = List.of("on_track", "at_risk", "off_track", "not_measured",
            "no_baseline");
    /** Their colours: green, amber, red, grey, light grey (a status chip's, not the palette's order). */
    private static final List<String> STATUS_COLOURS = List.of("#2E7D32", "#F9A825", "#C62828", "#9E9E9E", "#CFD8DC");
    /** Open recommendations amber, done ones green. */
    private static final List<String> OPEN_DONE_COLOURS = List.of("#F9A825", "#2E7D32");

    /** A rollup file and its result sets, in order. */
    record File(String resource, List<CubeSpec> cubes) {
    }

    /** A KPI tile: the {@code column} of the cube cell at {@code at} (dimensions not named are totals). */
    record KpiSpec(String id, String label, Column.Kind kind, String cube, Map<String, Object> at, String column,
                   Object whenEmpty) {
    }

    /** Cells of cube {@code from} that are the same figure as the cell of cube {@code to} at map(coordinates). */
    record Link(String from, String to, Function<List<Object>, List<Object>> map) {
    }

    private Rollups() {
    }

    static final List<File> FILES = List.of(
            new File(RESOURCES + "burden-sharing.sql", List.of(burdenSharing())),
            new File(RESOURCES + "pledge-fulfilment.sql", List.of(pledgeFulfilment(), overduePledges())),
            new File(RESOURCES + "portfolio.sql", List.of(portfolio(), leadKinds())),
            new File(RESOURCES + "rnd.sql", List.of(rnd())),
            new File(RESOURCES + "engagements.sql", List.of(engagements(), expiringAgreements())),
            new File(RESOURCES + "collaboration-network.sql", List.of(collaborationNetwork(), partnerDegree())),
            new File(RESOURCES + "milestones.sql", List.of(milestones())),
            new File(RESOURCES + "results.sql", List.of(results(), resultsByLead(), recommendations())),
            new File(RESOURCES + "data-completeness.sql", List.of(dataCompleteness())));

    static final List<KpiSpec> KPIS = List.of(
            new KpiSpec("delivered-eur", "Delivered", MONEY_EUR, "burden-sharing", Map.of(), "delivered_eur",
                    BigDecimal.ZERO.setScale(2)),
            new KpiSpec("pledged-eur", "Pledged", MONEY_EUR, "burden-sharing", Map.of(), "pledged_eur",
                    BigDecimal.ZERO.setScale(2)),
            new KpiSpec("delivery-rate", "Delivery rate", PERCENT, "burden-sharing", Map.of(), "delivery_rate", null),
            new KpiSpec("contributing-partners", "Contributing partners", COUNT, "burden-sharing", Map.of(), "partners",
                    0L),
            new KpiSpec("active-workstreams", "Active workstreams", COUNT, "portfolio", Map.of("status", "ACTIVE"),
                    "workstreams", 0L),
            new KpiSpec("overdue-pledges", "Overdue pledges", COUNT, "overdue-pledges", Map.of(), "overdue_pledges", 0L),
            new KpiSpec("expiring-agreements", "Agreements expiring within 90 days", COUNT, "expiring-agreements",
                    Map.of(), "agreements", 0L));

    static final List<Link> LINKS = List.of(
            // All pledges in scope, counted by burden-sharing and by pledge-fulfilment.
            new Link("pledge-fulfilment", "burden-sharing", c -> all(c) ? at(T, T, T) : null),
            // Workstreams per kind, in the portfolio and in the lead-kind mix.
            new Link("lead-kinds", "portfolio", c -> c.get(1) == T ? at(c.get(0), T, T, T) : null),
            // R&D projects per technology area = portfolio's RND_PROJECT subtypes.
            new Link("rnd", "portfolio", c -> at("RND_PROJECT", c.get(0), T, T)),
            // Engagements per type = portfolio's ENGAGEMENT subtypes.
            new Link("engagements", "portfolio",
                    c -> c.get(0) == T && c.get(2) == T && c.get(3) == T ? at("ENGAGEMENT", c.get(1), T, T) : null),
            // All indicators in scope, by kind and region and by lead.
            new Link("results-by-lead", "results", c -> all(c) ? at(T, T, T) : null));

    private static List<Object> at(Object... coordinates) {
        return Arrays.asList(coordinates);
    }

    private static boolean all(List<Object> coordinates) {
        return coordinates.stream().allMatch(c -> c == T);
    }

    private static CubeSpec burdenSharing() {
        List<Column> measures = List.of(
                new Column("pledged_eur", "Pledged (EUR)", MONEY_EUR),
                new Column("delivered_eur", "Delivered (EUR)", MONEY_EUR),
                new Column("delivery_rate", "Delivery rate", PERCENT),
                new Column("capacity_eur", "Capacity (EUR)", MONEY_EUR),
                new Column("intensity", "Intensity (delivered / capacity)", PERCENT),
                new Column("share_of_delivered", "Share of delivered", PERCENT),
                new Column("fair_share", "Fair share", PERCENT),
                new Column("burden_ratio", "Burden ratio", RATIO));
        // Not shown: the numerator of intensity, for the rest row of the ranking (BurdenFigures).
        Column measured = new Column("measured_delivered_eur", "Delivered by partners with a capacity (EUR)",
                MONEY_EUR);
        List<Column> allMeasures = new ArrayList<>(measures);
        allMeasures.add(measured);
        List<Column> shown = new ArrayList<>(measures);
        shown.add(BurdenFigures.GUIDELINE);
        return new CubeSpec(BURDEN_SHARING,
                List.of(Dim.of("partner_kind", "Partner kind"),
                        Dim.of("partner", "Partner").keyedBy("partner_id").withOthersRow(),
                        Dim.of("pledged_year", "Year")),
                List.of(), allMeasures,
                List.of(new Dominance("pledged_eur", "top_pledged_eur"),
                        new Dominance("delivered_eur", "top_delivered_eur")),
                // The shares divide by the same year's total of the row's group (a partner's kind, a kind's whole):
                // withheld with it.
                List.of(new CubeSpec.ShareOfGroup(List.of("share_of_delivered", "fair_share", "burden_ratio"),
                        List.of("partner", "partner_kind"))),
                List.of(new View("burden-sharing", "Burden sharing",
                                "Who carries the burden, measured against their capacity?",
                                columns(List.of("partner_kind", "partner"), shown), Set.of(), false,
                                // Partners of every kind side by side: only EUR is one measure for all of them
                                // (shares and intensities are compared within a kind: burden-ranking, burden-by-kind).
                                new Chart(Chart.Type.BAR, "partner", null, List.of("delivered_eur"))),
                        // The kinds' totals: the second view of who carries the burden (a kind's shares are of all
                        // kinds; its fair share mixes GDP with budgets, which the notes say).
                        new View("burden-by-kind", "Burden sharing by partner kind",
                                "How do the kinds of partner share the burden?",
                                columns(List.of("partner_kind"), shown), Set.of(), false,
                                new Chart(Chart.Type.BAR, "partner_kind", null,
                                        List.of("share_of_delivered", "fair_share"))),
                        new View("burden-sharing-by-year", "Burden sharing by year",
                                "How has each partner's delivery developed year by year?",
                                columns(List.of("partner_kind", "partner", "pledged_year"), shown),
                                Set.of("pledged_year"), false,
                                new Chart(Chart.Type.STACKED_BAR, "pledged_year", "partner", List.of("delivered_eur")))),
                true, List.of(BurdenFigures.GUIDELINE));
    }

    private static CubeSpec pledgeFulfilment() {
        List<Column> measures = List.of(
                new Column("pledged_eur", "Pledged in month (EUR)", MONEY_EUR),
                new Column("delivered_eur", "Delivered in month (EUR)", MONEY_EUR),
                new Column("cumulative_pledged_eur", "Pledged to date (EUR)", MONEY_EUR),
                new Column("cumulative_delivered_eur", "Delivered to date (EUR)", MONEY_EUR));
        return new CubeSpec("pledge-fulfilment",
                List.of(Dim.of("month", "Month").shownAs(Rollups::month), Dim.of("type", "Type")),
                List.of(), measures,
                List.of(new Dominance("pledged_eur", "top_pledged_eur"),
                        new Dominance("delivered_eur", "top_delivered_eur")),
                // A running sum gives away every month it adds up: withheld from the first withheld month on.
                List.of(new Cumulative(List.of("cumulative_pledged_eur", "cumulative_delivered_eur"), "month")),
                List.of(new View("pledge-fulfilment", "Pledge fulfilment",
                        "Are pledges turning into deliveries over time?",
                        columns(List.of("month", "type"), measures), Set.of(), false,
                        new Chart(Chart.Type.LINE, "month", "type",
                                List.of("cumulative_pledged_eur", "cumulative_delivered_eur"))))).decidedByConsent();
    }

    private static CubeSpec overduePledges() {
        List<Column> measures = List.of(
                new Column("overdue_pledges", "Overdue pledges", COUNT),
                new Column("outstanding_eur", "Outstanding (EUR)", MONEY_EUR));
        return new CubeSpec("overdue-pledges",
                List.of(Dim.of("partner_kind", "Partner kind"), Dim.of("type", "Type")),
                List.of(), measures,
                List.of(new Dominance("outstanding_eur", "top_outstanding_eur")),
                List.of(),
                List.of(new View("overdue-pledges", "Overdue pledges",
                        "Which pledges are still open although their workstream has ended?",
                        columns(List.of("partner_kind", "type"), measures), Set.of(), false,
                        new Chart(Chart.Type.STACKED_BAR, "partner_kind", "type", List.of("outstanding_eur")))))
                .decidedByConsent();
    }

    private static CubeSpec portfolio() {
        List<Column> measures = List.of(
                new Column("workstreams", "Workstreams", COUNT),
                new Column("participants", "Participants", COUNT),
                new Column("participants_per_workstream", "Participants per workstream", NUMBER));
        return new CubeSpec("portfolio",
                List.of(Dim.of("kind", "Kind"), Dim.of("subtype", "Mechanism / area / type"),
                        Dim.of("status", "Status"), Dim.of("region", "Region")),
                List.of(), measures,
                List.of(new Dominance("workstreams", "top_workstreams")),
                List.of(),
                List.of(new View("portfolio", "Portfolio",
                                "What does the federation work on, and how far along is it?",
                                columns(List.of("kind", "subtype", "status"), measures), Set.of(), false,
                                new Chart(Chart.Type.STACKED_BAR, "subtype", "status", List.of("workstreams"))),
                        new View("portfolio-by-region", "Portfolio by region", "Where does the federation work?",
                                columns(List.of("region", "kind"), measures), Set.of(), false,
                                new Chart(Chart.Type.STACKED_BAR, "region", "kind", List.of("workstreams")))));
    }

    private static CubeSpec leadKinds() {
        List<Column> measures = List.of(
                new Column("workstreams", "Workstreams", COUNT),
                new Column("share_of_kind", "Share of the kind", PERCENT));
        return new CubeSpec("lead-kinds",
                List.of(Dim.of("kind", "Kind"), Dim.of("lead_kind", "Lead kind")),
                List.of(), measures,
                List.of(new Dominance("workstreams", "top_workstreams")),
                List.of(new ShareOfTotal(List.of("share_of_kind"), List.of("lead_kind"))),
                List.of(new View("lead-kinds", "Lead kinds", "Which kinds of partner lead the work?",
                        columns(List.of("kind", "lead_kind"), measures), Set.of(), false,
                        new Chart(Chart.Type.STACKED_BAR, "kind", "lead_kind", List.of("workstreams")))));
    }

    private static CubeSpec rnd() {
        List<Column> measures = List.of(
                new Column("projects", "Projects", COUNT),
                new Column("avg_trl_start", "TRL at start", NUMBER),
                new Column("avg_trl_current", "TRL now", NUMBER),
                new Column("avg_trl_target", "TRL target", NUMBER),
                new Column("avg_trl_gain", "TRL gain", NUMBER),
                new Column("budget_eur", "Budget pledged (EUR)", MONEY_EUR),
                new Column("delivered_eur", "Delivered (EUR)", MONEY_EUR),
                new Column("deliverables_on_time", "Deliverables on time", COUNT),
                new Column("deliverables_late", "Deliverables late", COUNT));
        return new CubeSpec("rnd",
                List.of(Dim.of("technology_area", "Technology area")),
                List.of(), measures,
                List.of(new Dominance("budget_eur", "top_budget_eur"), new Dominance("delivered_eur", "top_delivered_eur"),
                        new Dominance("projects", "top_projects")),
                List.of(),
                List.of(new View("rnd", "Research and development",
                        "Where do the R&D projects stand, per technology area?",
                        columns(List.of("technology_area"), measures), Set.of(), false,
                        new Chart(Chart.Type.BAR, "technology_area", null,
                                List.of("avg_trl_start", "avg_trl_current", "avg_trl_target")))));
    }

    private static CubeSpec engagements() {
        List<Column> measures = List.of(new Column("engagements", "Engagements", COUNT));
        return new CubeSpec("engagements",
                List.of(Dim.of("party_kind", "Party kind"), Dim.of("engagement_type", "Engagement type"),
                        Dim.of("vetting_status", "Vetting"), Dim.of("risk_rating", "Risk")),
                List.of(), measures,
                List.of(new Dominance("engagements", "top_engagements")),
                List.of(),
                List.of(new View("engagements", "Engagements", "With which non-state parties do we engage, and how?",
                                columns(List.of("engagement_type", "party_kind"), measures), Set.of(), false,
                                new Chart(Chart.Type.STACKED_BAR, "engagement_type", "party_kind",
                                        List.of("engagements"))),
                        new View("engagement-vetting", "Engagement vetting and risk",
                                "How far is the vetting of engaged parties, and how risky are they?",
                                columns(List.of("vetting_status", "risk_rating"), measures), Set.of(), false,
                                new Chart(Chart.Type.STACKED_BAR, "vetting_status", "risk_rating",
                                        List.of("engagements")))));
    }

    private static CubeSpec expiringAgreements() {
        List<Column> measures = List.of(new Column("agreements", "Agreements", COUNT));
        return new CubeSpec("expiring-agreements",
                List.of(Dim.of("engagement_type", "Engagement type")),
                List.of(), measures,
                List.of(new Dominance("agreements", "top_agreements")),
                List.of(),
                List.of(new View("expiring-agreements", "Agreements expiring within 90 days",
                        "Which engagement agreements need renewing soon?",
                        columns(List.of("engagement_type"), measures), Set.of(), false,
                        new Chart(Chart.Type.BAR, "engagement_type", null, List.of("agreements")))));
    }

    private static CubeSpec collaborationNetwork() {
        List<Column> attributes = List.of(
                new Column("source", "Partner", TEXT), new Column("source_kind", "Partner kind", TEXT),
                new Column("target", "Works with", TEXT), new Column("target_kind", "Their kind", TEXT));
        List<Column> measures = List.of(
                new Column("co_participations", "Shared workstreams", COUNT),
                new Column("links", "Links", COUNT));
        List<String> edgeColumns = new ArrayList<>(List.of("link_class", "edge"));
        attributes.forEach(a -> edgeColumns.add(a.id()));
        return new CubeSpec("collaboration-network",
                List.of(Dim.of("link_class", "Link"), Dim.of("edge", "Pair").keyedBy("source_id", "target_id")),
                attributes, measures,
                List.of(new Dominance("co_participations", "top_co_participations")),
                List.of(),
                List.of(new View("collaboration-network", "Collaboration network", "Who works with whom?",
                                columns(edgeColumns, measures), Set.of(), true,
                                new Chart(Chart.Type.GRAPH, "source", "target", List.of("co_participations"))),
                        new View("partner-links", "Links between states and non-state partners",
                                "How much do states and non-state partners work together?",
                                columns(List.of("link_class"), measures), Set.of(), false,
                                new Chart(Chart.Type.BAR, "link_class", null, List.of("links", "co_participations")))));
    }

    private static CubeSpec partnerDegree() {
        List<Column> measures = List.of(
                new Column("degree", "Partners worked with", COUNT),
                new Column("workstreams", "Workstreams", COUNT));
        return new CubeSpec("partner-degree",
                List.of(Dim.of("partner", "Partner").keyedBy("partner_id")),
                List.of(new Column("partner_kind", "Partner kind", TEXT)), measures,
                List.of(new Dominance("workstreams", "top_workstreams")),
                List.of(),
                List.of(new View("partner-degree", "Partners' connections",
                        "How many partners does each partner work with?",
                        columns(List.of("partner", "partner_kind"), measures), Set.of(), false,
                        new Chart(Chart.Type.BAR, "partner", null, List.of("degree")))))
                // A partner's participation counts are its own figures: published by its consent.
                .decidedByConsent();
    }

    private static CubeSpec milestones() {
        List<Column> measures = List.of(
                new Column("milestones", "Milestones", COUNT),
                new Column("on_time", "On time", COUNT),
                new Column("late", "Late", COUNT),
                new Column("overdue", "Overdue", COUNT),
                new Column("on_time_rate", "On-time rate", PERCENT));
        return new CubeSpec("milestones",
                List.of(Dim.of("kind", "Kind"), Dim.of("lead_kind", "Lead kind"),
                        Dim.of("lead", "Lead").keyedBy("lead_id")),
                List.of(), measures,
                List.of(new Dominance("milestones", "top_milestones")),
                List.of(),
                List.of(new View("milestones", "Milestones", "Are workstreams keeping their dates?",
                                columns(List.of("kind", "lead_kind"), measures), Set.of(), false,
                                new Chart(Chart.Type.BAR, "lead_kind", "kind", List.of("on_time_rate"))),
                        new View("milestones-by-lead", "Milestones by lead",
                                "Which leads keep their dates?",
                                columns(List.of("lead_kind", "lead"), measures), Set.of(), false,
                                new Chart(Chart.Type.STACKED_BAR, "lead", null, List.of("on_time", "late", "overdue")))));
    }

    /** The indicator figures of results.sql, in the order the tables show them. */
    private static List<Column> indicatorMeasures() {
        return List.of(
                new Column("indicators", "Indicators", COUNT),
                new Column("on_track", "On track", COUNT),
                new Column("at_risk", "At risk", COUNT),
                new Column("off_track", "Off track", COUNT),
                new Column("not_measured", "Not measured yet", COUNT),
                new Column("no_baseline", "No baseline", COUNT),
                new Column("overdue", "Measurement overdue", COUNT),
                new Column("on_track_rate", "On track (of those judged)", PERCENT),
                new Column("workstreams", "Workstreams", COUNT),
                new Column("workstreams_off_track", "Workstreams off track", COUNT));
    }

    private static CubeSpec results() {
        List<Column> measures = indicatorMeasures();
        return new CubeSpec("results",
                List.of(Dim.of("kind", "Kind"), Dim.of("subtype", "Mechanism / area / type"), Dim.of("region", "Region")),
                List.of(), measures,
                List.of(new Dominance("indicators", "top_indicators")),
                List.of(),
                List.of(new View("results", "Results", "Are we achieving what we set out to do?",
                                columns(List.of("kind", "subtype"), measures), Set.of(), false,
                                new Chart(Chart.Type.STACKED_BAR, "subtype", null, STATUSES)
                                        .withColours(STATUS_COLOURS)),
                        new View("results-by-region", "Results by region",
                                "Which initiatives are off track, by kind and region?",
                                columns(List.of("region", "kind"), measures), Set.of(), false,
                                new Chart(Chart.Type.STACKED_BAR, "region", null, STATUSES)
                                        .withColours(STATUS_COLOURS))))
                // An indicator's status is its lead's own figure: published by its consent.
                .decidedByConsent();
    }

    private static CubeSpec resultsByLead() {
        List<Column> measures = indicatorMeasures();
        return new CubeSpec("results-by-lead",
                List.of(Dim.of("lead_kind", "Lead kind"), Dim.of("lead", "Lead").keyedBy("lead_id")),
                List.of(), measures,
                List.of(new Dominance("indicators", "top_indicators")),
                List.of(),
                List.of(new View("results-by-lead", "Results by lead", "Whose workstreams are on track?",
                        columns(List.of("lead_kind", "lead"), measures), Set.of(), false,
                        new Chart(Chart.Type.STACKED_BAR, "lead", null, STATUSES).withColours(STATUS_COLOURS))))
                .decidedByConsent();
    }

    private static CubeSpec recommendations() {
        List<Column> measures = List.of(
                new Column("assessments", "Assessments", COUNT),
                new Column("external_assessments", "External assessments", COUNT),
                new Column("with_open_recommendations", "Assessments with open recommendations", COUNT),
                new Column("open_recommendations", "Open recommendations", COUNT),
                new Column("overdue_recommendations", "Open past their due date", COUNT),
                new Column("done_recommendations", "Done recommendations", COUNT));
        return new CubeSpec("recommendations",
                List.of(Dim.of("kind", "Kind"), Dim.of("lead_kind", "Lead kind"),
                        Dim.of("lead", "Lead").keyedBy("lead_id")),
                List.of(), measures,
                List.of(new Dominance("assessments", "top_assessments"),
                        new Dominance("open_recommendations", "top_open_recommendations")),
                List.of(),
                List.of(new View("recommendations", "Assessments and recommendations",
                                "Are the recommendations of assessments acted on?",
                                columns(List.of("kind", "lead_kind"), measures), Set.of(), false,
                                new Chart(Chart.Type.STACKED_BAR, "lead_kind", null,
                                        List.of("open_recommendations", "done_recommendations"))
                                        .withColours(OPEN_DONE_COLOURS)),
                        new View("recommendations-by-lead", "Recommendations by lead",
                                "Whose assessments have recommendations still open?",
                                columns(List.of("lead_kind", "lead"), measures), Set.of(), false,
                                new Chart(Chart.Type.STACKED_BAR, "lead", null,
                                        List.of("open_recommendations", "done_recommendations"))
                                        .withColours(OPEN_DONE_COLOURS))))
                .decidedByConsent();
    }

    private static CubeSpec dataCompleteness() {
        List<Column> measures = List.of(
                new Column("records", "Records", COUNT),
                new Column("incomplete_records", "Incomplete records", COUNT),
                new Column("share_incomplete", "Share incomplete", PERCENT),
                new Column("missing_dates", "Missing dates", COUNT),
                new Column("missing_region", "Missing region", COUNT),
                new Column("missing_vetting", "Vetting not started or risk not rated", COUNT),
                new Column("delivery_after_end", "Delivered after the end date", COUNT));
        return new CubeSpec("data-completeness",
                List.of(Dim.of("partner_kind", "Partner kind"), Dim.of("partner", "Partner").keyedBy("partner_id")),
                List.of(), measures,
                List.of(new Dominance("records", "top_records"),
                        new Dominance("incomplete_records", "top_incomplete_records")),
                List.of(),
                List.of(new View("data-completeness", "Data completeness",
                        "How complete is each partner's part of the register?",
                        columns(List.of("partner_kind", "partner"), measures), Set.of(), false,
                        new Chart(Chart.Type.BAR, "partner", null, List.of("share_incomplete")))));
    }

    private static List<String> columns(List<String> first, List<Column> measures) {
        List<String> columns = new ArrayList<>(first);
        measures.forEach(m -> columns.add(m.id()));
        return columns;
    }

    private static String month(Object yyyymm) {
        int value = ((Number) yyyymm).intValue();
        return String.format("%04d-%02d", value / 100, value % 100);
    }
}
