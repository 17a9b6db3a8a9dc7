package org.entente.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.entente.platform.i18n.Text;
import org.entente.workstream.Releasability;
import org.junit.jupiter.api.Test;

/** What a notification's mail says, and when a failed one is tried again. */
class MailComposerTest {

    static final UUID WORKSTREAM = UUID.fromString("0c000000-0000-4000-8000-000000000001");

    @Test
    void theSubjectCarriesTheMarkingOnOneLineAndTheHtmlEscapesUserText() {
        PendingMail mail = new PendingMail("ingrid@example.org", "Ingrid <Solberg>", Locale.ENGLISH,
                Text.of("discussion.notification.mention", "Amina", "Port\r\nBcc: x@evil.example", "<script>x</script>"),
                null, WORKSTREAM, Releasability.PARTICIPANTS);

        MailComposer.Composed composed = MailComposer.compose(mail, "https://entente.test/workstream/" + WORKSTREAM);

        assertThat(composed.subject()).startsWith("[REL TO PARTICIPANTS] Amina mentioned you in")
                .doesNotContain("\r").doesNotContain("\n");
        assertThat(composed.plain()).startsWith("Hello Ingrid <Solberg>,").contains("<script>x</script>")
                .contains("Marking: REL TO PARTICIPANTS").contains("Open in Entente: https://entente.test/workstream/");
        assertThat(composed.html()).doesNotContain("<script>").contains("&lt;script&gt;x&lt;/script&gt;")
                .contains("Ingrid &lt;Solberg&gt;").contains("<strong>REL TO PARTICIPANTS</strong>");
    }

    @Test
    void aMailAboutNoWorkstreamHasNoMarkingAndIsWrittenInFrenchForAFrenchReader() {
        PendingMail mail = new PendingMail("claire@example.org", "Claire", Locale.FRENCH, null, "Your briefing is ready.",
                null, null);

        MailComposer.Composed composed = MailComposer.compose(mail, "https://entente.test/");

        assertThat(composed.subject()).isEqualTo("Entente\u00a0: Your briefing is ready.");
        assertThat(composed.plain()).startsWith("Bonjour Claire,").doesNotContain("Marquage");
        assertThat(composed.html()).contains("lang=\"fr\"").contains("Ouvrir dans Entente");
    }

    @Test
    void aLongTextIsCutInTheSubjectOnly() {
        String longText = "x".repeat(400);
        PendingMail mail = new PendingMail("a@example.org", "A", Locale.ENGLISH, null, longText, null, null);

        MailComposer.Composed composed = MailComposer.compose(mail, "https://entente.test/");

        assertThat(composed.subject()).hasSize("Entente: ".length() + MailComposer.SUBJECT_TEXT_LENGTH).endsWith("…");
        assertThat(composed.plain()).contains(longText);
    }

    @Test
    void failedMailsWaitTwiceAsLongEachTimeAtMostADay() {
        MailSettings settings = new MailSettings("Entente <a@example.org>", "https://entente.test/", Duration.ofSeconds(15),
                20, Duration.ofMinutes(5), 8, Duration.ofMinutes(1));

        assertThat(settings.waitAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.waitAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.waitAfter(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(settings.waitAfter(40)).isEqualTo(Duration.ofDays(1));
        assertThat(settings.link(WORKSTREAM)).isEqualTo("https://entente.test/workstream/" + WORKSTREAM);
        assertThat(settings.link(null)).isEqualTo("https://entente.test/");
    }
}
