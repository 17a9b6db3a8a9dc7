package org.entente.briefing;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.entente.analytics.engine.BurdenGuideline;
import org.entente.analytics.engine.Viewer;
import org.entente.analytics.engine.briefing.BriefingFailedException;
import org.entente.analytics.engine.briefing.BriefingRequest;
import org.entente.analytics.engine.briefing.BriefingResult;
import org.entente.platform.i18n.Language;
import org.entente.platform.i18n.Translations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes one briefing, on a worker of the queue, as its requester (inside their {@code TenantScope}): the row goes
 * RUNNING, the workstream titles and the organization's burden guideline are read from PostgreSQL under the
 * requester's row-level security, the workbook is written from one snapshot to a temporary file, and then it is READY
 * with its bookkeeping ({@link BriefingLedger#ready}) or FAILED with a sentence saying why, and no file.
 */
@Component
class BriefingGeneration {

    private static final Logger log = LoggerFactory.getLogger(BriefingGeneration.class);

    /** The failures people read, in the requester's language; the constants are their English, as tests read it. */
    static final String INTERRUPTED = Translations.text(Language.EN.locale(), "briefing.failure.interrupted");
    static final String NOT_SAVED = Translations.text(Language.EN.locale(), "briefing.failure.notSaved");

    private final BriefingRows rows;
    private final BriefingLedger ledger;
    private final BriefingFiles files;
    private final BriefingWatchers watchers;
    private final Workbooks workbooks;
    private final WorkstreamTitleReader titles;
    private final BurdenGuidelineReader guidelines;
    private final Clock clock = Clock.systemUTC();

    BriefingGeneration(BriefingRows rows, BriefingLedger ledger, BriefingFiles files, BriefingWatchers watchers,
            Workbooks workbooks, WorkstreamTitleReader titles, BurdenGuidelineReader guidelines) {
        this.rows = rows;
        this.ledger = ledger;
        this.files = files;
        this.watchers = watchers;
        this.workbooks = workbooks;
        this.titles = titles;
        this.guidelines = guidelines;
    }

    void write(BriefingJob job) {
        UUID tenant = job.tenantId();
        Instant generatedAt = clock.instant();
        if (!rows.start(tenant, job.briefingId(), generatedAt)) {
            log.info("Briefing {} is no longer queued; not written", job.briefingId());
            return;
        }
        watchers.progress(job, 0, Translations.text(job.locale(), "briefing.progress.starting"));
        String fileName = "entente-" + job.kind().slug() + "-" + LocalDate.ofInstant(generatedAt, ZoneOffset.UTC) + ".xlsx";
        ExportedContributions exported = new ExportedContributions();
        try {
            Map<ExportedContributions.Workstream, String> visibleTitles = titles.visible();
            BurdenGuideline guideline = guidelines.of(tenant);
            BriefingRequest request = new BriefingRequest(job.kind(), job.scope().filter(), Viewer.federation(tenant),
                    job.organizationName(), job.requestedBy(), generatedAt, guideline, job.locale());
            try (BriefingFiles.Writing writing = files.start(tenant, job.briefingId())) {
                BriefingResult result = workbooks.write(request,
                        (workstreamTenant, workstream) -> visibleTitles.get(
                                new ExportedContributions.Workstream(workstreamTenant, workstream)),
                        exported::add, (fraction, step) -> watchers.progress(job, fraction, step), writing.out());
                long size = writing.finish();
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("interrupted after writing");
                }
                watchers.progress(job, 1, Translations.text(job.locale(), "briefing.progress.recording"));
                try {
                    ledger.ready(job, fileName, size, result, exported, writing);
                } catch (RuntimeException e) {
                    writing.discard();
                    throw e;
                }
            }
            watchers.tell(tenant, new BriefingEvent.Finished(job.briefingId(), BriefingStatus.READY, null));
            log.info("Briefing {} ({}) of {} written: {}", job.briefingId(), job.kind(), tenant, fileName);
        } catch (RuntimeException | IOException e) {
            fail(job, reason(e, job.locale()));
        }
    }

    private void fail(BriefingJob job, String message) {
        Thread.interrupted(); // the bookkeeping below must reach the database even when the thread was interrupted
        String why = BriefingValues.shorten(message, 2000);
        try {
            ledger.failed(job, why);
        } catch (RuntimeException e) {
            log.error("Briefing {} failed ({}) and could not be marked so", job.briefingId(), why, e);
        }
        watchers.tell(job.tenantId(), new BriefingEvent.Finished(job.briefingId(), BriefingStatus.FAILED, why));
    }

    /** The sentence people read for a failure; details of unexpected ones go to the log. */
    private String reason(Exception e, Locale locale) {
        if (Thread.currentThread().isInterrupted() || interruption(e)) {
            return Translations.text(locale, "briefing.failure.interrupted");
        }
        if (e instanceof BriefingFailedException failed) {
            return failed.getMessage(); // the engine's sentence, in the workbook's language
        }
        if (e instanceof IOException || e instanceof UncheckedIOException) {
            log.warn("Briefing file could not be saved under {}", files.root(), e);
            return Translations.text(locale, "briefing.failure.notSaved");
        }
        log.warn("Briefing failed", e);
        return Translations.text(locale, "briefing.failure.other",
                e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    private static boolean interruption(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InterruptedIOException || t instanceof ClosedByInterruptException
                    || t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }
}
