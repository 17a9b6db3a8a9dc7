package org.entente.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How notifications go out by e-mail ({@code entente.mail.*}). The SMTP server itself is Spring's
 * {@code spring.mail.*}: without {@code spring.mail.host} there is no mail sender and e-mail is off.
 *
 * @param from         the sender address of every mail, e.g. {@code Entente <no-reply@entente.example.org>}
 * @param appUrl       where the app is reached from a mail's link (the address people type, not this host's)
 * @param pollInterval how often an instance looks for due mails
 * @param batchSize    mails one instance claims at a time
 * @param lease        how long a claimed mail belongs to the instance that claimed it; longer than a send can take
 *                     (the SMTP timeouts in application.yml), so a slow send is never claimed twice
 * @param maxAttempts  sends tried before a mail is given up (FAILED)
 * @param backoff      the wait after a first failure; doubled after each further one, at most a day
 */
@ConfigurationProperties("entente.mail")
public record MailSettings(@DefaultValue("Entente <no-reply@entente.local>") String from,
        @DefaultValue("http://localhost:8080") String appUrl, @DefaultValue("PT15S") Duration pollInterval,
        @DefaultValue("20") int batchSize, @DefaultValue("PT5M") Duration lease, @DefaultValue("8") int maxAttempts,
        @DefaultValue("PT1M") Duration backoff) {

    private static final Duration LONGEST_WAIT = Duration.ofDays(1);

    public MailSettings {
        if (batchSize < 1 || batchSize > 500) {
            throw new IllegalArgumentException("entente.mail.batch-size must be 1 to 500, not " + batchSize);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("entente.mail.max-attempts must be at least 1, not " + maxAttempts);
        }
        if (lease.isNegative() || lease.isZero() || backoff.isNegative()) {
            throw new IllegalArgumentException("entente.mail.lease must be positive and entente.mail.backoff not negative");
        }
    }

    /** The wait before the next attempt after {@code failedAttempts} failures: backoff, 2 × backoff, 4 × … */
    Duration waitAfter(int failedAttempts) {
        Duration wait = backoff;
        for (int i = 1; i < failedAttempts && wait.compareTo(LONGEST_WAIT) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    /** The one-click unsubscribe link of a token (UnsubscribeTokens): the page that confirms, and takes the POST. */
    String unsubscribeLink(String token) {
        return link(null) + "mail/unsubscribe?token=" + token;
    }

    /** The link to a workstream, or to the app's start page. */
    String link(java.util.UUID workstreamId) {
        String base = appUrl.endsWith("/") ? appUrl.substring(0, appUrl.length() - 1) : appUrl;
        return workstreamId == null ? base + "/" : base + "/workstream/" + workstreamId;
    }
}
