package org.entente.notification;

import java.util.UUID;

/**
 * A member of this organization opened the app and its milestone reminders were written
 * ({@link NotificationService#remindOfMilestones()}): other features add their own reminders by listening for it
 * after that transaction commits, so that notification/ need not know them.
 */
public record RemindersDue(UUID tenantId) {
}
