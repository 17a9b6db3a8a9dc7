package org.entente.notification;

import static org.entente.db.jooq.Tables.NOTIFICATION;

import java.time.LocalDate;
import java.util.List;
import org.entente.db.jooq.tables.records.NotificationRecord;
import org.entente.db.tenancy.Actor;
import org.entente.db.tenancy.ActorSource;
import org.entente.milestone.Milestone;
import org.entente.milestone.MilestoneService;
import org.entente.platform.i18n.StoredText;
import org.entente.platform.i18n.Text;
import org.entente.platform.validation.NotAllowed;
import org.entente.workstream.Notifications;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamRef;
import org.entente.workstream.WorkstreamService;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in member's notifications: rows of their tenant's partition addressed to them or to the whole
 * organization (recipient null). Row-level security keeps other tenants' rows out; this service narrows to
 * the member. Marking an organization-wide notification read marks it for the whole organization (the
 * schema keeps one read_at per row).
 */
@Service
public class NotificationService {

    /** Milestones due within this many days are worth a reminder. */
    static final int DUE_SOON_DAYS = 7;

    private final DSLContext dsl;
    private final ActorSource actors;
    private final MilestoneService milestones;
    private final WorkstreamService workstreams;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;

    NotificationService(DSLContext dsl, ActorSource actors, MilestoneService milestones, WorkstreamService workstreams,
            Notifications notifications, ApplicationEventPublisher events) {
        this.dsl = dsl;
        this.actors = actors;
        this.milestones = milestones;
        this.workstreams = workstreams;
        this.notifications = notifications;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public int unreadCount() {
        return actors.currentActor().map(actor -> dsl.fetchCount(NOTIFICATION, mine(actor), NOTIFICATION.READ_AT.isNull()))
                .orElse(0);
    }

    /** The newest {@code limit} notifications, read or not. */
    @Transactional(readOnly = true)
    public List<Notification> latest(int limit) {
        return actors.currentActor().map(actor -> dsl.selectFrom(NOTIFICATION)
                        .where(mine(actor))
                        .orderBy(NOTIFICATION.CREATED_AT.desc(), NOTIFICATION.ID.desc())
                        .limit(limit)
                        .fetch(NotificationService::toNotification))
                .orElse(List.of());
    }

    /**
     * Marks one of the signed-in member's notifications read (again: nothing changes). Someone else's, another
     * organization's or an unknown id is refused, not ignored: a caller (a partner's system, later) must learn that
     * it named a notification that is not its own.
     */
    @Transactional
    public void markRead(long id) {
        Actor actor = actor();
        int marked = dsl.update(NOTIFICATION)
                .set(NOTIFICATION.READ_AT, DSL.currentOffsetDateTime())
                .where(mine(actor), NOTIFICATION.ID.eq(id), NOTIFICATION.READ_AT.isNull())
                .execute();
        if (marked == 0 && !dsl.fetchExists(NOTIFICATION, mine(actor), NOTIFICATION.ID.eq(id))) {
            throw new NotAllowed("notification.error.notYours");
        }
    }

    @Transactional
    public void markAllRead() {
        Actor actor = actor();
        dsl.update(NOTIFICATION)
                .set(NOTIFICATION.READ_AT, DSL.currentOffsetDateTime())
                .where(mine(actor), NOTIFICATION.READ_AT.isNull())
                .execute();
    }

    /**
     * Reminds the signed-in organization of open milestones it owns, or of workstreams it leads, that are due
     * within {@value #DUE_SOON_DAYS} days or overdue; called when a member opens the app. One reminder per
     * milestone, kind and planned date, however often it runs (a transaction-scoped advisory lock per tenant
     * keeps two members signing in at once from both adding it). Returns how many were added. Then publishes
     * {@link RemindersDue}: other features (measurements due) add theirs once this transaction has committed.
     */
    @Transactional
    public int remindOfMilestones() {
        Actor actor = actor();
        dsl.execute("select pg_advisory_xact_lock(hashtext(?))", "milestone-reminders:" + actor.tenantId());
        LocalDate today = milestones.today();
        int added = 0;
        for (Milestone milestone : milestones.dueOrOverdue(DUE_SOON_DAYS)) {
            if (!milestone.owner().id().equals(actor.tenantId())
                    && !milestone.workstream().tenantId().equals(actor.tenantId())) {
                continue;
            }
            boolean overdue = milestone.overdueOn(today);
            Notifications.Kind kind = overdue ? Notifications.Kind.MILESTONE_OVERDUE : Notifications.Kind.MILESTONE_DUE;
            String title = workstreams.get(milestone.workstream().id()).map(Workstream::title).orElse(null);
            if (title == null) {
                continue;
            }
            Text message = Text.of(overdue ? "notification.milestone.overdue" : "notification.milestone.due",
                    milestone.title(), title, milestone.plannedDate());
            // Known by its English text, as reminders were before they had keys (V53): none is sent twice.
            String text = Notifications.english(message);
            boolean known = dsl.fetchExists(NOTIFICATION, NOTIFICATION.TENANT_ID.eq(actor.tenantId()),
                    NOTIFICATION.KIND.eq(kind.name()), NOTIFICATION.WORKSTREAM_ID.eq(milestone.workstream().id()),
                    NOTIFICATION.TEXT.eq(text));
            if (!known) {
                notifications.notifyTenant(actor.tenantId(), kind, milestone.workstream(), message);
                added++;
            }
        }
        events.publishEvent(new RemindersDue(actor.tenantId()));
        return added;
    }

    private static Condition mine(Actor actor) {
        Condition recipient = actor.memberId() == null ? NOTIFICATION.RECIPIENT_MEMBER_ID.isNull()
                : NOTIFICATION.RECIPIENT_MEMBER_ID.isNull().or(NOTIFICATION.RECIPIENT_MEMBER_ID.eq(actor.memberId()));
        return NOTIFICATION.TENANT_ID.eq(actor.tenantId()).and(recipient);
    }

    private Actor actor() {
        return actors.currentActor().orElseThrow(() -> new NotAllowed("notification.error.signIn"));
    }

    private static Notification toNotification(NotificationRecord r) {
        return new Notification(r.getId(), Notifications.Kind.valueOf(r.getKind()), r.getText(),
                r.getTextKey() == null ? null : StoredText.decode(r.getTextKey(), r.getTextArgs()),
                r.getWorkstreamId() == null ? null : new WorkstreamRef(r.getWorkstreamTenantId(), r.getWorkstreamId()),
                r.getCreatedAt(), r.getReadAt());
    }
}
