package org.entente.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.entente.workstream.Releasability;
import org.junit.jupiter.api.Test;

/** The daily digest's text: grouped, user text escaped in HTML, unsubscribe lines, in the reader's language. */
class DigestComposerTest {

    @Test
    void groupsAreWrittenInOrderWithTheirMarkingAndUserTextIsEscaped() {
        Map<String, String> unsubscribes = new LinkedHashMap<>();
        unsubscribes.put("Mention", "https://entente.test/mail/unsubscribe?token=m.s");
        MailComposer.Composed digest = MailComposer.composeDigest(Locale.ENGLISH, "Ingrid <Solberg>", List.of(
                        new MailComposer.DigestGroup("Port <b>visit</b>", Releasability.PARTICIPANTS,
                                "https://entente.test/workstream/1", List.of("One <i>mention</i>", "A status")),
                        new MailComposer.DigestGroup(null, null, null, List.of("Your briefing is ready."))),
                unsubscribes, "https://entente.test/mail/unsubscribe?token=d.s", "https://entente.test/");

        assertThat(digest.subject()).isEqualTo("Entente daily digest: 3 notifications");
        assertThat(digest.plain()).contains("Hello Ingrid <Solberg>,").contains("== Port <b>visit</b> [REL TO PARTICIPANTS] ==")
                .contains("- One <i>mention</i>").contains("== Not about a workstream ==")
                .contains("Stop e-mails of this kind (Mention): https://entente.test/mail/unsubscribe?token=m.s")
                .contains("Stop the daily digest: https://entente.test/mail/unsubscribe?token=d.s");
        assertThat(digest.plain().indexOf("A status")).isLessThan(digest.plain().indexOf("Not about a workstream"));
        assertThat(digest.html()).contains("<h2>Port &lt;b&gt;visit&lt;/b&gt; [REL TO PARTICIPANTS]</h2>")
                .contains("<li>One &lt;i&gt;mention&lt;/i&gt;</li>").doesNotContain("<b>visit</b>")
                .contains("href=\"https://entente.test/mail/unsubscribe?token=d.s\"");
    }

    @Test
    void oneNotificationInFrench() {
        MailComposer.Composed digest = MailComposer.composeDigest(Locale.FRENCH, "Claire", List.of(
                new MailComposer.DigestGroup(null, null, null, List.of("Votre note est prête."))), Map.of(),
                "https://entente.test/mail/unsubscribe?token=d.s", "https://entente.test/");
        assertThat(digest.subject()).isEqualTo("Résumé quotidien Entente\u00a0: 1 notification");
        assertThat(digest.plain()).contains("Bonjour Claire,").contains("Voici la notification que vous avez choisi")
                .contains("Arrêter le résumé quotidien\u00a0: https://entente.test/mail/unsubscribe?token=d.s");
        assertThat(digest.html()).contains("lang=\"fr\"");
    }
}
