package org.entente.activity;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;
import org.entente.platform.i18n.Text;
import org.entente.workstream.Partner;

/**
 * One line of a feed: who did what, when, in which workstream. {@code summary} is what happened in English, as
 * stored; {@code text} the same as a translation key and arguments, null for entries written before V54.
 */
public record ActivityEntry(UUID workstreamId, String workstreamTitle, Partner actor, String verb, String summary,
        Text text, OffsetDateTime at) {

    /** What happened, in the reader's language (an entry without a key has only its English summary). */
    public String summaryIn(Locale locale) {
        return text == null ? summary : text.in(locale);
    }
}
