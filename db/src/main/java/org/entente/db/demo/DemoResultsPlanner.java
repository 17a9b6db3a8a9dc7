package org.entente.db.demo;

import static org.entente.db.demo.DemoHistory.TODAY;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.entente.db.demo.DemoHistory.Answer;
import org.entente.db.demo.DemoHistory.Assessment;
import org.entente.db.demo.DemoHistory.Indicator;
import org.entente.db.demo.DemoHistory.Invitation;
import org.entente.db.demo.DemoHistory.Kind;
import org.entente.db.demo.DemoHistory.Measurement;
import org.entente.db.demo.DemoHistory.Objective;
import org.entente.db.demo.DemoHistory.Partner;
import org.entente.db.demo.DemoHistory.Rating;
import org.entente.db.demo.DemoHistory.Recommendation;
import org.entente.db.demo.DemoHistory.Results;
import org.entente.db.demo.DemoHistory.RndProject;
import org.entente.db.demo.DemoHistoryPlanner.Timeline;

/**
 * Draws a workstream's results chain (issue #17) from a random sequence of its own, so that adding it left every
 * other generated row as it was. The rules of thumb:
 * <ul>
 *   <li>objectives: an initiative's as the history planner drew them (their old after-action ratings go to the
 *       final assessment), two or three for R&amp;D projects and engagements;</li>
 *   <li>indicators: one to three per objective for most workstreams that got under way, fewer for those still
 *       proposed; units, directions and frequencies by kind (an R&amp;D project measures its readiness level); the
 *       lead or an accepted contributor is responsible; released like their workstream, some to fewer;</li>
 *   <li>measurements: every calendar period from the baseline until the work stopped, entered as the period ends
 *       (from a week before), following the straight path from baseline to target closely for most indicators,
 *       lagging for some, far behind for a few; some stop reporting (overdue), a few lack a baseline, some are
 *       corrected after entry, some are given per partner;</li>
 *   <li>assessments: a baseline (INITIAL) at the start for some, a PERIODIC one halfway for longer work (some by an
 *       external evaluation team), and a FINAL one for every completed initiative and most other completed work,
 *       each with recommendations that are done or still open.</li>
 * </ul>
 * Nothing is dated after the demo's {@link DemoHistory#TODAY}; a period may still end after it (it has started).
 */
final class DemoResultsPlanner {

    /** An initiative's objective as the history planner draws it; the rating is its final assessment's (COMPLETED). */
    record Drawn(UUID id, int position, String text, Integer rating) {
    }

    /** What the results chain needs of its workstream. */
    record Facts(String kind, String mechanism, String engagementType, Timeline timeline, Partner lead,
            String releasability, OffsetDateTime createdAt, List<Invitation> invitations, List<Drawn> objectives,
            RndProject rndProject) {
    }

    /**
     * An indicator as a template: baseline and target drawn from the ranges (for LOWER the target range lies below
     * the baseline's); a NUMBER is reported with that many decimals (a count with none, hours with one).
     */
    private record Template(String definition, String unit, String direction, double baseLow, double baseHigh,
            double targetLow, double targetHigh, int decimals) {

        Template(String definition, String unit, String direction, double baseLow, double baseHigh, double targetLow,
                double targetHigh) {
            this(definition, unit, direction, baseLow, baseHigh, targetLow, targetHigh, 0);
        }
    }

    private enum Course {
        ON_TRACK, LAGGING, FAR_BEHIND
    }

    private static final List<Template> ANY_INITIATIVE = List.of(
            new Template("Partner personnel trained to the common standard", "NUMBER", "HIGHER", 0, 30, 60, 400),
            new Template("Participating units certified interoperable", "PERCENT", "HIGHER", 10, 40, 70, 95),
            new Template("Days from a request to deployment", "NUMBER", "LOWER", 20, 60, 5, 15, 1),
            new Template("Common procedures signed by every participant", "YES_NO", "HIGHER", 0, 0, 1, 1),
            new Template("Partners' self-assessed capability (1-5)", "SCALE_1_5", "HIGHER", 1, 2, 4, 5),
            new Template("Funds disbursed to partner programmes (EUR)", "EUR", "HIGHER", 0, 0, 500_000, 5_000_000));

    private static final List<Template> RND = List.of(
            new Template("Test events completed", "NUMBER", "HIGHER", 0, 0, 6, 30),
            new Template("Deliverables accepted on time", "PERCENT", "HIGHER", 0, 20, 85, 100),
            new Template("Prototype mean time between failures (hours)", "NUMBER", "HIGHER", 20, 80, 200, 500),
            new Template("Partner nations committed to adopt the results", "NUMBER", "HIGHER", 0, 0, 3, 8),
            new Template("End users' rating of the prototype (1-5)", "SCALE_1_5", "HIGHER", 1, 2, 4, 5));

    private static final List<Template> ENGAGEMENT = List.of(
            new Template("Service requests met within the agreed time", "PERCENT", "HIGHER", 50, 70, 90, 98),
            new Template("Open compliance findings", "NUMBER", "LOWER", 5, 20, 0, 2),
            new Template("Staff vetted and trained on the code of conduct", "PERCENT", "HIGHER", 20, 50, 100, 100),
            new Template("Joint workplan actions completed", "NUMBER", "HIGHER", 0, 0, 10, 40),
            new Template("Partners' satisfaction with the cooperation (1-5)", "SCALE_1_5", "HIGHER", 2, 3, 4, 5),
            new Template("Agreement reviewed and renewed on time", "YES_NO", "HIGHER", 0, 0, 1, 1));

    private static final List<String> RND_OBJECTIVES = List.of(
            "Demonstrate the prototype with end users in a field trial",
            "Transfer the results into the partners' own programmes",
            "Deliver the agreed reports and designs on time");

    private static final List<String> ENGAGEMENT_OBJECTIVES = List.of(
            "Deliver the agreed services to the standard set in the agreement",
            "Keep the engagement within the code of conduct and the vetting terms",
            "Coordinate activities and share information with every partner",
            "Build the partner's own capacity to carry the work on");

    private final DemoHistory.Shape shape;
    private final SplittableRandom random;
    /** Organizations that evaluate others' work (external assessments): alliances, international bodies, academia. */
    private final List<Partner> evaluators;
    private long objectives = 500_000;
    private long indicators;
    private long measurements;
    private long assessments;
    private long recommendations;

    DemoResultsPlanner(DemoHistory.Shape shape, List<Partner> partners) {
        this.shape = shape;
        this.random = new SplittableRandom(shape.seed() ^ 0x7E5017L);
        this.evaluators = partners.stream()
                .filter(p -> p.kind() == Kind.ALLIANCE || p.kind() == Kind.IGO || p.kind() == Kind.ACADEMIA).toList();
    }

    Results plan(Facts w) {
        Timeline timeline = w.timeline();
        String status = timeline.status();
        List<Partner> contributors = w.invitations().stream()
                .filter(i -> i.answer() == Answer.ACCEPTED && i.role().equals("CONTRIBUTOR"))
                .map(Invitation::participant).toList();
        List<Partner> doers = new ArrayList<>(List.of(w.lead()));
        doers.addAll(contributors);

        List<Drawn> drawn = new ArrayList<>(w.objectives());
        if (drawn.isEmpty() && chance(status.equals("PROPOSED") ? 0.5 : 0.92)) {
            drawn.addAll(otherObjectives(w));
        }
        if (drawn.isEmpty()) {
            return Results.NONE;
        }

        double measured = switch (status) {
            case "PROPOSED" -> 0.25;
            case "APPROVED" -> 0.6;
            case "ACTIVE" -> 0.92;
            case "COMPLETED" -> 0.85;
            default -> timeline.everActive() ? 0.6 : 0.3;
        };
        boolean hasIndicators = chance(measured);
        Set<String> used = new HashSet<>();
        List<Objective> result = new ArrayList<>();
        for (Drawn objective : drawn) {
            List<Indicator> list = new ArrayList<>();
            int count = hasIndicators ? choose(List.of(0, 1, 2, 3), 0.08, 0.47, 0.35, 0.10) : 0;
            if (hasIndicators && objective.position() == 1) {
                count = Math.max(1, count);
            }
            for (int position = 1; position <= count; position++) {
                Template template = template(w, objective.position() == 1 && position == 1, used);
                if (template == null) {
                    break;
                }
                used.add(template.definition());
                list.add(indicator(w, template, position, doers, contributors));
            }
            result.add(new Objective(objective.id(), objective.position(), objective.text(), List.copyOf(list)));
        }
        return new Results(List.copyOf(result), assessments(w, result, doers));
    }

    // ------------------------------------------------------------------------------------------ objectives

    private List<Drawn> otherObjectives(Facts w) {
        List<String> texts = new ArrayList<>();
        if (w.kind().equals("RND_PROJECT")) {
            RndProject project = w.rndProject();
            texts.add("Raise the technology from readiness level " + project.trlStart() + " to " + project.trlTarget());
            List<String> more = new ArrayList<>(RND_OBJECTIVES);
            for (int i = 0, count = between(1, 2); i < count; i++) {
                texts.add(more.remove(random.nextInt(more.size())));
            }
        } else {
            List<String> more = new ArrayList<>(ENGAGEMENT_OBJECTIVES);
            if ("HUMANITARIAN_COORDINATION".equals(w.engagementType())) {
                texts.add("Deconflict every aid convoy with military movements");
                more.remove(2);
            }
            for (int i = texts.size(), count = between(2, 3); i < count; i++) {
                texts.add(more.remove(random.nextInt(more.size())));
            }
        }
        List<Drawn> result = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            result.add(new Drawn(shape.id('f', ++objectives), i + 1, texts.get(i), null));
        }
        return result;
    }

    // ------------------------------------------------------------------------------------------ indicators

    /** A template not yet used in this workstream; an R&D project's first indicator is its readiness level. */
    private Template template(Facts w, boolean first, Set<String> used) {
        List<Template> candidates = new ArrayList<>();
        switch (w.kind()) {
            case "RND_PROJECT" -> {
                if (first) {
                    RndProject p = w.rndProject();
                    return new Template("Technology readiness level reached", "NUMBER", "HIGHER", p.trlStart(),
                            p.trlStart(), p.trlTarget(), p.trlTarget());
                }
                candidates.addAll(RND);
            }
            case "ENGAGEMENT" -> {
                if ("HUMANITARIAN_COORDINATION".equals(w.engagementType())) {
                    candidates.add(new Template("Aid convoys deconflicted before departure", "PERCENT", "HIGHER", 50, 70,
                            92, 98));
                }
                candidates.addAll(ENGAGEMENT);
            }
            default -> {
                candidates.addAll(mechanismTemplates(w.mechanism()));
                candidates.addAll(mechanismTemplates(w.mechanism()));   // twice as likely as the general ones
                candidates.addAll(ANY_INITIATIVE);
            }
        }
        candidates.removeIf(t -> used.contains(t.definition()));
        return candidates.isEmpty() ? null : pick(candidates);
    }

    private static List<Template> mechanismTemplates(String mechanism) {
        return switch (mechanism) {
            case "JOINT_EXERCISE" -> List.of(
                    new Template("Exercise serials completed as planned", "PERCENT", "HIGHER", 0, 0, 85, 100),
                    new Template("Interoperability shortfalls closed", "NUMBER", "HIGHER", 0, 0, 10, 40));
            case "PEACEKEEPING", "HUMANITARIAN_RESPONSE" -> List.of(
                    new Template("People reached by protection or relief activities", "NUMBER", "HIGHER", 0, 5_000,
                            20_000, 200_000),
                    new Template("Security incidents on the main supply routes per month", "NUMBER", "LOWER", 20, 60, 2,
                            10, 1),
                    new Template("Convoys arriving on schedule", "PERCENT", "HIGHER", 40, 60, 85, 95));
            case "CAPACITY_BUILDING" -> List.of(
                    new Template("Partner instructors certified to teach the course", "NUMBER", "HIGHER", 0, 5, 20, 80),
                    new Template("Courses the partner runs without outside help", "NUMBER", "HIGHER", 0, 0, 6, 24));
            case "INTELLIGENCE_SHARING", "COUNTER_TERRORISM" -> List.of(
                    new Template("Reports exchanged within 24 hours of detection", "PERCENT", "HIGHER", 20, 40, 80, 95),
                    new Template("Liaison officers in place", "NUMBER", "HIGHER", 0, 3, 8, 20));
            case "CYBER_DEFENSE" -> List.of(
                    new Template("Critical systems covered by monitoring", "PERCENT", "HIGHER", 20, 50, 90, 100),
                    new Template("Hours to contain a major incident", "NUMBER", "LOWER", 48, 120, 4, 12, 1));
            case "MARITIME_SECURITY" -> List.of(
                    new Template("Vessels boarded and inspected", "NUMBER", "HIGHER", 0, 0, 100, 600),
                    new Template("Patrol days at sea", "NUMBER", "HIGHER", 0, 0, 200, 1_200),
                    new Template("Hours from detection to a shared track", "NUMBER", "LOWER", 6, 24, 1, 2, 1));
            default -> List.of(
                    new Template("Signatories that ratified the arrangement", "NUMBER", "HIGHER", 0, 2, 6, 20),
                    new Template("Verification visits completed", "NUMBER", "HIGHER", 0, 0, 10, 40));
        };
    }

    private Indicator indicator(Facts w, Template template, int position, List<Partner> doers,
            List<Partner> contributors) {
        Timeline timeline = w.timeline();
        LocalDate start = timeline.start();
        LocalDate horizon = timeline.horizon();
        long duration = Math.max(60, ChronoUnit.DAYS.between(start, horizon));
        boolean started = !start.isAfter(TODAY);

        // When the lead defined it: with the plan mostly, during the work for some, recently for a few.
        LocalDate created = earlier(TODAY, w.createdAt().toLocalDate().plusDays(between(1, 20)));
        boolean recent = false;
        if (started && chance(0.18)) {
            created = earlier(TODAY, start.plusDays((long) (duration * 0.4 * uniform())));
        }
        if (timeline.status().equals("ACTIVE") && chance(0.05)) {
            created = TODAY.minusDays(between(10, 50));
            recent = true;
        }

        BigDecimal baseline = round(template.unit(), template.baseLow()
                + (template.baseHigh() - template.baseLow()) * uniform(), template);
        BigDecimal target = round(template.unit(), template.targetLow()
                + (template.targetHigh() - template.targetLow()) * uniform(), template);
        if (target.compareTo(baseline) == 0) {
            BigDecimal step = step(template);
            target = template.direction().equals("HIGHER") ? target.add(step) : target.subtract(step);
        }
        // A baseline from the start (or from when it was defined), none yet for a few and for most not started.
        LocalDate baselineDate;
        boolean noBaseline;
        if (!started) {
            noBaseline = chance(0.7);
            baselineDate = created;
        } else {
            noBaseline = chance(0.06);
            baselineDate = created.isAfter(start) ? created : earlier(TODAY, later(start.plusDays(between(-15, 20)), created));
        }
        LocalDate targetDate = chance(0.2) && duration > 300
                ? start.plusDays((long) (duration * (0.4 + 0.3 * uniform()))) : horizon;
        if (!targetDate.isAfter(baselineDate)) {
            targetDate = baselineDate.plusDays(90);
        }

        long months = ChronoUnit.MONTHS.between(start, horizon);
        String frequency;
        if (template.unit().equals("YES_NO") || template.unit().equals("SCALE_1_5")) {
            frequency = months <= 9 ? "MONTHLY" : chance(0.75) ? "QUARTERLY" : "YEARLY";
        } else if (months <= 6) {
            frequency = "MONTHLY";
        } else if (months <= 18) {
            frequency = chance(0.25) ? "MONTHLY" : "QUARTERLY";
        } else {
            frequency = choose(List.of("QUARTERLY", "YEARLY", "MONTHLY"), 0.68, 0.24, 0.08);
        }

        Partner responsible = contributors.isEmpty() || chance(0.55) ? w.lead() : pick(contributors);
        String releasability = choose(List.of("PARTICIPANTS", "REL_TO", "PRIVATE", "ALL_PARTNERS"), 0.84, 0.07, 0.04, 0.05);
        List<UUID> relTo = List.of();
        if (releasability.equals("ALL_PARTNERS") && !w.releasability().equals("ALL_PARTNERS")) {
            releasability = "PARTICIPANTS";   // never wider than the workstream
        } else if (releasability.equals("PRIVATE") && !responsible.equals(w.lead())) {
            releasability = "PARTICIPANTS";   // always released to the responsible organization
        } else if (releasability.equals("REL_TO")) {
            Set<UUID> names = new java.util.TreeSet<>();
            if (!responsible.equals(w.lead())) {
                names.add(responsible.id());
            }
            if (!contributors.isEmpty() && (names.isEmpty() || chance(0.5))) {
                names.add(pick(contributors).id());
            }
            if (names.isEmpty()) {
                releasability = "PARTICIPANTS";
            } else {
                relTo = List.copyOf(names);
            }
        }
        boolean byPartner = List.of("NUMBER", "EUR").contains(template.unit()) && template.direction().equals("HIGHER")
                && doers.size() >= 2 && chance(0.12);

        UUID id = shape.id('1', ++indicators);
        List<Measurement> values = recent ? List.of() : measurements(w, template, baseline, target,
                noBaseline ? created : baselineDate, targetDate, frequency, responsible, byPartner ? doers : List.of());
        return new Indicator(id, position, template.definition(), template.unit(), template.direction(),
                byPartner ? "BY_PARTNER" : "NONE", noBaseline ? null : baseline, noBaseline ? null : baselineDate,
                target, targetDate, frequency, responsible, releasability, relTo, at(created), values);
    }

    // ------------------------------------------------------------------------------------------ measurements

    /**
     * One value per reported calendar period from the baseline until the work stopped (or the target date), along the
     * straight path with the indicator's course; per partner for the last two periods of a BY_PARTNER indicator.
     */
    private List<Measurement> measurements(Facts w, Template template, BigDecimal baseline, BigDecimal target,
            LocalDate from, LocalDate targetDate, String frequency, Partner responsible, List<Partner> partners) {
        Timeline timeline = w.timeline();
        // Completed work mostly reached its targets (missing one is off track for good); cancelled work often did not.
        Course course = switch (timeline.status()) {
            case "COMPLETED" -> choose(List.of(Course.ON_TRACK, Course.LAGGING, Course.FAR_BEHIND), 0.86, 0.09, 0.05);
            case "CANCELLED" -> choose(List.of(Course.ON_TRACK, Course.LAGGING, Course.FAR_BEHIND), 0.4, 0.3, 0.3);
            default -> choose(List.of(Course.ON_TRACK, Course.LAGGING, Course.FAR_BEHIND), 0.62, 0.27, 0.11);
        };
        if (timeline.stop() == null) {
            return List.of();
        }
        LocalDate until = earlier(targetDate, timeline.stop());
        List<LocalDate> starts = periods(frequency, from, until, !timeline.status().equals("ACTIVE"));
        // Some stop reporting while the work goes on: the last period or two are missing (overdue).
        if (timeline.status().equals("ACTIVE") && !starts.isEmpty() && chance(0.13)) {
            int missing = Math.min(starts.size(), chance(0.7) ? 1 : 2);
            starts = starts.subList(0, starts.size() - missing);
        }
        long life = Math.max(1, ChronoUnit.DAYS.between(from, targetDate));
        double finalGap = switch (course) {
            case ON_TRACK -> -0.15 + 0.21 * uniform();
            case LAGGING -> 0.13 + 0.09 * uniform();
            case FAR_BEHIND -> 0.30 + 0.25 * uniform();
        };
        // A yes/no on course turns yes early: the straight path expects a quarter of the way by then.
        double reachedAt = 0.05 + 0.2 * uniform();
        List<Measurement> result = new ArrayList<>();
        BigDecimal previous = null;
        for (int k = 0; k < starts.size(); k++) {
            LocalDate periodStart = starts.get(k);
            LocalDate periodEnd = periodEnd(frequency, periodStart);
            double expected = Math.clamp((double) ChronoUnit.DAYS.between(from, periodEnd) / life, 0.0, 1.0);
            double gap = finalGap * (0.3 + 0.7 * (k + 1) / starts.size()) + 0.06 * (uniform() - 0.5);
            double progress = expected - gap;
            boolean last = k == starts.size() - 1;
            if (course == Course.ON_TRACK && (!periodEnd.isBefore(targetDate) || last && targetDate.isBefore(TODAY))) {
                progress = 1.0 + 0.08 * uniform();   // on course to the end: the target is reached
            }
            progress = Math.clamp(progress, -0.1, 1.15);
            BigDecimal value;
            if (template.unit().equals("YES_NO")) {
                value = course == Course.ON_TRACK && expected >= reachedAt ? BigDecimal.ONE : BigDecimal.ZERO;
            } else {
                value = admissible(template.unit(), round(template.unit(), baseline.doubleValue()
                        + progress * (target.doubleValue() - baseline.doubleValue()), template));
                boolean counts = template.direction().equals("HIGHER")
                        && List.of("NUMBER", "EUR").contains(template.unit());
                if (counts && previous != null && value.compareTo(previous) < 0) {
                    value = previous;   // a count does not go down
                }
            }
            previous = value;

            Partner enteredBy = chance(0.85) ? responsible : w.lead();
            OffsetDateTime enteredAt = at(later(periodStart, earlier(TODAY, periodEnd.plusDays(between(2, 25)))));
            BigDecimal firstValue = null;
            Partner correctedBy = null;
            if (!template.unit().equals("YES_NO") && chance(0.03)) {
                BigDecimal first = admissible(template.unit(),
                        round(template.unit(), value.doubleValue() * (0.8 + 0.4 * uniform()), template));
                if (first.compareTo(value) != 0) {
                    firstValue = first;
                    correctedBy = chance(0.7) ? enteredBy : w.lead();
                }
            }
            String source = chance(0.75) ? source(w.kind()) : null;
            String note = chance(0.08) ? pick(List.of("Figure from the partner's own count; not yet verified.",
                    "Two units rotated out during the period.", "Estimated: the field survey was interrupted.",
                    "Includes the catch-up of the previous period.", "Weather cut the period short.")) : null;
            result.add(new Measurement(shape.id('2', ++measurements), periodStart, periodEnd, null, value, source, note,
                    enteredBy, enteredAt, firstValue, correctedBy));
            if (!partners.isEmpty() && k >= starts.size() - 2) {
                result.addAll(shares(template, value, partners, periodStart, periodEnd, enteredBy, enteredAt));
            }
        }
        return List.copyOf(result);
    }

    /** The total split between up to three of the partners (the last takes the remainder). */
    private List<Measurement> shares(Template template, BigDecimal total, List<Partner> partners, LocalDate periodStart,
            LocalDate periodEnd, Partner enteredBy, OffsetDateTime enteredAt) {
        List<Partner> sharing = new ArrayList<>(partners);
        while (sharing.size() > 3) {
            sharing.remove(random.nextInt(sharing.size()));
        }
        double[] weights = new double[sharing.size()];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = 0.3 + uniform();
            sum += weights[i];
        }
        List<Measurement> result = new ArrayList<>();
        BigDecimal rest = total;
        for (int i = 0; i < sharing.size(); i++) {
            BigDecimal share = i == sharing.size() - 1 ? rest
                    : round(template.unit(), total.doubleValue() * weights[i] / sum, template).min(rest).max(BigDecimal.ZERO);
            rest = rest.subtract(share);
            result.add(new Measurement(shape.id('2', ++measurements), periodStart, periodEnd, sharing.get(i), share, null,
                    null, enteredBy, enteredAt, null, null));
        }
        return result;
    }

    /**
     * The calendar periods overlapping from..until that have been reported: those that started, and while the work
     * goes on only those that end at most a week from today (a value is entered as its period ends).
     */
    private static List<LocalDate> periods(String frequency, LocalDate from, LocalDate until, boolean stopped) {
        LocalDate start = switch (frequency) {
            case "MONTHLY" -> from.withDayOfMonth(1);
            case "QUARTERLY" -> from.withDayOfMonth(1).withMonth((from.getMonthValue() - 1) / 3 * 3 + 1);
            default -> from.withDayOfYear(1);
        };
        List<LocalDate> starts = new ArrayList<>();
        for (; !start.isAfter(until); start = start.plusMonths(months(frequency))) {
            if (!start.isAfter(TODAY) && (stopped || !periodEnd(frequency, start).isAfter(TODAY.plusDays(7)))) {
                starts.add(start);
            }
        }
        return starts;
    }

    private static LocalDate periodEnd(String frequency, LocalDate start) {
        return start.plusMonths(months(frequency)).minusDays(1);
    }

    private static int months(String frequency) {
        return switch (frequency) {
            case "MONTHLY" -> 1;
            case "QUARTERLY" -> 3;
            default -> 12;
        };
    }

    private String source(String kind) {
        return switch (kind) {
            case "RND_PROJECT" -> pick(List.of("Project test report", "Technology readiness review",
                    "Work package progress report", "Trial data sheets"));
            case "ENGAGEMENT" -> pick(List.of("Service level report", "Compliance audit", "Joint coordination minutes",
                    "Provider's monthly return"));
            default -> pick(List.of("Exercise control records", "Training records of the partner academy",
                    "Partner ministry report", "Field survey", "Mission reporting", "Headquarters staff returns"));
        };
    }

    // ------------------------------------------------------------------------------------------ assessments

    private List<Assessment> assessments(Facts w, List<Objective> objectives, List<Partner> doers) {
        Timeline timeline = w.timeline();
        String status = timeline.status();
        boolean measured = objectives.stream().anyMatch(o -> !o.indicators().isEmpty());
        long duration = Math.max(60, ChronoUnit.DAYS.between(timeline.start(), timeline.horizon()));
        List<Assessment> result = new ArrayList<>();

        if (measured && !timeline.start().isAfter(TODAY) && timeline.everActive() && chance(0.3)) {
            LocalDate on = earlier(TODAY, timeline.start().plusDays(between(0, 30)));
            result.add(assessment(w, "INITIAL", on, pick(List.of(
                    "Baseline taken before the work began: partners start from different procedures and little shared "
                            + "data; the figures of each indicator's baseline come from this review.",
                    "Initial review of the partners' starting point: capacity is uneven, reporting lines are unclear, "
                            + "and several baselines had to be estimated.",
                    "Baseline assessment: the starting figures were agreed with every participant; two indicators "
                            + "still need a source.")), objectives, false, doers));
        }
        LocalDate stop = timeline.stop();
        if (stop != null && duration >= 270 && chance(0.45)) {
            LocalDate on = earlier(TODAY, timeline.start().plusDays((long) (duration * (0.4 + 0.25 * uniform()))));
            if (!on.isAfter(stop) && !on.isBefore(timeline.start())) {
                result.add(assessment(w, "PERIODIC", on, pick(List.of(
                        "Halfway review: most indicators follow the plan; reporting is late from some partners and one "
                                + "objective needs more resources.",
                        "Mid-term evaluation: progress is real but uneven between partners; the lagging indicators "
                                + "share a cause, the late arrival of equipment.",
                        "Periodic review: on course overall; the recommendations below address the indicators that fall "
                                + "behind.")), objectives, chance(0.7), doers));
            }
        }
        boolean initiative = w.kind().equals("INITIATIVE");
        if (status.equals("COMPLETED") && (initiative || chance(0.6))) {
            LocalDate on = earlier(TODAY, timeline.end().plusDays(between(5, 60)));
            result.add(assessment(w, "FINAL", on, pick(List.of(
                    "Final assessment: the objectives were largely met. Lessons learned: agree common procedures before "
                            + "the first activity, and name one point of contact per partner.",
                    "After-action review: the work delivered what the partners needed, later than planned. Lessons "
                            + "learned: plan the logistics earlier and share the data from the start.",
                    "Final evaluation: results are mixed; the strongest objective benefited from the partners' early "
                            + "commitment. Lessons learned: fewer objectives, measured from day one.")),
                    objectives, true, doers));
        }
        return List.copyOf(result);
    }

    private Assessment assessment(Facts w, String kind, LocalDate on, String findings, List<Objective> objectives,
            boolean rated, List<Partner> doers) {
        boolean external = !kind.equals("INITIAL") && !evaluators.isEmpty() && chance(kind.equals("FINAL") ? 0.2 : 0.4);
        Partner assessor = null;
        String name = w.lead().name();
        if (external) {
            List<Partner> others = evaluators.stream().filter(p -> !p.equals(w.lead())).toList();
            assessor = others.isEmpty() ? null : pick(others);
        }
        if (assessor != null) {
            name = assessor.name() + (assessor.kind() == Kind.ACADEMIA ? " review panel" : " evaluation team");
        }
        String releasability = assessor == null && chance(0.1) ? "PRIVATE"
                : w.releasability().equals("ALL_PARTNERS") && chance(0.3) ? "ALL_PARTNERS" : "PARTICIPANTS";
        List<Rating> ratings = new ArrayList<>();
        if (rated) {
            for (Objective objective : objectives) {
                Integer drawn = w.objectives().stream().filter(d -> d.id().equals(objective.id())).findFirst()
                        .map(Drawn::rating).orElse(null);
                int rating = kind.equals("FINAL") && drawn != null ? drawn
                        : choose(List.of(1, 2, 3, 4, 5), 0.05, 0.15, 0.35, 0.3, 0.15);
                ratings.add(new Rating(objective.id(), rating));
            }
        }
        List<Recommendation> list = new ArrayList<>();
        int count = kind.equals("FINAL") ? between(0, 2) : between(1, 3);
        List<String> texts = new ArrayList<>(List.of(
                "Name one point of contact per partner for reporting",
                "Agree the data sources of every indicator with the responsible organization",
                "Bring the lagging indicator back on course with an action plan",
                "Share the measurements with all participants every quarter",
                "Train the partner's staff to collect the figures themselves",
                "Review the targets with the partners at the next steering meeting",
                "Close the open findings before the next phase"));
        for (int position = 1; position <= count; position++) {
            Partner owner = chance(0.5) || doers.size() == 1 ? w.lead() : doers.get(1 + random.nextInt(doers.size() - 1));
            LocalDate due = kind.equals("FINAL") && chance(0.5) ? null : on.plusDays(between(30, 180));
            String status;
            if (due != null && due.isBefore(TODAY)) {
                status = chance(w.timeline().status().equals("ACTIVE") ? 0.65 : 0.85) ? "DONE" : "OPEN";
            } else {
                status = chance(0.15) ? "DONE" : "OPEN";
            }
            list.add(new Recommendation(shape.id('4', ++recommendations), position,
                    texts.remove(random.nextInt(texts.size())), owner, due, status));
        }
        return new Assessment(shape.id('3', ++assessments), kind, assessor == null ? "SELF" : "EXTERNAL", name, assessor,
                on, findings, releasability, at(on), List.copyOf(ratings), List.copyOf(list));
    }

    // ------------------------------------------------------------------------------------------ values

    /** Rounded as the unit is reported: a NUMBER to its template's decimals, tenths of a percent, thousands of EUR. */
    private static BigDecimal round(String unit, double value, Template template) {
        BigDecimal exact = BigDecimal.valueOf(value);
        return switch (unit) {
            case "PERCENT" -> exact.setScale(1, RoundingMode.HALF_UP);
            case "EUR" -> exact.setScale(-3, RoundingMode.HALF_UP).setScale(0, RoundingMode.UNNECESSARY);
            case "SCALE_1_5", "YES_NO" -> exact.setScale(0, RoundingMode.HALF_UP);
            default -> exact.setScale(template.decimals(), RoundingMode.HALF_UP);
        };
    }

    private static BigDecimal step(Template template) {
        return switch (template.unit()) {
            case "PERCENT" -> new BigDecimal("0.1");
            case "EUR" -> BigDecimal.valueOf(1000);
            case "NUMBER" -> BigDecimal.ONE.movePointLeft(template.decimals());
            default -> BigDecimal.ONE;
        };
    }

    /** Within what the unit admits (unit_admits): a percentage 0-100, a scale 1-5, no negative count or sum. */
    private static BigDecimal admissible(String unit, BigDecimal value) {
        return switch (unit) {
            case "PERCENT" -> value.max(BigDecimal.ZERO).min(BigDecimal.valueOf(100));
            case "SCALE_1_5" -> value.max(BigDecimal.ONE).min(BigDecimal.valueOf(5));
            case "YES_NO" -> value.signum() > 0 ? BigDecimal.ONE : BigDecimal.ZERO;
            default -> value.max(BigDecimal.ZERO);
        };
    }

    // ------------------------------------------------------------------------------------------ helpers

    private double uniform() {
        return random.nextDouble();
    }

    private int between(int low, int high) {
        return random.nextInt(low, high + 1);
    }

    private boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private <T> T choose(List<T> items, double... weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double u = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return items.get(i);
            }
        }
        return items.getLast();
    }

    private OffsetDateTime at(LocalDate day) {
        return OffsetDateTime.of(day, LocalTime.of(between(7, 17), between(0, 59)), ZoneOffset.UTC);
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
