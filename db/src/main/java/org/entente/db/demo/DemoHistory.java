package org.entente.db.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The demo history: five to six years of workstreams between the demo partners, generated from a fixed seed
 * so that every fresh database gets exactly the same rows. {@link #plan} turns the partners (the demo tenants
 * with their kind and capacity index) into plain records; {@link DemoHistoryWriter} stores them the way the
 * organizations themselves would, through the database's own rules. Flyway runs both as the repeatable Java
 * migration {@code db.demo.R__demo_history}.
 *
 * <p>Ids are fixed: workstreams {@code 2a…}, contributions {@code 2b…}, milestones {@code 2c…}, work
 * packages {@code 2d…}, deliverables {@code 2e…}, objectives {@code 2f…} (an initiative's from 1, the other kinds'
 * from 500,000), and the results chain: indicators {@code 21…}, measurements {@code 22…}, assessments
 * {@code 23…}, recommendations {@code 24…}; each followed by a running number (as the hand-written demo rows use
 * {@code 0c…}, {@code 1b…}).
 */
public final class DemoHistory {

    /** Bump when the generated history changes: it is the migration's checksum, so Flyway runs it again. */
    public static final int VERSION = 3;

    /** The seed of the one random sequence everything is drawn from. */
    public static final long SEED = 20_261_125L;

    /** "Today" of the demo world, the same as R__demo_workstreams.sql's. */
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    /** Workstreams start between 2021-01-01 and 2026-12-31. */
    public static final int FIRST_YEAR = 2021;
    public static final int LAST_YEAR = 2026;

    public static final int WORKSTREAMS = 340;

    private DemoHistory() {
    }

    public enum Kind {
        STATE, ALLIANCE, IGO, NGO, PRIVATE_SECURITY, CORPORATION, ACADEMIA
    }

    /**
     * A demo tenant as the generator sees it.
     *
     * @param capacity its capacity index (fair-share weight: GDP or budget, USD billions)
     * @param memberId the member whose context the tenant's steps run in, or null (partners without members)
     */
    public record Partner(UUID id, String alias, String name, Kind kind, String region, double capacity,
            UUID memberId) {
    }

    /** How an invited organization answers: stays invited, accepts, declines, accepts and later leaves, or is uninvited. */
    public enum Answer {
        PENDING, ACCEPTED, DECLINED, LEFT, UNINVITED;

        public boolean acceptsFirst() {
            return this == ACCEPTED || this == LEFT;
        }
    }

    /**
     * One workstream and everything in it.
     *
     * @param lifecycle the statuses it moves through after being proposed, in order (empty: still PROPOSED)
     * @param end       null for an open-ended one
     */
    public record Workstream(UUID id, Partner lead, String kind, String title, String description,
            List<String> lifecycle, String releasability, String region, LocalDate start, LocalDate end,
            OffsetDateTime createdAt, Initiative initiative, RndProject rndProject, Engagement engagement,
            List<Invitation> invitations, List<Milestone> milestones, List<Contribution> contributions,
            Results results) {

        public String status() {
            return lifecycle.isEmpty() ? "PROPOSED" : lifecycle.getLast();
        }
    }

    public record Initiative(String mechanism) {
    }

    public record RndProject(String technologyArea, int trlStart, int trlCurrent, int trlTarget,
            List<WorkPackage> workPackages) {
    }

    public record WorkPackage(UUID id, String code, String title, Partner lead, BigDecimal budgetEur,
            List<Deliverable> deliverables) {
    }

    public record Deliverable(UUID id, String title, LocalDate dueDate, String status, LocalDate submittedOn) {
    }

    /** With a non-state party tenant, or (rarely) an organization outside Entente named by partyName. */
    public record Engagement(Partner party, String partyName, String engagementType, String vettingStatus,
            String agreementReference, LocalDate agreementValidFrom, LocalDate agreementValidTo, String riskRating) {
    }

    public record Invitation(Partner participant, String role, Answer answer, OffsetDateTime invitedAt) {
    }

    public record Milestone(UUID id, String title, Partner owner, LocalDate plannedDate, LocalDate actualDate,
            String status) {
    }

    /**
     * The results chain (V51): what the workstream sets out to do, how it is measured, what was measured, and how it
     * was assessed. Drawn from a random sequence of its own, so that the rest of the history stays as it was.
     */
    public record Results(List<Objective> objectives, List<Assessment> assessments) {

        public static final Results NONE = new Results(List.of(), List.of());
    }

    public record Objective(UUID id, int position, String text, List<Indicator> indicators) {
    }

    /**
     * An indicator as its workstream's lead defines it (unit, direction, disaggregation, frequency and releasability
     * as the schema spells them).
     *
     * @param baselineValue null together with baselineDate: no baseline (yet)
     * @param relTo         non-empty exactly for REL_TO
     */
    public record Indicator(UUID id, int position, String definition, String unit, String direction,
            String disaggregation, BigDecimal baselineValue, LocalDate baselineDate, BigDecimal targetValue,
            LocalDate targetDate, String frequency, Partner responsible, String releasability, List<UUID> relTo,
            OffsetDateTime createdAt, List<Measurement> measurements) {
    }

    /**
     * A value for a period, entered by the responsible organization or the lead.
     *
     * @param partner    null for the total; else the participant whose share this is (BY_PARTNER indicators)
     * @param firstValue null, or the value first entered that a correction (by correctedBy) replaced with value
     */
    public record Measurement(UUID id, LocalDate periodStart, LocalDate periodEnd, Partner partner, BigDecimal value,
            String source, String note, Partner enteredBy, OffsetDateTime enteredAt, BigDecimal firstValue,
            Partner correctedBy) {
    }

    /**
     * An INITIAL, PERIODIC or FINAL assessment, SELF (by the lead) or EXTERNAL (by a named organization).
     *
     * @param assessor null for a self-assessment
     */
    public record Assessment(UUID id, String kind, String mode, String assessorName, Partner assessor,
            LocalDate assessedOn, String findings, String releasability, OffsetDateTime createdAt, List<Rating> ratings,
            List<Recommendation> recommendations) {
    }

    /** How far an objective was met, 1 (not met) to 5 (fully met). */
    public record Rating(UUID objectiveId, int rating) {
    }

    /** @param dueDate null: no date set */
    public record Recommendation(UUID id, int position, String text, Partner owner, LocalDate dueDate, String status) {
    }

    /** rel_to is non-empty exactly for REL_TO; amounts are in unit (currency or PERSON_DAY). */
    public record Contribution(UUID id, Partner contributor, String type, String description, String unit,
            BigDecimal pledgedAmount, BigDecimal deliveredAmount, LocalDate pledgedOn, LocalDate deliveredOn,
            String releasability, List<UUID> relTo, OffsetDateTime createdAt) {
    }

    /**
     * The whole history for these partners (in any order: they are sorted by id first) and valuation rates
     * (EUR per unit, as in valuation_rate). The same input always gives the same plan.
     */
    public static List<Workstream> plan(List<Partner> partners, Map<String, BigDecimal> eurPerUnit) {
        return plan(partners, eurPerUnit, Shape.DEMO);
    }

    /** The same rules with another size and seed: the benchmark's data at a scale factor. */
    public static List<Workstream> plan(List<Partner> partners, Map<String, BigDecimal> eurPerUnit, Shape shape) {
        return new DemoHistoryPlanner(partners, eurPerUnit, shape).plan();
    }

    /**
     * How much history and which ids. The demo's is {@link #DEMO}; the benchmark draws more workstreams from its own
     * seed, in its own id series, and may ask for more pledges per contributor.
     *
     * @param workstreams  how many workstreams
     * @param seed         the seed of the random sequence
     * @param idSeries     the first hex digit of every generated id ('2' for the demo: {@code 2a…}, {@code 2b…})
     * @param pledgeFactor pledges per contributor relative to the demo (1 = the demo's 1–4 per participant, 2–5 per
     *                     lead)
     */
    public record Shape(int workstreams, long seed, char idSeries, double pledgeFactor) {

        public static final Shape DEMO = new Shape(WORKSTREAMS, SEED, '2', 1.0);

        public Shape {
            if (workstreams < 1 || Character.digit(idSeries, 16) < 0 || !(pledgeFactor > 0)) {
                throw new IllegalArgumentException("Bad shape " + workstreams + ", " + idSeries + ", " + pledgeFactor);
            }
        }

        UUID id(char series, long number) {
            return DemoHistory.id(String.valueOf(idSeries) + series, number);
        }
    }

    static UUID id(String prefix, long number) {
        return UUID.fromString(prefix + "000000-0000-4000-8000-%012d".formatted(number));
    }
}
