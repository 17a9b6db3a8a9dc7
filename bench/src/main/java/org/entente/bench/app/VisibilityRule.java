package org.entente.bench.app;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.entente.bench.BenchDatabase;

/**
 * P5's oracle: who may see which workstream, contribution and comment, by the rule the schema documents
 * (V2__workstreams.sql: workstream_access, can_see_workstream, can_see_item, releasable_to), evaluated here in
 * Java over rows read as the superuser (whom row-level security does not restrict). It shares no code and no
 * query with the app, so a response the app lets through but this rule refuses is a row of another tenant.
 *
 * <p>Rows the load itself writes are {@linkplain #created recorded} as the services return them. The load
 * changes no participation (no invitations), so the audiences of existing workstreams stay as read.
 */
final class VisibilityRule {

    /** A workstream as its audience depends on it: owner, releasability, rel_to, participants. */
    record WorkstreamRow(UUID owner, UUID id, String releasability, Set<UUID> relTo, Map<UUID, String> participation) {
    }

    /** A contribution or comment: the workstream it belongs to, the tenant it is by, and its release. */
    record ItemRow(UUID workstream, UUID itemTenant, String releasability, Set<UUID> relTo) {
    }

    private final Map<UUID, WorkstreamRow> workstreams = new ConcurrentHashMap<>();
    private final Map<UUID, ItemRow> contributions = new ConcurrentHashMap<>();
    private final Map<UUID, ItemRow> comments = new ConcurrentHashMap<>();
    /** member id → tenant id, for mention candidates. */
    private final Map<UUID, UUID> members = new ConcurrentHashMap<>();

    /** Reads the rows the rule needs, as the superuser. */
    static VisibilityRule read(BenchDatabase database) throws SQLException {
        VisibilityRule rule = new VisibilityRule();
        try (Connection connection = database.superuser(); Statement sql = connection.createStatement()) {
            connection.setReadOnly(true);
            Map<UUID, Map<UUID, String>> participation = new HashMap<>();
            try (ResultSet row = sql.executeQuery(
                    "select workstream_id, participant_tenant_id, status from participation")) {
                while (row.next()) {
                    participation.computeIfAbsent(row.getObject(1, UUID.class), k -> new HashMap<>())
                            .put(row.getObject(2, UUID.class), row.getString(3));
                }
            }
            try (ResultSet row = sql.executeQuery("select tenant_id, id, releasability, rel_to from workstream")) {
                while (row.next()) {
                    UUID id = row.getObject(2, UUID.class);
                    rule.workstreams.put(id, new WorkstreamRow(row.getObject(1, UUID.class), id, row.getString(3),
                            uuids(row.getArray(4)), Map.copyOf(participation.getOrDefault(id, Map.of()))));
                }
            }
            readItems(sql, "select workstream_id, id, contributor_tenant_id, releasability, rel_to from contribution",
                    rule.contributions);
            readItems(sql, "select workstream_id, id, author_tenant_id, releasability, rel_to from comment",
                    rule.comments);
            try (ResultSet row = sql.executeQuery("select id, tenant_id from member")) {
                while (row.next()) {
                    rule.members.put(row.getObject(1, UUID.class), row.getObject(2, UUID.class));
                }
            }
        }
        return rule;
    }

    private static void readItems(Statement sql, String query, Map<UUID, ItemRow> into) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            while (row.next()) {
                into.put(row.getObject(2, UUID.class), new ItemRow(row.getObject(1, UUID.class),
                        row.getObject(3, UUID.class), row.getString(4), uuids(row.getArray(5))));
            }
        }
    }

    private static Set<UUID> uuids(Array array) throws SQLException {
        if (array == null) {
            return Set.of();
        }
        return Set.copyOf(Arrays.asList((UUID[]) array.getArray()));
    }

    // ---------------------------------------------------------------- what the load writes

    void createdWorkstream(UUID owner, UUID id, String releasability) {
        workstreams.put(id, new WorkstreamRow(owner, id, releasability, Set.of(), Map.of(owner, "ACCEPTED")));
    }

    void createdContribution(UUID workstream, UUID id, UUID contributor, String releasability) {
        contributions.put(id, new ItemRow(workstream, contributor, releasability, Set.of()));
    }

    void createdComment(UUID workstream, UUID id, UUID author, String releasability) {
        comments.put(id, new ItemRow(workstream, author, releasability, Set.of()));
    }

    void member(UUID member, UUID tenant) {
        members.put(member, tenant);
    }

    // ---------------------------------------------------------------- the rule

    /** The schema's releasable_to: may {@code viewer} read an item held by {@code holder}? */
    private static boolean releasable(UUID viewer, UUID holder, String releasability, Set<UUID> relTo) {
        return viewer.equals(holder) || switch (releasability) {
            case "PARTICIPANTS", "ALL_PARTNERS" -> true;
            case "REL_TO" -> relTo.contains(viewer);
            default -> false;
        };
    }

    /** The schema's workstream_access: OWNER, ACCEPTED, INVITED (if released to the viewer), or null. */
    private String access(UUID viewer, WorkstreamRow w) {
        if (viewer.equals(w.owner())) {
            return "OWNER";
        }
        String status = w.participation().get(viewer);
        if (("INVITED".equals(status) || "ACCEPTED".equals(status))
                && releasable(viewer, w.owner(), w.releasability(), w.relTo())) {
            return status;
        }
        return null;
    }

    /** Known to the rule (read before the run or written by it). */
    boolean knowsWorkstream(UUID id) {
        return workstreams.containsKey(id);
    }

    boolean knowsContribution(UUID id) {
        return contributions.containsKey(id);
    }

    boolean knowsComment(UUID id) {
        return comments.containsKey(id);
    }

    boolean canSeeWorkstream(UUID viewer, UUID workstream) {
        WorkstreamRow w = workstreams.get(workstream);
        return w != null && access(viewer, w) != null;
    }

    boolean isAcceptedParticipant(UUID viewer, UUID workstream) {
        WorkstreamRow w = workstreams.get(workstream);
        String access = w == null ? null : access(viewer, w);
        return "OWNER".equals(access) || "ACCEPTED".equals(access);
    }

    private boolean canSeeItem(UUID viewer, ItemRow item) {
        return item != null && (item.itemTenant().equals(viewer)
                || releasable(viewer, item.itemTenant(), item.releasability(), item.relTo())
                && isAcceptedParticipant(viewer, item.workstream()));
    }

    boolean canSeeContribution(UUID viewer, UUID contribution) {
        return canSeeItem(viewer, contributions.get(contribution));
    }

    boolean canSeeComment(UUID viewer, UUID comment) {
        return canSeeItem(viewer, comments.get(comment));
    }

    /**
     * workstream_members(): a person may be offered in a workstream's mention list only if the viewer is the owner
     * or an accepted participant, and the person's organization is too.
     */
    boolean canSeeMember(UUID viewer, UUID workstream, UUID member) {
        UUID memberTenant = members.get(member);
        return memberTenant != null && isAcceptedParticipant(viewer, workstream)
                && isAcceptedParticipant(memberTenant, workstream);
    }

    boolean knowsMember(UUID member) {
        return members.containsKey(member);
    }

    // ---------------------------------------------------------------- choosing what to ask for

    /** Workstreams {@code viewer} may see (read before the run). */
    List<UUID> visibleTo(UUID viewer) {
        List<UUID> ids = new ArrayList<>();
        workstreams.values().forEach(w -> {
            if (access(viewer, w) != null) {
                ids.add(w.id());
            }
        });
        ids.sort(null);
        return ids;
    }

    /** Workstreams {@code viewer} owns or has accepted (where it may pledge and comment). */
    List<UUID> acceptedBy(UUID viewer) {
        return visibleTo(viewer).stream().filter(id -> isAcceptedParticipant(viewer, id)).toList();
    }

    /** Up to {@code limit} workstreams {@code viewer} may NOT see: asking for them must give nothing. */
    List<UUID> hiddenFrom(UUID viewer, int limit) {
        List<UUID> ids = new ArrayList<>();
        for (WorkstreamRow w : workstreams.values()) {
            if (ids.size() >= limit) {
                break;
            }
            if (access(viewer, w) == null) {
                ids.add(w.id());
            }
        }
        return ids;
    }

    UUID ownerOf(UUID workstream) {
        WorkstreamRow w = workstreams.get(workstream);
        return w == null ? null : w.owner();
    }

    int workstreamCount() {
        return workstreams.size();
    }
}
