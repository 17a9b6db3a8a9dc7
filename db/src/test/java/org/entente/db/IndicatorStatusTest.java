package org.entente.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.db.Collaboration.as;
import static org.entente.db.Collaboration.inviteAndAccept;
import static org.entente.db.Collaboration.run;
import static org.entente.db.Collaboration.tenant;
import static org.entente.db.Collaboration.workstream;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V51's one definition of progress and status, against cases computed by hand: indicator_progress_ratio,
 * indicator_expected_ratio, indicator_status and measurement_due_period with fixed dates, and the view
 * indicator_progress (which judges as of the database's current_date) with dates placed around that day.
 *
 * <p>The straight path of most cases: baseline 0 on 2026-01-01, target 100 on 2026-12-31, 364 days apart, so that on
 * 2026-07-02 (182 days in) the expected ratio is exactly 0.5.
 */
class IndicatorStatusTest {

    private static final JdbcTemplate SQL = new JdbcTemplate(TestDatabase.appPool());

    private static UUID lead;
    private static UUID partner;
    private static UUID workstream;
    private static UUID objective;
    private static LocalDate today;

    @BeforeAll
    static void aWorkstreamToHangIndicatorsOn() {
        lead = tenant("status-lead", "STATE");
        partner = tenant("status-partner", "STATE");
        workstream = workstream(lead, "RND_PROJECT");
        inviteAndAccept(lead, workstream, partner);
        objective = as(lead, sql -> sql.queryForObject("insert into objective (tenant_id, workstream_id, text)"
                + " values (?, ?, 'Measure') returning id", UUID.class, lead, workstream));
        today = SQL.queryForObject("select current_date", LocalDate.class);
        // Measurements are due while a workstream is under way: the view flags nothing overdue before.
        assertThat(row(overdueIndicatorWhile())).containsEntry("overdue", false);
        run(lead, sql -> sql.update("update workstream set status = 'APPROVED' where id = ?", workstream));
        run(lead, sql -> sql.update("update workstream set status = 'ACTIVE' where id = ?", workstream));
        assertThat(row(overdueIndicatorWhile())).containsEntry("overdue", true);
    }

    /** A monthly indicator from a year ago, never measured: last month is due. */
    private static UUID overdueIndicatorWhile() {
        return indicator("MONTHLY", "NONE", "0", today.minusYears(1), "10", today.plusYears(1));
    }

    private static Map<String, Object> row(UUID indicator) {
        return progressRow(indicator);
    }

    // ---------------------------------------------------------------------------------------- ratios

    @Test
    void progressIsTheShareOfTheWayFromBaselineToTargetInEitherDirection() {
        assertThat(progress("0", "100", "25")).isEqualByComparingTo("0.25");
        assertThat(progress("0", "100", "130")).as("beyond the target").isEqualByComparingTo("1.3");
        assertThat(progress("20", "100", "10")).as("worse than the baseline").isEqualByComparingTo("-0.125");
        // Lower is better: from 100 down to 50, at 80 a 0.4 of the way; at 120 worse than at the start.
        assertThat(progress("100", "50", "80")).isEqualByComparingTo("0.4");
        assertThat(progress("100", "50", "120")).isEqualByComparingTo("-0.4");
        assertThat(progress("0", "3", "1")).as("rounded to four places").isEqualByComparingTo("0.3333");
        assertThat(progress(null, "100", "25")).as("no baseline").isNull();
        assertThat(progress("0", "100", null)).as("not measured").isNull();
        assertThat(progress("5", "5", "5")).as("a baseline equal to the target measures nothing").isNull();
    }

    @Test
    void theExpectedShareFollowsAStraightPathClampedToTheLifeOfTheIndicator() {
        assertThat(expected("2026-01-01", "2026-12-31", "2026-07-02")).isEqualByComparingTo("0.5");
        assertThat(expected("2026-01-01", "2026-12-31", "2026-01-01")).isEqualByComparingTo("0");
        assertThat(expected("2026-01-01", "2026-12-31", "2025-06-30")).as("before the baseline").isEqualByComparingTo("0");
        assertThat(expected("2026-01-01", "2026-12-31", "2027-03-31")).as("after the target date").isEqualByComparingTo("1");
        // 2024 is a leap year: 60 of 366 days.
        assertThat(expected("2024-01-01", "2025-01-01", "2024-03-01")).isEqualByComparingTo("0.1639");
        assertThat(expected(null, "2026-12-31", "2026-07-02")).isNull();
        assertThat(expected("2026-01-01", "2026-12-31", null)).isNull();
    }

    // ---------------------------------------------------------------------------------------- status

    @Test
    void withoutABaselineProgressCannotBeJudgedAndWithoutAValueItIsNotMeasured() {
        assertThat(status(null, null, "100", "2026-12-31", "50", "2026-07-02", "2026-07-10")).isEqualTo("NO_BASELINE");
        assertThat(status("0", null, "100", "2026-12-31", "50", "2026-07-02", "2026-07-10")).isEqualTo("NO_BASELINE");
        assertThat(status(null, null, "100", "2026-12-31", null, null, "2027-07-10"))
                .as("not even after the target date").isEqualTo("NO_BASELINE");
        assertThat(status("0", "2026-01-01", "100", "2026-12-31", null, null, "2026-07-10")).isEqualTo("NOT_MEASURED");
        assertThat(status("0", "2026-01-01", "100", "2026-12-31", null, null, "2027-07-10"))
                .as("a baseline but never a value, long past the target").isEqualTo("NOT_MEASURED");
    }

    /** Expected 0.5 on 2026-07-02: on track down to 0.40 (ten points behind), at risk down to 0.25, then off track. */
    @Test
    void higherIsBetterAgainstTheStraightPath() {
        assertThat(pathStatus("80")).as("ahead of the path").isEqualTo("ON_TRACK");
        assertThat(pathStatus("50")).isEqualTo("ON_TRACK");
        assertThat(pathStatus("40")).as("exactly ten points behind").isEqualTo("ON_TRACK");
        assertThat(pathStatus("39.99")).isEqualTo("AT_RISK");
        assertThat(pathStatus("25")).as("exactly 25 points behind").isEqualTo("AT_RISK");
        assertThat(pathStatus("24.99")).isEqualTo("OFF_TRACK");
        assertThat(pathStatus("0")).isEqualTo("OFF_TRACK");
    }

    /** From 100 down to 50 by 2026-12-31: on 2026-07-02 the path stands at 75. */
    @Test
    void lowerIsBetterAgainstTheStraightPath() {
        assertThat(status("100", "2026-01-01", "50", "2026-12-31", "60", "2026-07-02", "2026-07-10")).isEqualTo("ON_TRACK");
        assertThat(status("100", "2026-01-01", "50", "2026-12-31", "80", "2026-07-02", "2026-07-10"))
                .as("0.4 of the way, ten points behind").isEqualTo("ON_TRACK");
        assertThat(status("100", "2026-01-01", "50", "2026-12-31", "84", "2026-07-02", "2026-07-10"))
                .as("0.32 of the way").isEqualTo("AT_RISK");
        assertThat(status("100", "2026-01-01", "50", "2026-12-31", "90", "2026-07-02", "2026-07-10"))
                .as("0.2 of the way").isEqualTo("OFF_TRACK");
        assertThat(status("100", "2026-01-01", "50", "2026-12-31", "110", "2026-07-02", "2026-07-10"))
                .as("worse than the baseline").isEqualTo("OFF_TRACK");
    }

    @Test
    void pastTheTargetDateOnlyTheTargetItselfIsOnTrack() {
        assertThat(status("0", "2026-01-01", "100", "2026-12-31", "99", "2026-12-31", "2027-01-01"))
                .as("one short of the target, the day after").isEqualTo("OFF_TRACK");
        assertThat(status("0", "2026-01-01", "100", "2026-12-31", "99", "2026-12-31", "2026-12-31"))
                .as("the same value on the target date itself").isEqualTo("ON_TRACK");
        assertThat(status("0", "2026-01-01", "100", "2026-12-31", "100", "2026-12-31", "2027-06-30")).isEqualTo("ON_TRACK");
        assertThat(status("0", "2026-01-01", "100", "2026-12-31", "100", "2026-07-02", "2027-06-30"))
                .as("reached early, judged later").isEqualTo("ON_TRACK");
        assertThat(status("100", "2026-01-01", "50", "2026-12-31", "51", "2026-12-31", "2027-01-01"))
                .as("lower is better: one above the target").isEqualTo("OFF_TRACK");
        assertThat(status("100", "2026-01-01", "50", "2026-12-31", "45", "2026-12-31", "2027-01-01"))
                .as("lower is better: below the target").isEqualTo("ON_TRACK");
    }

    /** The latest value is judged on the day it was measured for; that it is stale is the view's "overdue". */
    @Test
    void aValueIsJudgedOnTheDayItWasMeasuredFor() {
        // 59 of 364 days: expected 0.1621; 10 is six points behind.
        assertThat(status("0", "2026-01-01", "100", "2026-12-31", "10", "2026-03-01", "2026-11-01")).isEqualTo("ON_TRACK");
        assertThat(status("0", "2026-01-01", "100", "2026-12-31", "10", "2026-11-01", "2026-11-01")).isEqualTo("OFF_TRACK");
    }

    @Test
    void yesOrNoIsReachedOrNotAndAScaleMovesInWholeSteps() {
        assertThat(status("0", "2026-01-01", "1", "2026-12-31", "0", "2026-01-20", "2026-01-25"))
                .as("early on, not yet is fine").isEqualTo("ON_TRACK");
        assertThat(status("0", "2026-01-01", "1", "2026-12-31", "0", "2026-07-02", "2026-07-10")).isEqualTo("OFF_TRACK");
        assertThat(status("0", "2026-01-01", "1", "2026-12-31", "1", "2026-07-02", "2026-07-10")).isEqualTo("ON_TRACK");
        // Scale 2 to 4: at 3 halfway, on the path on 2026-07-02.
        assertThat(status("2", "2026-01-01", "4", "2026-12-31", "3", "2026-07-02", "2026-07-10")).isEqualTo("ON_TRACK");
        assertThat(status("2", "2026-01-01", "4", "2026-12-31", "2", "2026-07-02", "2026-07-10")).isEqualTo("OFF_TRACK");
    }

    // ---------------------------------------------------------------------------------------- due periods

    @Test
    void theDuePeriodIsTheLastCalendarPeriodThatEndedBeforeTheDay() {
        assertThat(due("MONTHLY", "2026-12-07")).isEqualTo("2026-11-01..2026-11-30");
        assertThat(due("MONTHLY", "2026-12-01")).as("the first day after the month").isEqualTo("2026-11-01..2026-11-30");
        assertThat(due("MONTHLY", "2026-11-30")).as("the last day of a month").isEqualTo("2026-10-01..2026-10-31");
        assertThat(due("MONTHLY", "2026-01-15")).as("across the year").isEqualTo("2025-12-01..2025-12-31");
        assertThat(due("MONTHLY", "2024-03-10")).as("a leap February").isEqualTo("2024-02-01..2024-02-29");
        assertThat(due("QUARTERLY", "2026-12-07")).isEqualTo("2026-07-01..2026-09-30");
        assertThat(due("QUARTERLY", "2026-10-01")).isEqualTo("2026-07-01..2026-09-30");
        assertThat(due("QUARTERLY", "2026-09-30")).isEqualTo("2026-04-01..2026-06-30");
        assertThat(due("QUARTERLY", "2026-01-01")).isEqualTo("2025-10-01..2025-12-31");
        assertThat(due("QUARTERLY", "2026-02-28")).isEqualTo("2025-10-01..2025-12-31");
        assertThat(due("YEARLY", "2026-12-07")).isEqualTo("2025-01-01..2025-12-31");
        assertThat(due("YEARLY", "2026-01-01")).isEqualTo("2025-01-01..2025-12-31");
        assertThat(due("YEARLY", "2025-12-31")).isEqualTo("2024-01-01..2024-12-31");
    }

    @Test
    void nothingIsDueOutsideTheLifeOfTheIndicator() {
        // October ended before the indicator's life began on 15 November: nothing due yet.
        assertThat(due("MONTHLY", "2026-11-15", "2027-12-31", "2026-11-20")).isNull();
        assertThat(due("MONTHLY", "2026-10-31", "2027-12-31", "2026-11-20")).as("its last day counts")
                .isEqualTo("2026-10-01..2026-10-31");
        assertThat(due("MONTHLY", "2026-10-15", "2027-12-31", "2026-11-20")).as("a part of the month counts")
                .isEqualTo("2026-10-01..2026-10-31");
        // October began after the target date of 30 September: nothing due any more.
        assertThat(due("MONTHLY", "2025-01-01", "2026-09-30", "2026-11-20")).isNull();
        assertThat(due("MONTHLY", "2025-01-01", "2026-10-01", "2026-11-20")).isEqualTo("2026-10-01..2026-10-31");
        assertThat(due("YEARLY", "2026-03-01", "2027-12-31", "2026-12-07")).as("the first year has not ended").isNull();
        assertThat(due("QUARTERLY", "2026-09-30", "2026-09-30", "2026-12-07")).isEqualTo("2026-07-01..2026-09-30");
    }

    // ---------------------------------------------------------------------------------------- the view

    /**
     * indicator_progress as of today: the latest total, its progress and expected share, the status, and whether the
     * last ended calendar period still lacks a total. Dates are placed around the database's current_date.
     */
    @Test
    void theViewJudgesTheLatestTotalAsOfTodayAndFlagsAMissingDueValue() {
        // (the workstream is ACTIVE since aWorkstreamToHangIndicatorsOn, which shows a PROPOSED one flags nothing)
        LocalDate lastMonth = today.withDayOfMonth(1).minusMonths(1);
        LocalDate lastMonthEnd = today.withDayOfMonth(1).minusDays(1);
        LocalDate baseline = today.minusDays(300);
        LocalDate target = today.plusDays(300);

        // Measured for last month (the due period): not overdue.
        UUID upToDate = indicator("MONTHLY", "NONE", "0", baseline, "600", target);
        measure(upToDate, lastMonth, lastMonthEnd, null, "1");
        measure(upToDate, baseline.plusDays(10), baseline.plusDays(40), null, "0");
        Map<String, Object> row = progressRow(upToDate);
        long fromBaseline = lastMonthEnd.toEpochDay() - baseline.toEpochDay();
        BigDecimal expected = BigDecimal.valueOf(fromBaseline).divide(BigDecimal.valueOf(600), 4, java.math.RoundingMode.HALF_UP);
        assertThat(row).containsEntry("overdue", false).containsEntry("measurements", 2L)
                .containsEntry("latest_period_end", java.sql.Date.valueOf(lastMonthEnd))
                .containsEntry("due_period_start", java.sql.Date.valueOf(lastMonth))
                .containsEntry("due_period_end", java.sql.Date.valueOf(lastMonthEnd));
        assertThat((BigDecimal) row.get("latest_value")).isEqualByComparingTo("1");
        assertThat((BigDecimal) row.get("progress_ratio")).isEqualByComparingTo(
                BigDecimal.ONE.divide(BigDecimal.valueOf(600), 4, java.math.RoundingMode.HALF_UP));
        assertThat((BigDecimal) row.get("expected_ratio")).isEqualByComparingTo(expected);
        assertThat(row.get("status")).as("far behind the path").isEqualTo("OFF_TRACK");

        // Measured only for an older period: overdue, judged on the older value.
        UUID stale = indicator("MONTHLY", "NONE", "0", baseline, "600", target);
        LocalDate older = lastMonth.minusMonths(1);
        long olderDays = older.plusMonths(1).minusDays(1).toEpochDay() - baseline.toEpochDay();
        measure(stale, older, older.plusMonths(1).minusDays(1), null, String.valueOf(olderDays));
        row = progressRow(stale);
        assertThat(row).containsEntry("overdue", true).containsEntry("status", "ON_TRACK")
                .containsEntry("due_period_start", java.sql.Date.valueOf(lastMonth));

        // Never measured: not measured, and overdue.
        UUID never = indicator("MONTHLY", "NONE", "0", baseline, "600", target);
        row = progressRow(never);
        assertThat(row).containsEntry("status", "NOT_MEASURED").containsEntry("overdue", true)
                .containsEntry("measurements", 0L).containsEntry("latest_value", null);

        // A partner's share for the due period is not the total: still overdue, and not the latest value.
        UUID byPartner = indicator("MONTHLY", "BY_PARTNER", "0", baseline, "600", target);
        measure(byPartner, older, older.plusMonths(1).minusDays(1), null, "5");
        measure(byPartner, lastMonth, lastMonthEnd, partner, "7");
        row = progressRow(byPartner);
        assertThat(row).containsEntry("overdue", true).containsEntry("measurements", 1L)
                .containsEntry("latest_period_end", java.sql.Date.valueOf(older.plusMonths(1).minusDays(1)));
        assertThat((BigDecimal) row.get("latest_value")).isEqualByComparingTo("5");

        // A total for a longer period that covers the due month counts.
        UUID covered = indicator("MONTHLY", "NONE", "0", baseline, "600", target);
        measure(covered, lastMonth.minusMonths(2), lastMonthEnd, null, "3");
        assertThat(progressRow(covered)).containsEntry("overdue", false);

        // Quarterly: the due period is the last ended quarter.
        UUID quarterly = indicator("QUARTERLY", "NONE", "0", baseline, "600", target);
        LocalDate quarter = today.withDayOfMonth(1).withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1).minusMonths(3);
        row = progressRow(quarterly);
        assertThat(row).containsEntry("overdue", true).containsEntry("due_period_start", java.sql.Date.valueOf(quarter))
                .containsEntry("due_period_end", java.sql.Date.valueOf(quarter.plusMonths(3).minusDays(1)));
        measure(quarterly, quarter, quarter.plusMonths(3).minusDays(1), null, "100");
        assertThat(progressRow(quarterly)).containsEntry("overdue", false);
    }

    @Test
    void nothingIsOverdueBeforeTheFirstPeriodEndsOrAfterTheTargetPeriod() {
        // Defined today without a baseline: its life starts today, and no period has ended in it yet.
        UUID fresh = indicator("MONTHLY", "NONE", null, null, "10", today.plusDays(400));
        assertThat(progressRow(fresh)).containsEntry("overdue", false).containsEntry("due_period_start", null)
                .containsEntry("status", "NO_BASELINE");
        // The target date passed long ago: nothing is due; short of the target it is off track.
        UUID finished = indicator("QUARTERLY", "NONE", "0", today.minusDays(900), "10", today.minusDays(200));
        measure(finished, today.minusDays(230), today.minusDays(200), null, "9");
        assertThat(progressRow(finished)).containsEntry("overdue", false).containsEntry("due_period_start", null)
                .containsEntry("status", "OFF_TRACK");
        // Yearly with a baseline this year: last year ended before its life began.
        UUID yearly = indicator("YEARLY", "NONE", "0", today.withDayOfYear(1), "10", today.plusYears(3));
        assertThat(progressRow(yearly)).containsEntry("overdue", false).containsEntry("status", "NOT_MEASURED");
    }

    /** A correction changes the value the view judges; the replaced value only stays in the history. */
    @Test
    void theViewJudgesTheCorrectedValue() {
        LocalDate baseline = today.minusDays(200);
        UUID corrected = indicator("MONTHLY", "NONE", "0", baseline, "400", today.plusDays(200));
        LocalDate lastMonth = today.withDayOfMonth(1).minusMonths(1);
        LocalDate lastMonthEnd = today.withDayOfMonth(1).minusDays(1);
        measure(corrected, lastMonth, lastMonthEnd, null, "0");
        assertThat(progressRow(corrected)).containsEntry("status", "OFF_TRACK");
        long onPath = lastMonthEnd.toEpochDay() - baseline.toEpochDay();
        run(lead, sql -> sql.update("update measurement set value = ? where indicator_id = ?", BigDecimal.valueOf(onPath),
                corrected));
        Map<String, Object> row = progressRow(corrected);
        assertThat(row).containsEntry("status", "ON_TRACK").containsEntry("measurements", 1L);
        assertThat((BigDecimal) row.get("latest_value")).isEqualByComparingTo(BigDecimal.valueOf(onPath));
    }

    // ---------------------------------------------------------------------------------------- helpers

    private static String pathStatus(String actual) {
        return status("0", "2026-01-01", "100", "2026-12-31", actual, "2026-07-02", "2026-07-10");
    }

    private static BigDecimal progress(String baseline, String target, String actual) {
        return SQL.queryForObject("select indicator_progress_ratio(?::numeric, ?::numeric, ?::numeric)", BigDecimal.class,
                baseline, target, actual);
    }

    private static BigDecimal expected(String baselineDate, String targetDate, String on) {
        return SQL.queryForObject("select indicator_expected_ratio(?::date, ?::date, ?::date)", BigDecimal.class,
                baselineDate, targetDate, on);
    }

    private static String status(String baseline, String baselineDate, String target, String targetDate, String actual,
            String actualOn, String asOf) {
        return SQL.queryForObject("select indicator_status(?::numeric, ?::date, ?::numeric, ?::date, ?::numeric, ?::date,"
                + " ?::date)", String.class, baseline, baselineDate, target, targetDate, actual, actualOn, asOf);
    }

    private static String due(String frequency, String asOf) {
        return due(frequency, "2000-01-01", "2100-12-31", asOf);
    }

    /** "start..end" of the due period, or null when there is none. */
    private static String due(String frequency, String from, String until, String asOf) {
        return SQL.query("select period_start || '..' || period_end from measurement_due_period(?, ?::date, ?::date, ?::date)",
                rows -> rows.next() ? rows.getString(1) : null, frequency, from, until, asOf);
    }

    private static UUID indicator(String frequency, String disaggregation, String baseline, LocalDate baselineDate,
            String target, LocalDate targetDate) {
        return as(lead, sql -> sql.queryForObject("""
                insert into indicator (workstream_id, objective_id, definition, unit, disaggregation, baseline_value,
                                       baseline_date, target_value, target_date, frequency)
                values (?, ?, 'Counted', 'NUMBER', ?, ?::numeric, ?, ?::numeric, ?, ?) returning id""", UUID.class,
                workstream, objective, disaggregation, baseline, baselineDate, target, targetDate, frequency));
    }

    private static void measure(UUID indicator, LocalDate from, LocalDate to, UUID partnerId, String value) {
        run(lead, sql -> sql.update("""
                insert into measurement (tenant_id, workstream_id, indicator_id, period_start, period_end, partner_tenant_id,
                                         value, entered_by)
                values (?, ?, ?, ?, ?, ?, ?::numeric, 'Lead')""", lead, workstream, indicator, from, to, partnerId, value));
    }

    private static Map<String, Object> progressRow(UUID indicator) {
        return as(lead, sql -> sql.queryForMap("select * from indicator_progress where indicator_id = ?", indicator));
    }
}
