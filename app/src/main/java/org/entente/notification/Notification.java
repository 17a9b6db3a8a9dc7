package org.entente.notification;

import java.time.OffsetDateTime;
import java.util.Locale;
import org.entente.platform.i18n.Text;
import org.entente.workstream.Notifications;
import org.entente.workstream.WorkstreamRef;

/**
 * An in-app notification for the signed-in member: addressed to them, or to everyone of their organization.
 *
 * @param text       what it says, in English (as stored)
 * @param message    what it says as a translation key and arguments, or null for a notification that has only its
 *                   English text (made before V53, or by a sender that gives none)
 * @param workstream what it is about, or null
 * @param readAt     when it was marked read, or null while unread
 */
public record Notification(long id, Notifications.Kind kind, String text, Text message, WorkstreamRef workstream,
        OffsetDateTime createdAt, OffsetDateTime readAt) {

    public boolean unread() {
        return readAt == null;
    }

    /** What it says in the reader's language (its English text when it has no key). */
    public String text(Locale locale) {
        return message == null ? text : message.in(locale);
    }
}
