package org.entente.mail;

import jakarta.mail.MessagingException;
import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.entente.platform.i18n.Translations;
import org.entente.platform.schedule.JobLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily digest: once a day, after {@code entente.mail.digest-time} (UTC), one mail per person gathering the
 * notifications they chose to receive in the digest, grouped by workstream. Nothing waiting: no mail.
 *
 * <p>Exactly once across instances, twice over: the job lock lets one instance start the run per day, and each
 * person's rows are claimed (claim_digest: SKIP LOCKED and a lease), so even two runs at once never put a row in two
 * mails. Every row is re-read as the recipient's tenant when the digest is written, as an immediate mail is: a
 * workstream the person can no longer see drops out of it (its rows become SKIPPED, with the reason).
 */
@Component
public class DigestSender {

    static final String JOB = "mail-digest";

    /**
     * The lock's period: less than a day, so a run started a little later today does not block tomorrow's, and more
     * than the hours between the digest time and midnight could allow twice (the time check does the rest).
     */
    static final Duration PERIOD = Duration.ofHours(20);

    private static final Logger log = LoggerFactory.getLogger(DigestSender.class);

    private final MailOutbox outbox;
    private final ObjectProvider<JavaMailSender> smtp;
    private final MailSettings settings;
    private final UnsubscribeTokens tokens;
    private final OutboxSender sender;
    private final JobLock jobLock;
    private final LocalTime digestTime;

    DigestSender(MailOutbox outbox, ObjectProvider<JavaMailSender> smtp, MailSettings settings, UnsubscribeTokens tokens,
            OutboxSender sender, JobLock jobLock, @Value("${entente.mail.digest-time:07:00}") String digestTime) {
        this.outbox = outbox;
        this.smtp = smtp;
        this.settings = settings;
        this.tokens = tokens;
        this.sender = sender;
        this.jobLock = jobLock;
        // ISO (07:00), not the locale's short time format a converter might expect.
        this.digestTime = LocalTime.parse(digestTime.strip());
    }

    @Scheduled(initialDelayString = "${entente.mail.digest-check:PT5M}",
            fixedDelayString = "${entente.mail.digest-check:PT5M}")
    void onSchedule() {
        if (!sender.enabled() || LocalTime.now(ZoneOffset.UTC).isBefore(digestTime)) {
            return;
        }
        try {
            jobLock.oncePerPeriod(JOB, PERIOD, this::sendDigests);
        } catch (RuntimeException e) {
            log.warn("Sending the daily digests failed this round: {}", e.toString());
        }
    }

    /** Sends every person's waiting digest now; returns how many digest mails went out. Nothing while e-mail is off. */
    public int sendDigests() {
        JavaMailSender mailSender = smtp.getIfAvailable();
        if (mailSender == null) {
            return 0;
        }
        int sent = 0;
        List<MailOutbox.ClaimedDigest> batch;
        do {
            batch = outbox.claimDigest(settings.batchSize(), settings.lease());
            for (MailOutbox.ClaimedDigest person : batch) {
                if (deliver(mailSender, person)) {
                    sent++;
                }
            }
        } while (batch.size() == settings.batchSize());
        return sent;
    }

    private boolean deliver(JavaMailSender mailSender, MailOutbox.ClaimedDigest person) {
        List<ClaimedMail> rows = new ArrayList<>();
        List<MailOutbox.Send> items = new ArrayList<>();
        for (ClaimedMail row : person.rows()) {
            MailOutbox.Decision decision = outbox.read(row);
            if (decision instanceof MailOutbox.Skip(String reason)) {
                outbox.skipped(row, reason);
            } else {
                rows.add(row);
                items.add((MailOutbox.Send) decision);
            }
        }
        if (items.isEmpty()) {
            return false;
        }
        PendingMail first = items.getFirst().mail();
        try {
            mailSender.send(sender.message(mailSender, first.email(), first.recipientName(),
                    compose(person.tenantId(), person.memberId(), items),
                    settings.unsubscribeLink(tokens.signDigest(person.tenantId(), person.memberId()))));
            rows.forEach(outbox::sent);
            return true;
        } catch (MailException | MessagingException | UnsupportedEncodingException e) {
            int attempt = rows.stream().mapToInt(ClaimedMail::attempt).max().orElse(1);
            boolean last = attempt >= settings.maxAttempts();
            log.warn("Digest of member {} of tenant {} not sent (attempt {} of {}): {}", person.memberId(),
                    person.tenantId(), attempt, settings.maxAttempts(), e.toString());
            rows.forEach(row -> outbox.failed(row, e.toString(), last, settings.waitAfter(attempt)));
            return false;
        }
    }

    /** Groups by workstream (titles in alphabetical order, those about no workstream last), oldest item first. */
    private MailComposer.Composed compose(UUID tenantId, UUID memberId, List<MailOutbox.Send> items) {
        PendingMail first = items.getFirst().mail();
        Map<UUID, List<MailOutbox.Send>> byWorkstream = new LinkedHashMap<>();
        items.stream()
                .sorted(Comparator.comparing((MailOutbox.Send s) -> s.workstreamTitle() == null)
                        .thenComparing(s -> Objects.requireNonNullElse(s.workstreamTitle(), "")))
                .forEach(s -> byWorkstream.computeIfAbsent(s.mail().workstreamId(), id -> new ArrayList<>()).add(s));
        List<MailComposer.DigestGroup> groups = new ArrayList<>();
        byWorkstream.forEach((workstreamId, sends) -> groups.add(new MailComposer.DigestGroup(
                sends.getFirst().workstreamTitle(), sends.getFirst().mail().marking(),
                workstreamId == null ? null : settings.link(workstreamId),
                sends.stream().map(s -> s.mail().text()).toList())));
        Map<String, String> unsubscribes = new LinkedHashMap<>();
        items.stream().map(MailOutbox.Send::kind).distinct().sorted()
                .forEach(kind -> MailPreferences.parse(kind).ifPresent(k -> unsubscribes.put(
                        Translations.text(first.locale(), "notification.kind." + k.name()),
                        settings.unsubscribeLink(tokens.sign(tenantId, memberId, k)))));
        return MailComposer.composeDigest(first.locale(), first.recipientName(), groups, unsubscribes,
                settings.unsubscribeLink(tokens.signDigest(tenantId, memberId)), settings.link(null));
    }

}
