package org.entente.bench.data;

import static org.entente.db.demo.DemoHistory.TODAY;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.entente.bench.Scale;
import org.entente.db.demo.DemoHistory.Answer;
import org.entente.db.demo.DemoHistory.Contribution;
import org.entente.db.demo.DemoHistory.Invitation;
import org.entente.db.demo.DemoHistory.Milestone;
import org.entente.db.demo.DemoHistory.Workstream;

/**
 * What the demo planner does not draw: the discussion (a tenth of the activity count, by accepted participants,
 * busier where more organizations take part; some replies, some REL TO, some mentions) and the activity feed — every
 * event the app itself would have recorded for the plan (created, invited, answers, status steps, milestones,
 * pledges, deliveries, comments), topped up with workstream updates and milestone reports to the scale's count.
 * The feed is drawn while it is loaded ({@link #activity}), not held in memory.
 */
final class BenchHistory {

    record Comment(Workstream workstream, UUID id, UUID parentId, UUID authorTenant, UUID authorMember, String body,
            String releasability, List<UUID> relTo, OffsetDateTime createdAt, Dataset.Member mentioned,
            UUID mentionedTenant) {
    }

    record Activity(Workstream workstream, UUID actorTenant, UUID actorMember, String verb, String summary,
            String itemType, UUID itemId, UUID itemTenant, String releasability, List<UUID> relTo, OffsetDateTime at) {
    }

    @FunctionalInterface
    interface Sink<T> {
        void accept(T item) throws java.sql.SQLException;
    }

    private static final List<String> OPENINGS = List.of("Draft annex circulated for comment",
            "Logistics plan updated after the coordination call", "Our contribution is confirmed for the next phase",
            "Requesting the latest risk assessment before we commit", "Minutes of the planning conference attached",
            "Flagging a delay in the equipment delivery", "Proposal to move the review to next month",
            "Training cohort selected; names to follow", "Budget figures reconciled with the finance office",
            "Can we align the reporting template with the framework?");
    private static final List<String> REPLIES = List.of("Agreed, thank you.", "We can support this.",
            "Noted; we will revert by Friday.", "Please see our comments in the annex.",
            "This works for our side.", "We need national approval first.");

    private final List<Workstream> plan;
    private final Map<UUID, List<Dataset.Member>> members;
    private final List<Comment> comments;
    private final int activityTarget;
    private final long activitySeed;

    private BenchHistory(List<Workstream> plan, Map<UUID, List<Dataset.Member>> members, List<Comment> comments,
            int activityTarget, long activitySeed) {
        this.plan = plan;
        this.members = members;
        this.comments = comments;
        this.activityTarget = activityTarget;
        this.activitySeed = activitySeed;
    }

    static BenchHistory draw(List<Workstream> plan, Map<UUID, List<Dataset.Member>> members, Scale scale,
            SplittableRandom random) {
        SplittableRandom commentRandom = random.split();
        long activitySeed = random.nextLong();
        int commentCount = scale.activityEvents() / 10;
        return new BenchHistory(plan, members, comments(plan, members, commentCount, commentRandom),
                scale.activityEvents(), activitySeed);
    }

    List<Comment> comments() {
        return comments;
    }

    // ------------------------------------------------------------------------------------------ discussion

    private static List<Comment> comments(List<Workstream> plan, Map<UUID, List<Dataset.Member>> members, int count,
            SplittableRandom random) {
        double[] cumulative = new double[plan.size()];
        double total = 0;
        for (int i = 0; i < plan.size(); i++) {
            Workstream w = plan.get(i);
            double weight = accepted(w).size() * (w.status().equals("ACTIVE") || w.status().equals("COMPLETED") ? 3 : 1);
            total += weight;
            cumulative[i] = total;
        }
        List<List<Comment>> byWorkstream = new ArrayList<>();
        plan.forEach(w -> byWorkstream.add(new ArrayList<>()));
        List<Comment> all = new ArrayList<>(count);
        for (long n = 1; n <= count; n++) {
            int index = java.util.Arrays.binarySearch(cumulative, random.nextDouble() * total);
            index = Math.min(index < 0 ? -index - 1 : index, plan.size() - 1);
            Workstream w = plan.get(index);
            List<Comment> thread = byWorkstream.get(index);
            List<UUID> audience = accepted(w);
            UUID authorTenant = audience.get(random.nextInt(audience.size()));
            List<Dataset.Member> people = members.get(authorTenant);
            Dataset.Member author = people.get(random.nextInt(people.size()));
            boolean reply = !thread.isEmpty() && random.nextDouble() < 0.35;
            String releasability = "PARTICIPANTS";
            List<UUID> relTo = List.of();
            if (audience.size() > 1 && random.nextDouble() < 0.08) {
                UUID other = audience.get(random.nextInt(audience.size()));
                releasability = "REL_TO";
                relTo = other.equals(authorTenant) ? List.of(authorTenant) : List.of(authorTenant, other);
            }
            Dataset.Member mentioned = null;
            UUID mentionedTenant = null;
            String body = reply ? REPLIES.get(random.nextInt(REPLIES.size()))
                    : OPENINGS.get(random.nextInt(OPENINGS.size())) + ".";
            if (releasability.equals("PARTICIPANTS") && audience.size() > 1 && random.nextDouble() < 0.10) {
                mentionedTenant = audience.get(random.nextInt(audience.size()));
                List<Dataset.Member> theirs = members.get(mentionedTenant);
                mentioned = theirs.get(random.nextInt(theirs.size()));
                body = "@" + mentioned.username() + " " + body;
            }
            OffsetDateTime at = between(w.createdAt(), upper(w), random);
            Comment parent = reply ? thread.get(random.nextInt(thread.size())) : null;
            if (parent != null && at.isBefore(parent.createdAt())) {
                at = parent.createdAt().plusMinutes(5 + random.nextInt(600));
            }
            Comment comment = new Comment(w, BenchData.id('8', n), parent == null ? null : parent.id(), authorTenant,
                    author.id(), body, releasability, relTo, at, mentioned, mentionedTenant);
            thread.add(comment);
            all.add(comment);
        }
        return List.copyOf(all);
    }

    /** The lead and the organizations that accepted and are still in: who may comment and act. */
    static List<UUID> accepted(Workstream w) {
        List<UUID> result = new ArrayList<>(List.of(w.lead().id()));
        for (Invitation i : w.invitations()) {
            if (i.answer() == Answer.ACCEPTED) {
                result.add(i.participant().id());
            }
        }
        return result;
    }

    // ------------------------------------------------------------------------------------------ activity feed

    /** Streams the feed: the events of the plan first, then the top-up. Returns how many it gave. */
    long activity(Sink<Activity> sink) throws java.sql.SQLException {
        SplittableRandom random = new SplittableRandom(activitySeed);
        long count = 0;
        for (Workstream w : plan) {
            UUID lead = w.lead().id();
            UUID leadMember = w.lead().memberId();
            sink.accept(new Activity(w, lead, leadMember, "created", "created the " + kindLabel(w) + " \"" + w.title()
                    + "\"", "workstream", w.id(), lead, "PARTICIPANTS", List.of(), w.createdAt()));
            count++;
            for (Invitation i : w.invitations()) {
                UUID participant = i.participant().id();
                sink.accept(new Activity(w, lead, leadMember, "invited", "invited " + i.participant().name() + " as "
                        + i.role().toLowerCase(), "participation", w.id(), participant, "PARTICIPANTS", List.of(),
                        i.invitedAt()));
                count++;
                String answer = switch (i.answer()) {
                    case ACCEPTED, LEFT -> "joined";
                    case DECLINED -> "declined";
                    default -> null;
                };
                if (answer != null) {
                    sink.accept(new Activity(w, participant, first(participant), answer, answer + " the workstream",
                            "participation", w.id(), participant, "PARTICIPANTS", List.of(),
                            i.invitedAt().plusHours(2 + random.nextInt(200))));
                    count++;
                }
            }
            OffsetDateTime step = w.createdAt();
            for (String status : w.lifecycle()) {
                step = between(step, upper(w), random);
                sink.accept(new Activity(w, lead, leadMember, "status", "marked the workstream "
                        + status.toLowerCase(), "workstream", w.id(), lead, "PARTICIPANTS", List.of(), step));
                count++;
            }
            for (Milestone m : w.milestones()) {
                sink.accept(new Activity(w, lead, leadMember, "milestone", "added the milestone \"" + m.title() + "\" ("
                        + m.plannedDate() + ")", "milestone", m.id(), lead, "PARTICIPANTS", List.of(),
                        between(w.createdAt(), upper(w), random)));
                count++;
            }
            for (Contribution c : w.contributions()) {
                UUID contributor = c.contributor().id();
                sink.accept(new Activity(w, contributor, first(contributor), "pledged", "pledged "
                        + c.pledgedAmount().toPlainString() + " " + unit(c.unit()) + " (" + type(c.type()) + ")",
                        "contribution", c.id(), contributor, c.releasability(), c.relTo(), c.createdAt()));
                count++;
                if (c.deliveredOn() != null) {
                    sink.accept(new Activity(w, contributor, first(contributor), "delivered", "recorded a delivery of "
                            + c.deliveredAmount().toPlainString() + " " + unit(c.unit()), "contribution", c.id(),
                            contributor, c.releasability(), c.relTo(), c.createdAt().with(c.deliveredOn())));
                    count++;
                }
            }
        }
        for (Comment c : comments) {
            sink.accept(new Activity(c.workstream(), c.authorTenant(), c.authorMember(), "commented",
                    c.parentId() == null ? "started a discussion" : "replied in the discussion", "comment", c.id(),
                    c.authorTenant(), c.releasability(), c.relTo(), c.createdAt()));
            count++;
        }
        // Top-up: the lead updates the workstream, milestone owners report, until the scale's count is reached.
        while (count < activityTarget) {
            Workstream w = plan.get(random.nextInt(plan.size()));
            UUID lead = w.lead().id();
            if (!w.milestones().isEmpty() && random.nextDouble() < 0.4) {
                Milestone m = w.milestones().get(random.nextInt(w.milestones().size()));
                UUID owner = m.owner().id();
                sink.accept(new Activity(w, owner, first(owner), "milestone", "reported progress on \"" + m.title()
                        + "\"", "milestone", m.id(), owner, "PARTICIPANTS", List.of(),
                        between(w.createdAt(), upper(w), random)));
            } else {
                sink.accept(new Activity(w, lead, w.lead().memberId(), "updated", "updated the workstream",
                        "workstream", w.id(), lead, "PARTICIPANTS", List.of(), between(w.createdAt(), upper(w), random)));
            }
            count++;
        }
        return count;
    }

    private UUID first(UUID tenant) {
        List<Dataset.Member> people = members.get(tenant);
        return people == null || people.isEmpty() ? null : people.getFirst().id();
    }

    /** The last day anything happens in a workstream: its end, or today if it runs on. */
    private static OffsetDateTime upper(Workstream w) {
        LocalDate last = w.end() == null || w.end().isAfter(TODAY) ? TODAY : w.end();
        OffsetDateTime upper = w.createdAt().with(last);
        return upper.isAfter(w.createdAt()) ? upper : w.createdAt().plusDays(1);
    }

    private static OffsetDateTime between(OffsetDateTime from, OffsetDateTime to, SplittableRandom random) {
        long minutes = Math.max(1, ChronoUnit.MINUTES.between(from, to));
        return from.plusMinutes(random.nextLong(minutes));
    }

    private static String kindLabel(Workstream w) {
        return switch (w.kind()) {
            case "INITIATIVE" -> "initiative";
            case "RND_PROJECT" -> "R&D project";
            default -> "engagement";
        };
    }

    private static String unit(String unit) {
        return unit.equals("PERSON_DAY") ? "person-days" : unit;
    }

    private static String type(String type) {
        return type.equals("IN_KIND") ? "in kind" : type.toLowerCase();
    }
}
