package org.entente.bench.app;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.entente.bench.BenchContext;
import org.entente.bench.Measurement;
import org.entente.bench.MeasurementResult;
import org.entente.bench.MeasurementResult.DetailTable;
import org.entente.bench.MeasurementResult.Summary;
import org.entente.bench.MeasurementResult.Verdict;
import org.entente.bench.Samples;
import org.entente.contribution.Contribution;
import org.entente.contribution.ContributionDraft;
import org.entente.contribution.ContributionType;
import org.entente.discussion.Comment;
import org.entente.discussion.CommentDraft;
import org.entente.discussion.WorkstreamMember;
import org.entente.initiative.Mechanism;
import org.entente.platform.validation.InvalidInput;
import org.entente.platform.validation.NotAllowed;
import org.entente.workstream.KindDetails;
import org.entente.workstream.Releasability;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamDraft;
import org.entente.workstream.WorkstreamKind;
import org.entente.workstream.WorkstreamQuery;
import org.entente.workstream.WorkstreamQuery.Sort;
import org.entente.workstream.WorkstreamQuery.SortKey;
import org.entente.workstream.WorkstreamRef;

/**
 * P5 — 50 users of 10 tenants work at once through the services for the load duration: mixed reads (list page,
 * a workstream, its contributions, its comments, mention autocomplete) and writes (create a workstream, pledge
 * on one's own workstream, comment where one takes part). Every response is checked row by row against
 * {@link VisibilityRule}, the schema's visibility rule evaluated in Java over a superuser read plus what the load
 * wrote; a workstream the tenant may not see is asked for now and then, and must come back empty.
 *
 * <p>Timed: each service call (the list page = find + count), from before the call to its return, into an
 * HdrHistogram per operation. The run after a short warm-up is cut into as many windows as the effort has
 * repetitions; the summary gives the median and spread of the windows' p95 over all operations.
 */
public final class ConcurrentUsersBenchmark implements Measurement {

    static final int USERS = 50;
    static final int TENANTS = 10;
    static final double TARGET_P95_NANOS = 100e6;
    /** Between two operations a user pauses 0 … 2× this (uniform): small next to a person's, but not zero. */
    static final Duration THINK = Duration.ofMillis(Long.getLong("entente.bench.p5.think-ms", 50));
    private static final long MAX_NANOS = TimeUnit.MINUTES.toNanos(2);
    private static final List<String> PREFIXES = List.of("a", "m", "s", "d", "l", "o", "c", "t", "");

    /** The operations, with how often a user picks each (weights out of 100). */
    enum Operation {
        LIST_PAGE("list page (find + count)", 25, false),
        WORKSTREAM("open a workstream", 15, false),
        CONTRIBUTIONS("contributions tab", 15, false),
        COMMENTS("comments", 15, false),
        MENTIONS("mention autocomplete", 15, false),
        CREATE_WORKSTREAM("create a workstream", 5, true),
        PLEDGE("pledge on own workstream", 5, true),
        POST_COMMENT("post a comment", 5, true);

        final String label;
        final int weight;
        final boolean write;

        Operation(String label, int weight, boolean write) {
            this.label = label;
            this.weight = weight;
            this.write = write;
        }

        static Operation pick(Random random) {
            int r = random.nextInt(100);
            for (Operation op : values()) {
                r -= op.weight;
                if (r < 0) {
                    return op;
                }
            }
            return LIST_PAGE;
        }
    }

    @Override
    public String id() {
        return "P5";
    }

    /** What a tenant may ask about, and what it wrote so far. */
    private static final class TenantView {
        final List<UUID> visible;
        final List<UUID> hidden;
        final List<WorkstreamRef> accepted;
        final List<WorkstreamRef> owned = new CopyOnWriteArrayList<>();
        /** Workstreams it may see: before the run plus its own creations (counted before they commit). */
        final AtomicInteger visibleCount;

        TenantView(List<UUID> visible, List<UUID> hidden, List<WorkstreamRef> accepted) {
            this.visible = visible;
            this.hidden = hidden;
            this.accepted = new CopyOnWriteArrayList<>(accepted);
            this.visibleCount = new AtomicInteger(visible.size());
        }
    }

    /** A row not known to the rule when it came back: written concurrently; decided after the run. */
    private record Deferred(String table, UUID viewer, UUID id) {
    }

    /** What all users found. */
    private static final class Findings {
        final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        final Map<String, String> errorExamples = new ConcurrentHashMap<>();
        final AtomicLong refusals = new AtomicLong();
        final AtomicLong foreignRows = new AtomicLong();
        final AtomicLong rowsChecked = new AtomicLong();
        final AtomicLong responses = new AtomicLong();
        final ConcurrentLinkedQueue<String> foreignExamples = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Deferred> deferred = new ConcurrentLinkedQueue<>();

        void error(Throwable e) {
            String type = e.getClass().getSimpleName();
            errors.computeIfAbsent(type, k -> new AtomicLong()).incrementAndGet();
            errorExamples.putIfAbsent(type, String.valueOf(e.getMessage()));
        }

        void foreign(String what) {
            foreignRows.incrementAndGet();
            if (foreignExamples.size() < 5) {
                foreignExamples.add(what);
            }
        }

        long errorCount() {
            return errors.values().stream().mapToLong(AtomicLong::get).sum();
        }
    }

    @Override
    public MeasurementResult run(BenchContext context) throws Exception {
        BenchApp app = BenchApp.of(context);
        VisibilityRule rule = VisibilityRule.read(context.database());
        List<List<SignedInMember>> tenants = BenchMembers.signIn(context, app, TENANTS, USERS);
        tenants.stream().flatMap(List::stream).forEach(m -> rule.member(m.member().id(), m.tenantId()));
        List<String> words = ServiceLatencyBenchmark.titleWords(context);

        Map<UUID, TenantView> views = new HashMap<>();
        for (List<SignedInMember> members : tenants) {
            UUID tenant = members.getFirst().tenantId();
            List<WorkstreamRef> accepted = rule.acceptedBy(tenant).stream()
                    .map(id -> new WorkstreamRef(rule.ownerOf(id), id)).toList();
            TenantView view = new TenantView(rule.visibleTo(tenant), rule.hiddenFrom(tenant, 50), accepted);
            accepted.stream().filter(ref -> ref.tenantId().equals(tenant)).forEach(view.owned::add);
            views.put(tenant, view);
        }

        int windows = context.effort().repetitions();
        Duration load = context.effort().loadDuration();
        long warmup = Math.max(TimeUnit.SECONDS.toNanos(1), load.toNanos() / 10);
        long windowNanos = (load.toNanos() - warmup) / windows;
        Findings findings = new Findings();
        List<User> users = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            List<SignedInMember> members = tenants.get(i % tenants.size());
            SignedInMember member = members.get((i / tenants.size()) % members.size());
            users.add(new User(i, member, views.get(member.tenantId()), app, rule, findings, words, windows,
                    context.dataset().seed() + i));
        }

        CountDownLatch done = new CountDownLatch(USERS);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        List<Thread> threads = new ArrayList<>();
        for (User user : users) {
            Thread thread = Thread.ofPlatform().name("p5-user-" + user.index).start(() -> {
                try {
                    user.work(start, warmup, windowNanos, start + load.toNanos());
                } finally {
                    done.countDown();
                }
            });
            threads.add(thread);
        }
        if (!done.await(load.toSeconds() + 300, TimeUnit.SECONDS)) {
            threads.forEach(Thread::interrupt);
            throw new IllegalStateException("P5 users did not finish within 5 minutes after the load ended");
        }
        settle(findings, rule);
        return result(context, users, findings, tenants.size(), windows, load);
    }

    /** Rows that were being written while they came back are judged now, with everything the load wrote. */
    private static void settle(Findings findings, VisibilityRule rule) {
        for (Deferred d : findings.deferred) {
            boolean allowed = switch (d.table()) {
                case "workstream" -> rule.canSeeWorkstream(d.viewer(), d.id());
                case "contribution" -> rule.canSeeContribution(d.viewer(), d.id());
                case "comment" -> rule.canSeeComment(d.viewer(), d.id());
                default -> false;
            };
            if (!allowed) {
                findings.foreign(d.table() + " " + d.id() + " returned to tenant " + d.viewer()
                        + " (unknown to the rule even after the run)");
            }
        }
    }

    /** One simulated person: a thread that picks operations until the load ends. */
    private static final class User {
        final int index;
        final SignedInMember member;
        final TenantView view;
        final BenchApp app;
        final VisibilityRule rule;
        final Findings findings;
        final List<String> words;
        final Random random;
        final Map<Operation, Histogram> all = new EnumMap<>(Operation.class);
        final Histogram[] windows;
        final Map<Operation, Long> calls = new EnumMap<>(Operation.class);
        int created;

        User(int index, SignedInMember member, TenantView view, BenchApp app, VisibilityRule rule, Findings findings,
                List<String> words, int windows, long seed) {
            this.index = index;
            this.member = member;
            this.view = view;
            this.app = app;
            this.rule = rule;
            this.findings = findings;
            this.words = words;
            this.random = new Random(seed);
            this.windows = new Histogram[windows];
            for (int i = 0; i < windows; i++) {
                this.windows[i] = new Histogram(MAX_NANOS, 3);
            }
            for (Operation op : Operation.values()) {
                all.put(op, new Histogram(MAX_NANOS, 3));
            }
        }

        void work(long start, long warmup, long windowNanos, long end) {
            sleepUntil(start);
            while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
                Operation op = Operation.pick(random);
                long t0 = System.nanoTime();
                boolean ran;
                try {
                    ran = member.call(() -> perform(op));
                } catch (InvalidInput | NotAllowed refusal) {
                    findings.refusals.incrementAndGet();
                    ran = true;
                } catch (RuntimeException | Error e) {
                    findings.error(e);
                    ran = true;
                }
                long nanos = System.nanoTime() - t0;
                if (ran) {
                    long since = t0 - start;
                    if (since >= warmup) {
                        all.get(op).recordValue(Math.min(nanos, MAX_NANOS));
                        calls.merge(op, 1L, Long::sum);
                        int window = (int) Math.min(windows.length - 1, (since - warmup) / Math.max(1, windowNanos));
                        windows[window].recordValue(Math.min(nanos, MAX_NANOS));
                    }
                }
                long think = THINK.toNanos() == 0 ? 0 : (long) (random.nextDouble() * 2 * THINK.toNanos());
                if (think > 0) {
                    sleepUntil(System.nanoTime() + think);
                }
            }
        }

        /** Runs {@code op} and checks its response; false if there was nothing to do it on. */
        boolean perform(Operation op) {
            UUID tenant = member.tenantId();
            switch (op) {
                case LIST_PAGE -> {
                    WorkstreamKind kind = random.nextInt(3) == 0 ? null
                            : WorkstreamKind.values()[random.nextInt(WorkstreamKind.values().length)];
                    String text = words.isEmpty() || random.nextBoolean() ? null : words.get(random.nextInt(words.size()));
                    WorkstreamQuery query = new WorkstreamQuery(text, kind, null);
                    List<Sort> sort = List.of(new Sort(SortKey.values()[random.nextInt(SortKey.values().length)],
                            random.nextBoolean()));
                    List<Workstream> page = app.workstreams().find(query, sort, 0, 50);
                    int count = app.workstreams().count(query);
                    response();
                    page.forEach(w -> checkWorkstream(w.id()));
                    int bound = view.visibleCount.get();
                    if (count > bound) {
                        findings.foreign("count " + count + " > " + bound + " workstreams tenant " + tenant + " may see");
                    }
                }
                case WORKSTREAM -> {
                    boolean probe = !view.hidden.isEmpty() && (view.visible.isEmpty() || random.nextInt(5) == 0);
                    if (!probe && view.visible.isEmpty()) {
                        return false;
                    }
                    UUID id = probe ? pick(view.hidden) : pick(view.visible);
                    Optional<Workstream> found = app.workstreams().get(id);
                    response();
                    if (probe && found.isPresent()) {
                        findings.foreign("workstream " + id + " hidden from tenant " + tenant + " was returned by get");
                    } else if (!probe && found.isEmpty()) {
                        throw new MissingVisibleRow("workstream " + id + " visible to " + tenant + " came back empty");
                    }
                    found.ifPresent(w -> checkWorkstream(w.id()));
                }
                case CONTRIBUTIONS -> {
                    if (view.visible.isEmpty()) {
                        return false;
                    }
                    UUID id = pick(view.visible);
                    WorkstreamRef ref = new WorkstreamRef(rule.ownerOf(id), id);
                    List<Contribution> rows = app.contributions().of(ref);
                    response();
                    for (Contribution c : rows) {
                        check("contribution", c.id(), c.workstream().id().equals(id) && rule.canSeeContribution(tenant, c.id()),
                                rule.knowsContribution(c.id()));
                    }
                }
                case COMMENTS -> {
                    if (view.visible.isEmpty()) {
                        return false;
                    }
                    UUID id = pick(view.visible);
                    List<Comment> rows = app.discussions().comments(new WorkstreamRef(rule.ownerOf(id), id));
                    response();
                    for (Comment c : rows) {
                        check("comment", c.id(), c.workstream().id().equals(id) && rule.canSeeComment(tenant, c.id()),
                                rule.knowsComment(c.id()));
                    }
                }
                case MENTIONS -> {
                    if (view.accepted.isEmpty()) {
                        return false;
                    }
                    WorkstreamRef ref = pick(view.accepted);
                    List<WorkstreamMember> rows = app.discussions().mentionCandidates(ref,
                            PREFIXES.get(random.nextInt(PREFIXES.size())));
                    response();
                    for (WorkstreamMember m : rows) {
                        findings.rowsChecked.incrementAndGet();
                        if (!rule.canSeeMember(tenant, ref.id(), m.memberId())) {
                            findings.foreign("member " + m.username() + " of " + m.tenantAlias()
                                    + " offered to tenant " + tenant + " in workstream " + ref.id());
                        }
                    }
                }
                case CREATE_WORKSTREAM -> {
                    view.visibleCount.incrementAndGet(); // before it commits: a concurrent count may include it
                    created++;
                    LocalDate start = LocalDate.now().plusDays(random.nextInt(60));
                    Workstream w = app.workstreams().create(new WorkstreamDraft(
                            "Bench load " + index + "-" + created + " " + words(2), "Created by the P5 load.",
                            Releasability.PARTICIPANTS, List.of(), null, start, start.plusDays(90),
                            new KindDetails.Initiative(Mechanism.values()[random.nextInt(Mechanism.values().length)],
                                    List.of("Coordinate " + words(1)))));
                    rule.createdWorkstream(tenant, w.id(), "PARTICIPANTS");
                    response();
                    check("workstream", w.id(), w.ref().tenantId().equals(tenant), true);
                    view.owned.add(w.ref());
                    view.accepted.add(w.ref());
                }
                case PLEDGE -> {
                    if (view.owned.isEmpty()) {
                        return false;
                    }
                    WorkstreamRef ref = pick(view.owned);
                    Contribution c = app.contributions().pledge(ref, new ContributionDraft(ContributionType.FUNDING,
                            "P5 pledge", "EUR", BigDecimal.valueOf(1_000L + random.nextInt(100_000)), null,
                            Releasability.PARTICIPANTS, List.of()));
                    rule.createdContribution(ref.id(), c.id(), tenant, "PARTICIPANTS");
                    response();
                    check("contribution", c.id(), c.contributor().id().equals(tenant), true);
                }
                case POST_COMMENT -> {
                    if (view.accepted.isEmpty()) {
                        return false;
                    }
                    WorkstreamRef ref = pick(view.accepted);
                    Comment c = app.discussions().post(ref, CommentDraft.toParticipants("P5 comment " + words(3)));
                    rule.createdComment(ref.id(), c.id(), tenant, "PARTICIPANTS");
                    response();
                    check("comment", c.id(), rule.canSeeComment(tenant, c.id()), true);
                }
            }
            return true;
        }

        private void response() {
            findings.responses.incrementAndGet();
        }

        private void checkWorkstream(UUID id) {
            check("workstream", id, rule.canSeeWorkstream(member.tenantId(), id), rule.knowsWorkstream(id));
        }

        /** A row the rule allows is fine; one it refuses is foreign; one it does not know yet is judged later. */
        private void check(String table, UUID id, boolean allowed, boolean known) {
            findings.rowsChecked.incrementAndGet();
            if (allowed) {
                return;
            }
            if (!known) {
                findings.deferred.add(new Deferred(table, member.tenantId(), id));
                return;
            }
            findings.foreign(table + " " + id + " returned to tenant " + member.tenantId());
        }

        private <T> T pick(List<T> list) {
            return list.get(random.nextInt(list.size()));
        }

        private String words(int n) {
            if (words.isEmpty()) {
                return "coordination";
            }
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < n; i++) {
                text.append(i == 0 ? "" : " ").append(words.get(random.nextInt(words.size())));
            }
            return text.toString();
        }
    }

    /** A workstream the rule says the tenant sees came back empty: a wrong answer, counted as an error. */
    static final class MissingVisibleRow extends RuntimeException {
        MissingVisibleRow(String message) {
            super(message);
        }
    }

    private static void sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private MeasurementResult result(BenchContext context, List<User> users, Findings findings, int tenants,
            int windowCount, Duration load) {
        Histogram total = new Histogram(MAX_NANOS, 3);
        Map<Operation, Histogram> byOperation = new EnumMap<>(Operation.class);
        List<Double> windowP95 = new ArrayList<>();
        for (int w = 0; w < windowCount; w++) {
            Histogram window = new Histogram(MAX_NANOS, 3);
            for (User user : users) {
                window.add(user.windows[w]);
            }
            if (window.getTotalCount() > 0) {
                windowP95.add((double) window.getValueAtPercentile(95));
            }
        }
        for (User user : users) {
            user.all.forEach((op, h) -> {
                byOperation.computeIfAbsent(op, k -> new Histogram(MAX_NANOS, 3)).add(h);
                total.add(h);
            });
        }
        if (total.getTotalCount() == 0) {
            throw new IllegalStateException("P5 users completed no operation");
        }
        Samples p95 = Samples.of(windowP95);
        long errors = findings.errorCount();
        long foreign = findings.foreignRows.get();
        double seconds = (load.toNanos() - Math.max(TimeUnit.SECONDS.toNanos(1), load.toNanos() / 10)) / 1e9;
        boolean met = errors == 0 && foreign == 0 && p95.median() < TARGET_P95_NANOS;

        List<List<String>> rows = new ArrayList<>();
        for (Operation op : Operation.values()) {
            Histogram h = byOperation.get(op);
            if (h == null || h.getTotalCount() == 0) {
                rows.add(List.of(op.label, op.write ? "write" : "read", "0", "—", "—", "—", "—"));
                continue;
            }
            rows.add(List.of(op.label, op.write ? "write" : "read", String.format(Locale.ROOT, "%,d", h.getTotalCount()),
                    Samples.millis(h.getValueAtPercentile(50)), Samples.millis(h.getValueAtPercentile(95)),
                    Samples.millis(h.getValueAtPercentile(99)), Samples.millis(h.getMaxValue())));
        }
        rows.add(List.of("all", "", String.format(Locale.ROOT, "%,d", total.getTotalCount()),
                Samples.millis(total.getValueAtPercentile(50)), Samples.millis(total.getValueAtPercentile(95)),
                Samples.millis(total.getValueAtPercentile(99)), Samples.millis(total.getMaxValue())));
        List<DetailTable> details = new ArrayList<>();
        details.add(new DetailTable("per operation (after warm-up)",
                List.of("operation", "kind", "calls", "p50", "p95", "p99", "max"), rows));
        List<List<String>> problems = new ArrayList<>();
        findings.errors.forEach((type, n) -> problems.add(List.of("error " + type, String.valueOf(n.get()),
                findings.errorExamples.getOrDefault(type, ""))));
        findings.foreignExamples.forEach(example -> problems.add(List.of("row of another tenant", "", example)));
        if (!problems.isEmpty()) {
            details.add(new DetailTable("errors and foreign rows", List.of("what", "count", "example"), problems));
        }

        String measured = String.format(Locale.ROOT, "p95 %s over all operations; %,d errors, %,d rows of another tenant",
                p95.describe(Samples::millis), errors, foreign);
        String compared = String.format(Locale.ROOT, "%,d responses, %,d rows checked against the schema's visibility "
                        + "rule (Java, superuser read); %,d refusals (validation, expected)",
                findings.responses.get(), findings.rowsChecked.get(), findings.refusals.get());
        String comparison = String.format(Locale.ROOT, "%.0f operations/s, p99 %s", total.getTotalCount() / seconds,
                Samples.millis(total.getValueAtPercentile(99)));
        StringBuilder note = new StringBuilder(String.format(Locale.ROOT,
                "%d users (threads) in %d tenants for %d s, think time 0–%d ms; p95 per window of %d",
                USERS, tenants, load.toSeconds(), THINK.toMillis() * 2, windowCount));
        if (!met) {
            note.append(". MISSED:");
            if (errors > 0) {
                note.append(" ").append(errors).append(" errors (details);");
            }
            if (foreign > 0) {
                note.append(" ").append(foreign).append(" rows of another tenant (details);");
            }
            if (p95.median() >= TARGET_P95_NANOS) {
                Histogram list = byOperation.get(Operation.LIST_PAGE);
                note.append(" p95 ").append(Samples.millis(p95.median()))
                        .append(" ≥ 100 ms: the users queue for 2 cores and the app's 10 pooled connections behind the")
                        .append(" list page (p50 ").append(list == null ? "—" : Samples.millis(list.getValueAtPercentile(50)))
                        .append(" here, ~20 ms of CPU each alone, see P4): 50 users with 0–100 ms think time ask for more")
                        .append(" than 2 cores give; more cores, or a cheaper list query, shorten the queue)");
            }
        }
        if (!context.scale().targetsApply()) {
            note.append(". Targets are stated for SF10");
        }
        Summary summary = new Summary(id(), "50 concurrent users in 10 tenants, mixed reads and writes through the services",
                measured, compared, comparison, "0 errors, 0 rows of another tenant, p95 < 100 ms",
                met ? Verdict.MET : Verdict.MISSED, note.toString());
        return new MeasurementResult(summary, details);
    }
}
