package org.entente.mail;

import java.util.Locale;
import java.util.UUID;
import org.entente.platform.i18n.Text;
import org.entente.workstream.Releasability;

/**
 * A mail as the recipient's tenant reads it at sending time: to whom, in which language, what it says, and the marking
 * of the workstream it is about.
 *
 * @param message      what the notification says, as a key and arguments; null when it has only its English text
 * @param englishText  the English text (used when there is no key)
 * @param workstreamId the workstream it is about, or null (briefings)
 * @param marking      that workstream's releasability as the recipient sees it now, or null without a workstream
 */
record PendingMail(String email, String recipientName, Locale locale, Text message, String englishText,
        UUID workstreamId, Releasability marking) {

    /** What the notification says, in the recipient's language. */
    String text() {
        return message == null ? englishText : message.in(locale);
    }
}
