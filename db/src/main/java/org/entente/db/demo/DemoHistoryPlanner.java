package org.entente.db.demo;

import static org.entente.db.demo.DemoHistory.TODAY;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.entente.db.demo.DemoHistory.Answer;
import org.entente.db.demo.DemoHistory.Contribution;
import org.entente.db.demo.DemoHistory.Deliverable;
import org.entente.db.demo.DemoHistory.Engagement;
import org.entente.db.demo.DemoHistory.Initiative;
import org.entente.db.demo.DemoHistory.Invitation;
import org.entente.db.demo.DemoHistory.Kind;
import org.entente.db.demo.DemoHistory.Milestone;
import org.entente.db.demo.DemoHistory.Partner;
import org.entente.db.demo.DemoHistory.Results;
import org.entente.db.demo.DemoHistory.RndProject;
import org.entente.db.demo.DemoHistory.WorkPackage;
import org.entente.db.demo.DemoHistory.Workstream;

/**
 * Draws the demo history from one {@link SplittableRandom}. The rules of thumb, each in one method below:
 * <ul>
 *   <li>who: leads and participants are drawn by kind (states lead most initiatives, companies and universities
 *       join R&amp;D, engagements have a non-state party), then by weight within the kind: a state's weight grows
 *       with its GDP, an organization's only slowly with its budget; partners from the workstream's part of the
 *       world are two and a half times as likely;</li>
 *   <li>how much: a contribution's EUR value is Pareto-distributed and scales with the contributor's capacity,
 *       so a few large states carry most of the burden while many small partners give a little;</li>
 *   <li>when: start dates 2021–2026 (more every year), statuses follow from the dates and the lifecycle,
 *       deliveries from the progress; some facts are late or missing on purpose (overdue pledges, late
 *       deliveries and milestones, expiring agreements, workstreams without region or end date);</li>
 *   <li>results: objectives, indicators, measurements and assessments come from {@link DemoResultsPlanner}, which
 *       draws from a random sequence of its own (adding them changed no other row).</li>
 * </ul>
 */
final class DemoHistoryPlanner {

    private static final String INITIATIVE = "INITIATIVE";
    private static final String RND_PROJECT = "RND_PROJECT";
    private static final String ENGAGEMENT = "ENGAGEMENT";

    /** The unit a partner usually pledges in (valuation_rate has no PLN, TRY, KRW, QAR, ...: those use USD or EUR). */
    private static final Map<String, String> HOME_CURRENCY = Map.ofEntries(
            Map.entry("norway", "NOK"), Map.entry("kenya", "KES"), Map.entry("un-dpo", "USD"),
            Map.entry("au-psd", "USD"), Map.entry("aegis-maritime", "GBP"), Map.entry("northwind", "GBP"),
            Map.entry("united-states", "USD"), Map.entry("united-kingdom", "GBP"), Map.entry("canada", "CAD"),
            Map.entry("turkiye", "USD"), Map.entry("sweden", "SEK"), Map.entry("denmark", "DKK"),
            Map.entry("japan", "JPY"), Map.entry("australia", "AUD"), Map.entry("republic-of-korea", "USD"),
            Map.entry("ukraine", "USD"), Map.entry("nigeria", "NGN"), Map.entry("south-africa", "ZAR"),
            Map.entry("saudi-arabia", "SAR"), Map.entry("united-arab-emirates", "AED"), Map.entry("qatar", "USD"),
            Map.entry("kuwait", "USD"), Map.entry("oman", "USD"), Map.entry("bahrain", "USD"),
            Map.entry("gcc-secretariat", "SAR"), Map.entry("peninsula-shield", "SAR"), Map.entry("unhcr", "USD"),
            Map.entry("un-ocha", "USD"), Map.entry("unmas", "USD"), Map.entry("au-aussom", "USD"),
            Map.entry("ecowas-commission", "USD"), Map.entry("frontline-medics", "CHF"),
            Map.entry("clear-ground", "GBP"), Map.entry("sentinel-risk", "USD"), Map.entry("kestrel-protective", "ZAR"),
            Map.entry("ironbridge-security", "GBP"), Map.entry("corvane-dynamics", "USD"),
            Map.entry("cascadia-polytechnic", "USD"), Map.entry("gulf-strategic-tech", "AED"));

    private static final List<String> MECHANISMS = List.of("JOINT_EXERCISE", "PEACEKEEPING", "CAPACITY_BUILDING",
            "INTELLIGENCE_SHARING", "COUNTER_TERRORISM", "CYBER_DEFENSE", "MARITIME_SECURITY", "HUMANITARIAN_RESPONSE",
            "TREATY_FRAMEWORK", "ARMS_CONTROL");
    private static final List<String> TECHNOLOGY_AREAS = List.of("CYBER", "AI", "UNMANNED_SYSTEMS", "SPACE", "C4ISR",
            "ENERGY", "MEDICAL", "MATERIALS");

    private final List<Partner> partners;
    private final Map<String, BigDecimal> eurPerUnit;
    private final DemoHistory.Shape shape;
    private final SplittableRandom random;
    private final Set<String> titles = new HashSet<>();
    /** The results chain draws from a random sequence of its own: the rest of the history stays as it was. */
    private final DemoResultsPlanner results;
    private long contributions;
    private long milestones;
    private long workPackages;
    private long deliverables;
    private long objectives;

    DemoHistoryPlanner(List<Partner> partners, Map<String, BigDecimal> eurPerUnit, DemoHistory.Shape shape) {
        this.shape = shape;
        this.random = new SplittableRandom(shape.seed());
        this.partners = partners.stream().sorted(Comparator.comparing(Partner::id)).toList();
        this.eurPerUnit = Map.copyOf(eurPerUnit);
        this.results = new DemoResultsPlanner(shape, this.partners);
        for (Kind kind : Kind.values()) {
            if (this.partners.stream().noneMatch(p -> p.kind() == kind)) {
                throw new IllegalArgumentException("The demo history needs a partner of every kind; none is " + kind);
            }
        }
        for (String unit : List.of("EUR", "USD", "PERSON_DAY")) {
            if (!eurPerUnit.containsKey(unit)) {
                throw new IllegalArgumentException("The demo history needs the valuation rate of " + unit);
            }
        }
    }

    List<Workstream> plan() {
        List<Workstream> plan = new ArrayList<>();
        for (int n = 1; n <= shape.workstreams(); n++) {
            plan.add(workstream(n));
        }
        return List.copyOf(plan);
    }

    // ------------------------------------------------------------------------------------------ workstream

    /** Dates and status of a workstream: when it stops being worked on, and how far it got. */
    record Timeline(LocalDate start, LocalDate end, LocalDate horizon, List<String> lifecycle,
            LocalDate stop) {

        String status() {
            return lifecycle.isEmpty() ? "PROPOSED" : lifecycle.getLast();
        }

        boolean everActive() {
            return lifecycle.contains("ACTIVE");
        }

        /** Share of the planned duration done by that date (0 before the start, 1 at the end). */
        double progress(LocalDate date) {
            long total = Math.max(1, ChronoUnit.DAYS.between(start, horizon));
            return Math.clamp((double) ChronoUnit.DAYS.between(start, date) / total, 0.0, 1.0);
        }
    }

    private Workstream workstream(int n) {
        String kind = choose(List.of(INITIATIVE, RND_PROJECT, ENGAGEMENT), 0.44, 0.31, 0.25);
        Kind leadKind = switch (kind) {
            case INITIATIVE -> choose(List.of(Kind.STATE, Kind.ALLIANCE, Kind.IGO, Kind.NGO), 0.64, 0.14, 0.17, 0.05);
            case RND_PROJECT -> choose(List.of(Kind.STATE, Kind.ALLIANCE, Kind.CORPORATION, Kind.ACADEMIA),
                    0.45, 0.12, 0.25, 0.18);
            default -> choose(List.of(Kind.STATE, Kind.ALLIANCE, Kind.IGO), 0.55, 0.15, 0.30);
        };
        String mechanism = kind.equals(INITIATIVE) ? mechanism(leadKind) : null;
        String technologyArea = kind.equals(RND_PROJECT)
                ? choose(TECHNOLOGY_AREAS, 0.18, 0.18, 0.16, 0.10, 0.14, 0.08, 0.08, 0.08) : null;
        Kind partyKind = kind.equals(ENGAGEMENT)
                ? choose(List.of(Kind.NGO, Kind.PRIVATE_SECURITY, Kind.CORPORATION, Kind.ACADEMIA), 0.30, 0.30, 0.22, 0.18)
                : null;
        String engagementType = partyKind == null ? null : engagementType(partyKind);
        String region = region(kind, mechanism, engagementType);
        Partner lead = partner(leadKind, region, Set.of());
        Timeline timeline = timeline(kind, mechanism);
        OffsetDateTime createdAt = createdAt(timeline.start());

        Engagement engagement = null;
        List<Invitation> invitations = new ArrayList<>();
        Set<Partner> taken = new HashSet<>(Set.of(lead));
        if (partyKind != null) {
            engagement = engagement(lead, partyKind, engagementType, region, timeline);
            if (engagement.party() != null) {
                taken.add(engagement.party());
                invitations.add(new Invitation(engagement.party(), "CONTRIBUTOR", partyAnswer(engagement, timeline),
                        invitedAt(createdAt)));
            }
        }
        for (int i = 0, count = invitees(kind); i < count; i++) {
            Partner participant = partner(participantKind(kind, mechanism), region, taken);
            if (participant == null) {
                break;
            }
            taken.add(participant);
            invitations.add(new Invitation(participant, chance(0.18) ? "OBSERVER" : "CONTRIBUTOR",
                    answer(timeline.status()), invitedAt(createdAt)));
        }

        List<Contribution> pledges = contributions(kind, lead, invitations, timeline, createdAt);
        List<Partner> doers = new ArrayList<>(List.of(lead));
        invitations.stream().filter(i -> i.answer() == Answer.ACCEPTED && i.role().equals("CONTRIBUTOR"))
                .map(Invitation::participant).forEach(doers::add);
        List<DemoResultsPlanner.Drawn> objectives = mechanism == null ? List.of() : objectives(timeline);
        Initiative initiative = mechanism == null ? null : new Initiative(mechanism);
        RndProject rndProject = technologyArea == null ? null
                : rndProject(technologyArea, timeline, doers, pledges);
        String title = uniqueTitle(title(kind, mechanism, technologyArea, engagement, region, timeline.start()),
                timeline.start());
        // (In the order the constructor's arguments drew them before the results chain came.)
        String releasability = chance(0.12) ? "ALL_PARTNERS" : "PARTICIPANTS";
        List<Milestone> milestones = milestones(kind, timeline, doers);
        Results results = this.results.plan(new DemoResultsPlanner.Facts(kind, mechanism, engagementType, timeline, lead,
                releasability, createdAt, invitations, objectives, rndProject));
        return new Workstream(shape.id('a', n), lead, kind, title,
                description(kind, mechanism, technologyArea, engagement, lead, region, timeline),
                timeline.lifecycle(), releasability, region, timeline.start(),
                timeline.end(), createdAt, initiative, rndProject, engagement, List.copyOf(invitations),
                milestones, pledges, results);
    }

    /** Start 2021–2026 (later years busier); duration by kind; status from the dates and the lifecycle. */
    private Timeline timeline(String kind, String mechanism) {
        int year = choose(List.of(2021, 2022, 2023, 2024, 2025, 2026), 0.12, 0.14, 0.16, 0.18, 0.20, 0.20);
        LocalDate start = LocalDate.of(year, 1, 1).plusDays(random.nextInt(LocalDate.of(year, 1, 1).lengthOfYear()));
        int months = switch (kind) {
            case INITIATIVE -> switch (mechanism) {
                case "JOINT_EXERCISE" -> between(1, 4);
                case "HUMANITARIAN_RESPONSE" -> between(3, 18);
                default -> between(6, 36);
            };
            case RND_PROJECT -> between(12, 48);
            default -> between(6, 36);
        };
        LocalDate end = start.plusMonths(months).minusDays(1);

        List<String> lifecycle;
        if (start.isAfter(TODAY)) {
            lifecycle = chance(0.5) ? List.of() : List.of("APPROVED");
        } else if (start.isAfter(TODAY.minusDays(kind.equals(ENGAGEMENT) ? 365 : 200))
                && chance(kind.equals(ENGAGEMENT) ? 0.5 : 0.4)) {
            lifecycle = chance(0.4) ? List.of() : List.of("APPROVED");   // a start that slipped (vetting, approval)
        } else if (end.isBefore(TODAY)) {
            lifecycle = chance(kind.equals(ENGAGEMENT) ? 0.80 : 0.86) ? List.of("APPROVED", "ACTIVE", "COMPLETED")
                    : cancelled(kind);
        } else {
            lifecycle = chance(0.92) ? List.of("APPROVED", "ACTIVE") : cancelled(kind);
        }

        LocalDate stop = null;
        if (lifecycle.contains("COMPLETED")) {
            stop = end;
        } else if (lifecycle.contains("CANCELLED") && lifecycle.contains("ACTIVE")) {
            LocalDate last = end.isBefore(TODAY) ? end : TODAY;
            stop = start.plusDays((long) (ChronoUnit.DAYS.between(start, last) * (0.15 + 0.7 * uniform())));
        } else if (lifecycle.contains("ACTIVE")) {
            stop = TODAY;
        }
        // Some long-running frameworks have no end date (a gap the data-completeness rollup reports).
        boolean openEnded = kind.equals(INITIATIVE) && lifecycle.equals(List.of("APPROVED", "ACTIVE"))
                && List.of("TREATY_FRAMEWORK", "INTELLIGENCE_SHARING", "COUNTER_TERRORISM").contains(mechanism)
                && chance(0.6);
        LocalDate horizon = openEnded ? later(start.plusMonths(24), TODAY.plusMonths(12)) : end;
        return new Timeline(start, openEnded ? null : end, horizon, lifecycle, stop);
    }

    /** Engagements are more often stopped before they ever start (vetting). */
    private List<String> cancelled(String kind) {
        double neverActive = kind.equals(ENGAGEMENT) ? 0.6 : 0.3;
        double u = uniform();
        if (u < neverActive * 0.7) {
            return List.of("APPROVED", "CANCELLED");
        }
        if (u < neverActive) {
            return List.of("CANCELLED");
        }
        return List.of("APPROVED", "ACTIVE", "CANCELLED");
    }

    private OffsetDateTime createdAt(LocalDate start) {
        LocalDate day = start.minusDays(between(20, 150));
        if (day.isAfter(TODAY.minusDays(2))) {
            day = TODAY.minusDays(between(2, 40));
        }
        return at(day);
    }

    private OffsetDateTime invitedAt(OffsetDateTime createdAt) {
        OffsetDateTime invited = createdAt.plusDays(between(0, 21)).plusMinutes(between(5, 300));
        return invited.toLocalDate().isAfter(TODAY) ? createdAt.plusMinutes(between(5, 300)) : invited;
    }

    // ---------------------------------------------------------------------------------------- partners

    /** How likely a partner is drawn within its kind: states by GDP (sub-linearly), others only slowly by budget. */
    private static double weight(Partner partner) {
        return partner.kind() == Kind.STATE ? Math.pow(Math.max(partner.capacity(), 1.0), 0.40)
                : 1.0 + Math.pow(Math.max(partner.capacity(), 0.01), 0.3);
    }

    /** A partner of that kind (any kind if none of it is left), not yet taken; null when all are taken. */
    private Partner partner(Kind kind, String region, Set<Partner> taken) {
        List<Partner> candidates = partners.stream().filter(p -> p.kind() == kind && !taken.contains(p)).toList();
        if (candidates.isEmpty()) {
            candidates = partners.stream().filter(p -> !taken.contains(p)).toList();
        }
        if (candidates.isEmpty()) {
            return null;
        }
        String theatre = theatre(region);
        double[] weights = candidates.stream()
                .mapToDouble(p -> weight(p) * (theatre != null && theatre.equals(theatre(p.region())) ? 2.5 : 1.0))
                .toArray();
        return choose(candidates, weights);
    }

    /** The part of the world a region belongs to, for the affinity of partners; null = everywhere. */
    private static String theatre(String region) {
        if (region == null) {
            return null;
        }
        String r = region.toLowerCase();
        if (r.contains("africa") || r.contains("sahel") || r.contains("chad") || r.contains("guinea")
                || r.contains("horn") || r.contains("great lakes") || r.contains("indian ocean")) {
            return "AFRICA";
        }
        if (r.contains("gulf") || r.contains("middle east") || r.contains("red sea") || r.contains("hormuz")
                || r.contains("levant")) {
            return "MIDDLE_EAST";
        }
        if (r.contains("asia") || r.contains("pacific") || r.contains("oceania")) {
            return "INDO_PACIFIC";
        }
        if (r.contains("global")) {
            return null;
        }
        return "EURO_ATLANTIC";
    }

    private int invitees(String kind) {
        double u = uniform();
        return switch (kind) {
            case INITIATIVE -> 2 + (int) (12 * Math.pow(u, 2.2));
            case RND_PROJECT -> 2 + (int) (7 * Math.pow(u, 1.8));
            default -> (int) (4 * Math.pow(u, 1.5));   // besides the party
        };
    }

    private Kind participantKind(String kind, String mechanism) {
        List<Kind> all = List.of(Kind.STATE, Kind.ALLIANCE, Kind.IGO, Kind.NGO, Kind.PRIVATE_SECURITY,
                Kind.CORPORATION, Kind.ACADEMIA);
        if (kind.equals(RND_PROJECT)) {
            return choose(all, 0.48, 0.07, 0.05, 0.0, 0.0, 0.22, 0.18);
        }
        if (kind.equals(ENGAGEMENT)) {
            return choose(all, 0.63, 0.12, 0.25, 0.0, 0.0, 0.0, 0.0);
        }
        return switch (mechanism) {
            case "HUMANITARIAN_RESPONSE", "PEACEKEEPING" -> choose(all, 0.45, 0.05, 0.25, 0.20, 0.05, 0.0, 0.0);
            case "MARITIME_SECURITY" -> choose(all, 0.65, 0.12, 0.05, 0.0, 0.13, 0.05, 0.0);
            case "CYBER_DEFENSE" -> choose(all, 0.50, 0.15, 0.0, 0.0, 0.0, 0.20, 0.15);
            default -> choose(all, 0.70, 0.06, 0.11, 0.05, 0.03, 0.03, 0.02);
        };
    }

    private Answer answer(String status) {
        double u = uniform();
        return switch (status) {
            case "PROPOSED", "APPROVED" -> u < 0.40 ? Answer.PENDING : u < 0.47 ? Answer.DECLINED : Answer.ACCEPTED;
            case "ACTIVE" -> u < 0.05 ? Answer.PENDING : u < 0.12 ? Answer.DECLINED : u < 0.16 ? Answer.LEFT
                    : Answer.ACCEPTED;
            case "COMPLETED" -> u < 0.07 ? Answer.DECLINED : u < 0.11 ? Answer.LEFT : Answer.ACCEPTED;
            default -> u < 0.06 ? Answer.UNINVITED : u < 0.13 ? Answer.DECLINED : u < 0.16 ? Answer.LEFT
                    : Answer.ACCEPTED;
        };
    }

    /** The party takes part once vetted; a rejected party's invitation is withdrawn by the lead. */
    private Answer partyAnswer(Engagement engagement, Timeline timeline) {
        return switch (engagement.vettingStatus()) {
            case "CLEARED" -> Answer.ACCEPTED;
            case "REJECTED" -> Answer.UNINVITED;
            default -> timeline.status().equals("CANCELLED") ? Answer.UNINVITED
                    : chance(0.5) ? Answer.PENDING : Answer.ACCEPTED;
        };
    }

    // ----------------------------------------------------------------------------------- kind details

    private String mechanism(Kind leadKind) {
        if (leadKind == Kind.NGO) {
            return chance(0.7) ? "HUMANITARIAN_RESPONSE" : "CAPACITY_BUILDING";
        }
        if (leadKind == Kind.IGO) {
            return choose(List.of("PEACEKEEPING", "HUMANITARIAN_RESPONSE", "CAPACITY_BUILDING", "ARMS_CONTROL",
                    "COUNTER_TERRORISM"), 0.35, 0.25, 0.2, 0.1, 0.1);
        }
        return choose(MECHANISMS, 0.18, 0.06, 0.16, 0.10, 0.10, 0.10, 0.14, 0.06, 0.05, 0.05);
    }

    /** An initiative's objectives; once COMPLETED each has the rating its final assessment gives it. */
    private List<DemoResultsPlanner.Drawn> objectives(Timeline timeline) {
        List<String> texts = new ArrayList<>(List.of(
                "Agree common procedures and a handling annex signed by every participant",
                "Train partner personnel to a common certified standard",
                "Establish a shared situational picture between all headquarters",
                "Hand the capability over to regional partners by the end of the mandate",
                "Cut the time from request to deployment by a third",
                "Exercise combined command and control across organizations",
                "Protect civilians and keep supply routes open",
                "Publish lessons learned and recommendations to the partners"));
        List<DemoResultsPlanner.Drawn> result = new ArrayList<>();
        int count = between(2, 3);
        for (int position = 1; position <= count; position++) {
            String text = texts.remove(random.nextInt(texts.size()));
            Integer rating = timeline.status().equals("COMPLETED") ? choose(List.of(2, 3, 4, 5), 0.1, 0.3, 0.4, 0.2)
                    : null;
            result.add(new DemoResultsPlanner.Drawn(shape.id('f', ++objectives), position, text, rating));
        }
        return List.copyOf(result);
    }

    private String engagementType(Kind partyKind) {
        return switch (partyKind) {
            case NGO -> choose(List.of("HUMANITARIAN_COORDINATION", "TRAINING", "ADVISORY"), 0.6, 0.2, 0.2);
            case PRIVATE_SECURITY -> choose(List.of("SECURITY_SERVICES", "LOGISTICS_SUPPORT", "TRAINING"), 0.5, 0.3, 0.2);
            case CORPORATION -> choose(List.of("TECHNOLOGY_PARTNERSHIP", "LOGISTICS_SUPPORT", "ADVISORY"), 0.5, 0.3, 0.2);
            default -> choose(List.of("ADVISORY", "TRAINING", "TECHNOLOGY_PARTNERSHIP"), 0.4, 0.3, 0.3);
        };
    }

    /**
     * Vetting follows the status (only a CLEARED engagement may have gone ACTIVE); some active agreements run out
     * within 90 days of today, a few already have, a few cleared ones lack dates.
     */
    private Engagement engagement(Partner lead, Kind partyKind, String type, String region, Timeline timeline) {
        String vetting;
        if (timeline.everActive()) {
            vetting = "CLEARED";
        } else {
            vetting = switch (timeline.status()) {
                case "PROPOSED" -> chance(0.6) ? "NOT_STARTED" : "IN_REVIEW";
                case "APPROVED" -> choose(List.of("IN_REVIEW", "NOT_STARTED", "CLEARED"), 0.65, 0.10, 0.25);
                default -> choose(List.of("REJECTED", "IN_REVIEW", "NOT_STARTED"), 0.70, 0.15, 0.15);
            };
        }
        Partner party = chance(0.05) ? null : partner(partyKind, region, Set.of(lead));
        String partyName = party != null ? null : choose(List.of("Horizon Relief Cooperative",
                "Meridian Port Services Ltd", "Coastal Watch Foundation", "Tamarind Logistics FZE"), 0.25, 0.25, 0.25, 0.25);
        String risk = vetting.equals("NOT_STARTED") && chance(0.7) ? null : switch (partyKind) {
            case PRIVATE_SECURITY -> choose(List.of("LOW", "MEDIUM", "HIGH", "CRITICAL"), 0.10, 0.35, 0.40, 0.15);
            case NGO -> choose(List.of("LOW", "MEDIUM", "HIGH", "CRITICAL"), 0.45, 0.40, 0.12, 0.03);
            case CORPORATION -> choose(List.of("LOW", "MEDIUM", "HIGH", "CRITICAL"), 0.40, 0.40, 0.15, 0.05);
            default -> choose(List.of("LOW", "MEDIUM", "HIGH"), 0.60, 0.30, 0.10);
        };
        String reference = null;
        LocalDate from = null;
        LocalDate to = null;
        if (vetting.equals("CLEARED") || (vetting.equals("IN_REVIEW") && chance(0.4))) {
            reference = "%s/AGR/%d/%03d".formatted(lead.alias().toUpperCase(), timeline.start().getYear(), between(1, 250))
                    + (vetting.equals("IN_REVIEW") ? "-DRAFT" : "");
            from = timeline.start().minusDays(between(0, 45));
            to = timeline.horizon().plusDays(between(0, 90));
            if (timeline.status().equals("ACTIVE")) {
                double u = uniform();
                if (u < 0.35) {
                    to = TODAY.plusDays(between(5, 88));       // expires within 90 days
                } else if (u < 0.41) {
                    to = TODAY.minusDays(between(5, 60));      // ran out while the engagement goes on
                }
            } else if (timeline.stop() != null && !timeline.status().equals("ACTIVE")) {
                to = timeline.horizon().plusDays(between(-30, 60));
            }
            if (to.isBefore(from)) {
                to = from.plusDays(between(30, 365));
            }
            if (vetting.equals("CLEARED") && chance(0.04)) {
                from = null;
                to = null;
            }
        }
        return new Engagement(party, partyName, type, vetting, reference, from, to, risk);
    }

    private RndProject rndProject(String area, Timeline timeline, List<Partner> doers, List<Contribution> pledges) {
        int trlStart = between(2, 6);
        int trlTarget = Math.min(9, trlStart + between(1, 4));
        int trlCurrent = switch (timeline.status()) {
            case "COMPLETED" -> chance(0.8) ? trlTarget : Math.max(trlStart, trlTarget - 1);
            case "ACTIVE" -> Math.min(trlTarget, trlStart
                    + (int) Math.round((trlTarget - trlStart) * timeline.progress(TODAY) * (0.6 + 0.5 * uniform())));
            case "CANCELLED" -> Math.min(trlTarget, trlStart + (chance(0.4) ? 1 : 0));
            default -> trlStart;
        };

        List<String> titlesInOrder = List.of("Project management", "Requirements and concept", "Architecture and design",
                "Prototype development", "Integration and testing", "Field trials", "Exploitation and transition");
        int count = between(2, 5);
        List<String> chosen = new ArrayList<>(List.of(titlesInOrder.getFirst()));
        List<String> rest = new ArrayList<>(titlesInOrder.subList(1, titlesInOrder.size()));
        while (chosen.size() < count) {
            chosen.add(rest.remove(random.nextInt(rest.size())));
        }
        chosen.sort(Comparator.comparingInt(titlesInOrder::indexOf));

        // The budget is about what the partners pledged (or a modest sum while nothing is pledged yet).
        double pledged = pledges.stream().mapToDouble(c -> eur(c.unit(), c.pledgedAmount())).sum();
        double total = Math.max(pledged * (0.8 + 0.3 * uniform()), 200_000 * (1 + 4 * uniform()));
        double[] shares = new double[count];
        double sum = 0;
        for (int i = 0; i < count; i++) {
            shares[i] = 0.5 + uniform();
            sum += shares[i];
        }
        List<WorkPackage> packages = new ArrayList<>();
        long days = Math.max(30, ChronoUnit.DAYS.between(timeline.start(), timeline.horizon()));
        for (int i = 0; i < count; i++) {
            Partner lead = chance(0.4) ? doers.getFirst() : doers.get(random.nextInt(doers.size()));
            BigDecimal budget = significant(total * shares[i] / sum, 3).setScale(2, RoundingMode.HALF_UP);
            List<Deliverable> items = new ArrayList<>();
            int itemCount = between(1, 3);
            for (int d = 1; d <= itemCount; d++) {
                // Spread over the work package's slice of the project, later packages later.
                double at = (i + (double) d / (itemCount + 1)) / count;
                LocalDate due = timeline.start().plusDays((long) (days * at) + between(-10, 10));
                items.add(deliverable(chosen.get(i), d, due, timeline));
            }
            packages.add(new WorkPackage(shape.id('d', ++workPackages), "WP" + (i + 1), chosen.get(i), lead,
                    budget, List.copyOf(items)));
        }
        return new RndProject(area, trlStart, trlCurrent, trlTarget, List.copyOf(packages));
    }

    private Deliverable deliverable(String workPackage, int number, LocalDate due, Timeline timeline) {
        String title = workPackage.equals("Project management")
                ? (number == 1 ? "Project plan" : "Progress report " + number)
                : workPackage + (number == 1 ? " report" : " — deliverable " + number);
        String status;
        LocalDate submitted = null;
        boolean worked = timeline.stop() != null && !due.isAfter(timeline.stop().plusDays(30));
        if (timeline.status().equals("COMPLETED")) {
            status = chance(0.85) ? "ACCEPTED" : chance(0.6) ? "SUBMITTED" : "PLANNED";
        } else if (!worked) {
            status = "PLANNED";
        } else if (due.isBefore(TODAY)) {
            status = choose(List.of("ACCEPTED", "SUBMITTED", "PLANNED"), 0.60, 0.20, 0.20);
        } else {
            status = chance(0.15) ? "SUBMITTED" : "PLANNED";
        }
        if (!status.equals("PLANNED")) {
            // On time or early mostly, late by up to six weeks otherwise; never after today.
            submitted = due.plusDays(chance(0.65) ? between(-20, 0) : between(1, 45));
            if (submitted.isAfter(TODAY)) {
                submitted = TODAY.minusDays(between(0, 10));
            }
        }
        return new Deliverable(shape.id('e', ++deliverables), title, due, status, submitted);
    }

    // ----------------------------------------------------------------------------------- contributions

    private List<Contribution> contributions(String kind, Partner lead, List<Invitation> invitations,
            Timeline timeline, OffsetDateTime createdAt) {
        // Whom a REL_TO item may name: the lead and whoever stays an accepted participant.
        List<Partner> audience = new ArrayList<>(List.of(lead));
        invitations.stream().filter(i -> i.answer() == Answer.ACCEPTED).map(Invitation::participant).forEach(audience::add);

        List<Contribution> result = new ArrayList<>();
        boolean proposed = timeline.status().equals("PROPOSED");
        int leadCount = pledges(proposed ? (chance(0.5) ? 1 : 0) : between(2, 5));
        for (int i = 0; i < leadCount; i++) {
            result.add(contribution(kind, lead, false, audience, timeline, createdAt));
        }
        for (Invitation invitation : invitations) {
            if (proposed || !invitation.role().equals("CONTRIBUTOR") || !invitation.answer().acceptsFirst()) {
                continue;
            }
            boolean left = invitation.answer() == Answer.LEFT;
            int count = pledges(left ? between(0, 1) : between(1, 4));
            for (int i = 0; i < count; i++) {
                result.add(contribution(kind, invitation.participant(), left, audience, timeline, createdAt));
            }
        }
        return List.copyOf(result);
    }

    private Contribution contribution(String kind, Partner contributor, boolean left, List<Partner> audience,
            Timeline timeline, OffsetDateTime createdAt) {
        List<String> types = List.of("FUNDING", "PERSONNEL", "EQUIPMENT", "IN_KIND");
        String type = switch (contributor.kind()) {
            case STATE -> choose(types, 0.40, 0.25, 0.22, 0.13);
            case ALLIANCE -> choose(types, 0.50, 0.30, 0.0, 0.20);
            case IGO -> choose(types, 0.45, 0.30, 0.0, 0.25);
            case NGO -> choose(types, 0.15, 0.45, 0.0, 0.40);
            case PRIVATE_SECURITY -> choose(types, 0.0, 0.40, 0.35, 0.25);
            case CORPORATION -> choose(types, 0.10, 0.15, 0.40, 0.35);
            case ACADEMIA -> choose(types, 0.10, 0.60, 0.0, 0.30);
        };
        // EUR value: Pareto (alpha 1.5, capped) times a capacity scale; states' GDP makes the big ones big.
        double pareto = Math.min(40.0, Math.pow(1.0 - uniform(), -1.0 / 1.5));
        double scale = Math.pow(Math.max(contributor.capacity(), 0.5), 0.55);
        double typeFactor = switch (type) {
            case "EQUIPMENT" -> 1.5;
            case "FUNDING" -> 1.2;
            case "PERSONNEL" -> 0.8;
            default -> 0.6;
        };
        double kindFactor = switch (kind) {
            case RND_PROJECT -> 0.8;
            case ENGAGEMENT -> 0.5;
            default -> 1.0;
        };
        double valueEur = Math.min(5.0e8, 25_000 * scale * pareto * typeFactor * kindFactor);

        String unit;
        if (type.equals("PERSONNEL")) {
            unit = "PERSON_DAY";
        } else {
            String home = HOME_CURRENCY.getOrDefault(contributor.alias(), contributor.kind() == Kind.IGO ? "USD" : "EUR");
            unit = choose(List.of(eurPerUnit.containsKey(home) ? home : "EUR", "EUR", "USD"), 0.70, 0.15, 0.15);
        }
        BigDecimal pledged = significant(valueEur / eurPerUnit.get(unit).doubleValue(), 3).max(BigDecimal.valueOf(5));

        // When pledged: from shortly after the workstream was proposed to a third into it, never after today.
        LocalDate earliest = later(createdAt.toLocalDate().plusDays(3), timeline.start().minusDays(60));
        LocalDate latest = earlier(TODAY, timeline.start().plusDays(
                ChronoUnit.DAYS.between(timeline.start(), timeline.horizon()) / 3));
        if (timeline.stop() != null) {
            latest = earlier(latest, later(timeline.stop(), earliest));
        }
        LocalDate pledgedOn = earlier(TODAY, dayBetween(earliest, later(latest, earliest)));

        double ratio = deliveredShare(type, timeline) * (left ? 0.5 : 1.0);
        BigDecimal delivered = ratio >= 0.999 && ratio <= 1.001 ? pledged
                : significant(pledged.doubleValue() * ratio, 3);
        LocalDate deliveredOn = delivered.signum() == 0 ? null : deliveredOn(pledgedOn, timeline);

        String releasability = choose(List.of("PARTICIPANTS", "ALL_PARTNERS", "REL_TO", "PRIVATE"), 0.70, 0.17, 0.08, 0.05);
        List<UUID> relTo = List.of();
        if (releasability.equals("REL_TO")) {
            List<Partner> others = audience.stream().filter(p -> !p.equals(contributor)).toList();
            if (others.isEmpty()) {
                releasability = "PARTICIPANTS";
            } else {
                Set<UUID> names = new LinkedHashSet<>();
                for (int i = 0, count = between(1, Math.min(3, others.size())); i < count; i++) {
                    names.add(others.get(random.nextInt(others.size())).id());
                }
                relTo = names.stream().sorted().toList();
            }
        }
        return new Contribution(shape.id('b', ++contributions), contributor, type,
                contributionDescription(type), unit, pledged, delivered, pledgedOn, deliveredOn, releasability, relTo,
                at(pledgedOn));
    }

    /** Share of the pledge delivered: by the status, and for active work by how far it got. */
    private double deliveredShare(String type, Timeline timeline) {
        double u = uniform();
        return switch (timeline.status()) {
            case "COMPLETED" -> u < 0.84 ? 1.0 : u < 0.95 ? 0.3 + 0.65 * uniform() : u < 0.98 ? 0.0
                    : 1.02 + 0.06 * uniform();
            case "ACTIVE" -> {
                double progress = timeline.progress(TODAY);
                if (u < 0.12) {
                    yield 0.0;
                }
                if (type.equals("EQUIPMENT")) {
                    yield progress > 0.5 ? 1.0 : 0.0;
                }
                yield Math.min(1.0, progress * (0.5 + 0.7 * uniform()));
            }
            case "CANCELLED" -> timeline.stop() == null ? 0.0 : timeline.progress(timeline.stop()) * 0.9 * u;
            default -> 0.0;
        };
    }

    /** The last delivery: towards the end of the work; now and then after the end date (delivered late). */
    private LocalDate deliveredOn(LocalDate pledgedOn, Timeline timeline) {
        LocalDate last = timeline.stop() == null ? TODAY : earlier(timeline.stop(), TODAY);
        LocalDate day;
        if (timeline.status().equals("COMPLETED") && chance(0.07)) {
            day = timeline.end().plusDays(between(5, 150));
        } else if (timeline.status().equals("COMPLETED")) {
            day = last.minusDays(between(0, 60));
        } else {
            day = dayBetween(pledgedOn, later(last, pledgedOn));
        }
        return earlier(TODAY, later(day, pledgedOn));
    }

    private String contributionDescription(String type) {
        return switch (type) {
            case "FUNDING" -> pick(List.of("Programme funding", "Share of the common costs", "Trust fund contribution",
                    "Host-nation support costs", "Operating budget share", "Grant for partner training"));
            case "PERSONNEL" -> pick(List.of("Staff officers seconded to the headquarters", "Trainers and mentors",
                    "Liaison officers", "Medical team", "Engineers and technicians", "Analysts seconded to the cell",
                    "Researchers and test engineers"));
            case "EQUIPMENT" -> pick(List.of("Patrol vessel with crew", "Transport aircraft flying hours",
                    "Protected vehicles", "Sensor kits", "Communications equipment", "Unmanned aerial systems",
                    "Field hospital modules"));
            default -> pick(List.of("Training facilities and ranges", "Warehousing and port services",
                    "Satellite imagery", "Software licences", "Accommodation and catering", "Test range time"));
        };
    }

    // ------------------------------------------------------------------------------------- milestones

    private List<Milestone> milestones(String kind, Timeline timeline, List<Partner> doers) {
        List<String> steps = switch (kind) {
            case INITIATIVE -> List.of("Initial planning conference", "Main planning conference",
                    "Final planning conference", "Deployment complete", "Mid-term review", "After-action review");
            case RND_PROJECT -> List.of("Requirements baseline", "Preliminary design review", "Critical design review",
                    "Prototype demonstration", "Field trial", "Final report");
            default -> List.of("Agreement signed", "Joint workplan agreed", "Quarterly coordination review",
                    "Mid-term review", "Close-out report");
        };
        int count = kind.equals(RND_PROJECT) ? between(3, 5) : kind.equals(INITIATIVE) ? between(2, 4) : between(2, 3);
        List<String> chosen = new ArrayList<>(steps);
        while (chosen.size() > count) {
            chosen.remove(random.nextInt(chosen.size()));
        }
        long days = Math.max(30, ChronoUnit.DAYS.between(timeline.start(), timeline.horizon()));
        List<Milestone> result = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate planned = timeline.start().plusDays((long) (days * (i + 0.7) / count) + between(-15, 15));
            Partner owner = chance(0.6) ? doers.getFirst() : doers.get(random.nextInt(doers.size()));
            result.add(milestone(chosen.get(i), owner, planned, timeline));
        }
        return List.copyOf(result);
    }

    /** Done (on time or late) once passed, some overdue while active, cancelled after a cancellation. */
    private Milestone milestone(String title, Partner owner, LocalDate planned, Timeline timeline) {
        String status;
        LocalDate actual = null;
        String lifecycleStatus = timeline.status();
        if (lifecycleStatus.equals("COMPLETED")
                || (timeline.stop() != null && planned.isBefore(timeline.stop()) && planned.isBefore(TODAY)
                        && (!lifecycleStatus.equals("ACTIVE") || chance(0.82)))) {
            status = "DONE";
            actual = chance(0.02) ? null : earlier(TODAY, planned.plusDays(chance(0.62) ? between(-10, 0) : between(1, 45)));
        } else if (lifecycleStatus.equals("CANCELLED")) {
            status = "CANCELLED";
        } else if (planned.isBefore(TODAY)) {
            status = chance(0.6) ? "IN_PROGRESS" : "PLANNED";   // overdue
        } else if (lifecycleStatus.equals("ACTIVE") && planned.isBefore(TODAY.plusDays(60)) && chance(0.3)) {
            status = "IN_PROGRESS";
        } else if (lifecycleStatus.equals("ACTIVE") && chance(0.04)) {
            status = "DONE";
            actual = TODAY.minusDays(between(0, 20));   // done early
        } else {
            status = "PLANNED";
        }
        return new Milestone(shape.id('c', ++milestones), title, owner, planned, actual, status);
    }

    // ------------------------------------------------------------------------------ titles and regions

    private String region(String kind, String mechanism, String engagementType) {
        if (chance(0.04)) {
            return null;   // not recorded: a gap the data-completeness rollup reports
        }
        List<String> regions;
        if (kind.equals(RND_PROJECT)) {
            regions = List.of("Europe", "North America", "Euro-Atlantic", "Arctic", "Gulf", "Indo-Pacific");
        } else if (kind.equals(ENGAGEMENT)) {
            regions = switch (engagementType) {
                case "HUMANITARIAN_COORDINATION" -> List.of("Sahel", "Lake Chad Basin", "Horn of Africa",
                        "Eastern Mediterranean", "Levant");
                case "SECURITY_SERVICES", "LOGISTICS_SUPPORT" -> List.of("Western Indian Ocean", "Gulf of Guinea",
                        "Red Sea", "Horn of Africa", "Gulf");
                default -> List.of("Europe", "East Africa", "West Africa", "Gulf", "Global");
            };
        } else {
            regions = switch (mechanism) {
                case "JOINT_EXERCISE" -> List.of("Baltic Sea", "Arctic", "Black Sea", "Mediterranean", "North Atlantic",
                        "Gulf", "Eastern Europe");
                case "PEACEKEEPING" -> List.of("Sahel", "Lake Chad Basin", "Horn of Africa", "Great Lakes", "Levant");
                case "CAPACITY_BUILDING" -> List.of("Sahel", "West Africa", "East Africa", "Eastern Europe", "Gulf",
                        "Western Balkans");
                case "INTELLIGENCE_SHARING" -> List.of("Euro-Atlantic", "Middle East", "Sahel", "Global");
                case "COUNTER_TERRORISM" -> List.of("Sahel", "Middle East", "Horn of Africa", "Lake Chad Basin");
                case "CYBER_DEFENSE" -> List.of("Euro-Atlantic", "Baltic Sea", "Gulf", "Indo-Pacific");
                case "MARITIME_SECURITY" -> List.of("Western Indian Ocean", "Gulf of Guinea", "Red Sea",
                        "Strait of Hormuz", "Mediterranean", "Baltic Sea");
                case "HUMANITARIAN_RESPONSE" -> List.of("Sahel", "Horn of Africa", "Eastern Mediterranean",
                        "Eastern Europe", "Lake Chad Basin");
                default -> List.of("Global", "Euro-Atlantic", "Gulf", "Middle East");
            };
        }
        return pick(regions);
    }

    private String title(String kind, String mechanism, String area, Engagement engagement, String region,
            LocalDate start) {
        String where = region == null ? "Regional" : region;
        if (kind.equals(ENGAGEMENT)) {
            String party = engagement.party() != null ? engagement.party().name() : engagement.partyName();
            return label(engagement.engagementType()) + " with " + party;
        }
        if (kind.equals(RND_PROJECT)) {
            List<String> topics = switch (area) {
                case "CYBER" -> List.of("Adaptive Intrusion Detection", "Zero-Trust Tactical Networks",
                        "Post-Quantum Secure Messaging", "Automated Cyber Threat Hunting");
                case "AI" -> List.of("Trustworthy Target Recognition", "AI-Assisted Logistics Planning",
                        "Multilingual Open-Source Analysis", "Explainable Decision Support");
                case "UNMANNED_SYSTEMS" -> List.of("Swarming Unmanned Surface Vessels", "Counter-UAS Sensor Fusion",
                        "Autonomous Mine Countermeasures", "Long-Endurance Maritime Drones");
                case "SPACE" -> List.of("Resilient Satellite Navigation", "Small-Satellite Maritime Surveillance",
                        "Space Situational Awareness Network");
                case "C4ISR" -> List.of("Federated Mission Networking", "Coalition Common Operating Picture",
                        "Tactical Edge Data Exchange");
                case "ENERGY" -> List.of("Hybrid Power for Forward Bases", "Operational Energy Storage",
                        "Fuel-Efficient Expeditionary Camps");
                case "MEDICAL" -> List.of("Prolonged Field Care Kits", "Blood Supply in Austere Settings",
                        "Telemedicine for Deployed Units");
                default -> List.of("Lightweight Ballistic Protection", "Additive Manufacturing of Spare Parts",
                        "Corrosion-Resistant Naval Coatings");
            };
            return pick(topics) + (chance(0.4) ? " " + pick(List.of("for Deployed Forces", "at the Tactical Edge",
                    "in Arctic Conditions", "for Coalition Operations")) : "");
        }
        return switch (mechanism) {
            case "JOINT_EXERCISE" -> "Exercise " + pick(List.of("Amber", "Arctic", "Azure", "Cobalt", "Crimson",
                    "Granite", "Iron", "Northern", "Silent", "Silver", "Swift", "Vigilant", "Winter"))
                    + " " + pick(List.of("Anchor", "Beacon", "Compass", "Falcon", "Gale", "Harbour", "Horizon", "Lance",
                    "Meridian", "Sentinel", "Shield", "Tide")) + " " + start.getYear();
            case "PEACEKEEPING" -> where + " " + pick(List.of("Stabilization Support", "Peacekeeping Enablers",
                    "Protection of Civilians Mission"));
            case "CAPACITY_BUILDING" -> where + " " + pick(List.of("Border Security Training",
                    "Defence Institution Building", "Counter-IED Training", "Non-Commissioned Officer Academy"));
            case "INTELLIGENCE_SHARING" -> where + " " + pick(List.of("Threat Picture Exchange", "Early-Warning Network",
                    "Fusion Cell"));
            case "COUNTER_TERRORISM" -> where + " " + pick(List.of("Counter-Terrorism Coordination",
                    "Countering Violent Extremism", "Terrorist Financing Task Force"));
            case "CYBER_DEFENSE" -> where + " " + pick(List.of("Cyber Rapid Response Teams",
                    "Critical Infrastructure Protection", "Cyber Range Exercise"));
            case "MARITIME_SECURITY" -> where + " " + pick(List.of("Maritime Security Patrols",
                    "Maritime Domain Awareness", "Counter-Piracy Task Group", "Port Security Programme"));
            case "HUMANITARIAN_RESPONSE" -> where + " " + pick(List.of("Humanitarian Corridor Support",
                    "Disaster Relief Logistics", "Flood Response", "Winterization Support"));
            case "TREATY_FRAMEWORK" -> where + " " + pick(List.of("Defence Cooperation Framework",
                    "Status of Forces Arrangements", "Interoperability Framework"));
            default -> where + " " + pick(List.of("Small Arms Control", "Arms Control Verification",
                    "Export Control Cooperation"));
        };
    }

    /** The first time a title comes up it stays; later ones get the start year, then a number. */
    private String uniqueTitle(String title, LocalDate start) {
        String candidate = title;
        if (!titles.add(candidate)) {
            candidate = title + " " + start.getYear();
            for (int n = 2; !titles.add(candidate); n++) {
                candidate = title + " " + start.getYear() + " (" + n + ")";
            }
        }
        return candidate.length() <= 200 ? candidate : candidate.substring(0, 200);
    }

    private static String description(String kind, String mechanism, String area, Engagement engagement,
            Partner lead, String region, Timeline timeline) {
        String what = switch (kind) {
            case INITIATIVE -> label(mechanism) + " initiative";
            case RND_PROJECT -> "Joint R&D project in " + label(area).replace("Ai", "AI").replace("C4isr", "C4ISR");
            default -> label(engagement.engagementType()) + " engagement";
        };
        String years = timeline.end() == null ? "from " + timeline.start().getYear()
                : timeline.start().getYear() == timeline.end().getYear() ? "in " + timeline.start().getYear()
                : timeline.start().getYear() + "–" + timeline.end().getYear();
        return what + " led by " + lead.name() + (region == null ? "" : " (" + region + ")") + ", " + years
                + ". Generated demo history.";
    }

    private static String label(String constant) {
        String words = constant.replace('_', ' ').toLowerCase();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    // ----------------------------------------------------------------------------------------- helpers

    private double uniform() {
        return random.nextDouble();
    }

    private int between(int low, int high) {
        return random.nextInt(low, high + 1);
    }

    /** A pledge count times the shape's factor, rounded at random so that the mean scales exactly. */
    private int pledges(int count) {
        if (shape.pledgeFactor() == 1.0) {
            return count;   // the demo's own sequence of draws stays as it was
        }
        double scaled = count * shape.pledgeFactor();
        int whole = (int) scaled;
        return whole + (chance(scaled - whole) ? 1 : 0);
    }

    private boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** One of items, with the given (not necessarily normalized) weights. */
    private <T> T choose(List<T> items, double... weights) {
        if (items.size() != weights.length) {
            throw new IllegalArgumentException(items.size() + " items but " + weights.length + " weights");
        }
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return items.get(i);
            }
        }
        for (int i = weights.length - 1; i >= 0; i--) {
            if (weights[i] > 0) {
                return items.get(i);
            }
        }
        throw new IllegalArgumentException("no positive weight");
    }

    private LocalDate dayBetween(LocalDate first, LocalDate last) {
        long days = ChronoUnit.DAYS.between(first, last);
        return days <= 0 ? first : first.plusDays(random.nextLong(days + 1));
    }

    private OffsetDateTime at(LocalDate day) {
        return OffsetDateTime.of(day, LocalTime.of(between(7, 17), between(0, 59)), ZoneOffset.UTC);
    }

    private double eur(String unit, BigDecimal amount) {
        return amount.doubleValue() * eurPerUnit.get(unit).doubleValue();
    }

    /** Rounded to that many significant digits, no fraction (pledges are round figures). */
    private static BigDecimal significant(double value, int digits) {
        if (value < 0.5) {
            return BigDecimal.ZERO;
        }
        return new BigDecimal(value).round(new MathContext(digits, RoundingMode.HALF_UP)).setScale(0, RoundingMode.HALF_UP);
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
