package org.entente.notification;

import java.time.OffsetDateTime;
import org.entente.workstream.Notifications;
import org.entente.workstream.WorkstreamRef;

/**
 * An in-app notification for the signed-in member: addressed to them, or to everyone of their organization.
 *
 * @param workstream what it is about, or null
 * @param readAt     when it was marked read, or null while unread
 */
public record Notification(long id, Notifications.Kind kind, String text, WorkstreamRef workstream,
        OffsetDateTime createdAt, OffsetDateTime readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
