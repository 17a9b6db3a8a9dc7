package org.entente.assessment;

import static org.entente.db.jooq.Tables.NOTIFICATION;

import org.entente.db.tenancy.Actor;
import org.entente.notification.RemindersDue;
import org.entente.platform.i18n.Text;
import org.entente.workstream.Notifications;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bell reminders to the organization responsible for an indicator whose last ended reporting period has no value
 * (ResultsService.dueForMyOrganization, i.e. indicator_progress.overdue): once per indicator and period, however
 * often it runs. Written when a member of that organization opens the app: the notification feature publishes
 * {@link RemindersDue} after its milestone reminders, and this listener adds the measurement reminders in a
 * transaction of its own once those have committed (a failure here never costs the milestone reminders, nor keeps
 * the workspace from opening).
 */
@Component
public class MeasurementReminders {

    private static final Logger log = LoggerFactory.getLogger(MeasurementReminders.class);

    private final DSLContext dsl;
    private final ResultsRules rules;
    private final ResultsService results;
    private final Notifications notifications;
    private final TransactionTemplate ownTransaction;

    MeasurementReminders(DSLContext dsl, ResultsRules rules, ResultsService results, Notifications notifications,
            PlatformTransactionManager transactionManager) {
        this.dsl = dsl;
        this.rules = rules;
        this.results = results;
        this.notifications = notifications;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Reminds the signed-in organization of the measurements due from it; returns how many reminders were added.
     * A transaction-scoped advisory lock per tenant keeps two members opening the app at once from both adding one.
     */
    @Transactional
    public int remind() {
        Actor actor = rules.actor();
        dsl.execute("select pg_advisory_xact_lock(hashtext(?))", "measurement-reminders:" + actor.tenantId());
        int added = 0;
        for (DueMeasurement due : results.dueForMyOrganization()) {
            Indicator indicator = due.indicator();
            Text text = Text.of("results.notification.measurementDue", indicator.definition(), due.workstreamTitle(),
                    indicator.progress().duePeriodStart(), indicator.progress().duePeriodEnd());
            // Once per indicator and period: the English rendering is stored with every reminder (V53), so it finds
            // the earlier one whatever language its readers see it in.
            boolean known = dsl.fetchExists(NOTIFICATION, NOTIFICATION.TENANT_ID.eq(actor.tenantId()),
                    NOTIFICATION.KIND.eq(Notifications.Kind.MEASUREMENT_DUE.name()),
                    NOTIFICATION.WORKSTREAM_ID.eq(indicator.workstream().id()),
                    NOTIFICATION.TEXT.eq(Notifications.english(text)));
            if (!known) {
                notifications.notifyTenant(actor.tenantId(), Notifications.Kind.MEASUREMENT_DUE, indicator.workstream(),
                        text);
                added++;
            }
        }
        return added;
    }

    /** After the milestone reminders committed: the measurement reminders, in a transaction of their own. */
    @TransactionalEventListener
    void remindAfterMilestones(RemindersDue event) {
        try {
            ownTransaction.executeWithoutResult(status -> remind());
        } catch (RuntimeException e) {
            log.warn("Could not compute measurement reminders for tenant {}", event.tenantId(), e);
        }
    }
}
