package org.entente.mail;

import java.time.OffsetDateTime;

/**
 * A mail the embedded SMTP server received, as the "Sent mail" view lists it.
 *
 * @param sentAt its Date header, or null without one
 * @param body   the plain-text part (the HTML part with its tags removed when there is no plain one)
 */
public record SentMail(int number, String to, String from, String subject, OffsetDateTime sentAt, String body) {
}
