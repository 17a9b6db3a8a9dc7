package org.entente.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.entente.platform.i18n.Language;
import org.entente.platform.i18n.StoredText;
import org.entente.platform.i18n.Text;
import org.entente.workstream.Notifications;
import org.junit.jupiter.api.Test;

/** A bell text survives the database (key and tagged arguments, V53) and is written in the reader's language. */
class NotificationTextTest {

    private static final java.util.Locale EN = Language.EN.locale();
    private static final java.util.Locale FR = Language.FR.locale();

    @Test
    void aMentionReadsInEachRecipientsLanguageWithTheTypedTextsUnchanged() {
        Text sent = Text.of("discussion.notification.mention", "Amina Odhiambo (kenya)", "Sail plan", "It's {0} 'quoted'");
        Text stored = stored(sent);
        assertThat(stored.in(EN)).isEqualTo("Amina Odhiambo (kenya) mentioned you in \"Sail plan\": It's {0} 'quoted'")
                .isEqualTo(Notifications.english(sent));
        assertThat(stored.in(FR)).isEqualTo("Amina Odhiambo (kenya) vous a mentionné dans «\u00a0Sail plan\u00a0»\u00a0: "
                + "It's {0} 'quoted'");
    }

    @Test
    void keysDatesAndMissingValuesSurviveToo() {
        Text sent = Text.of("notification.milestone.overdue", "Sail plan", Text.of("discussion.notification.aWorkstream"),
                LocalDate.of(2026, 12, 14));
        Text stored = stored(sent);
        assertThat(stored.in(EN)).isEqualTo("Milestone \"Sail plan\" of \"a workstream\" is overdue (planned 2026-12-14).");
        assertThat(stored.in(FR)).contains("un chantier").contains("2026-12-14");
        assertThat(stored(Text.of("discussion.composer.replyingTo", (Object) null)).args()).containsExactly((Object) null);
    }

    @Test
    void aNotificationWithoutKeyShowsItsEnglishText() {
        Notification old = new Notification(1, Notifications.Kind.STATUS_CHANGE, "Status changed", null, null,
                OffsetDateTime.now(), null);
        assertThat(old.text(FR)).isEqualTo("Status changed");
    }

    /** As the bell reads it back: through the tagged strings stored in notification.text_args. */
    private static Text stored(Text sent) {
        return StoredText.decode(sent.key(), StoredText.encode(sent));
    }
}
