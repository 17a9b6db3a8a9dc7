package org.entente.mail;

import org.entente.workstream.Notifications;

/**
 * How a person wants one kind of notification mailed (V56, mail_preference.delivery). The bell shows every notification
 * whatever is chosen here.
 */
public enum Delivery {
    /** A mail of its own, as soon as the sender polls. */
    IMMEDIATE,
    /** Gathered with the others in one mail a day. */
    DIGEST,
    /** Not mailed. */
    OFF;

    /** The choice of someone who made none (the schema's mail_delivery_default says the same). */
    public static Delivery defaultFor(Notifications.Kind kind) {
        return kind == Notifications.Kind.INVITATION || kind == Notifications.Kind.MENTION ? IMMEDIATE : DIGEST;
    }
}
