package org.entente.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A text survives the database: its arguments tagged in a text[] column (V53, V54) and read back as they were sent. */
class StoredTextTest {

    private static final Locale EN = Language.EN.locale();
    private static final Locale FR = Language.FR.locale();

    @Test
    void everyKindOfArgumentIsTaggedAndReadBack() {
        Text sent = Text.of("some.key", "Sail plan", new BigDecimal("12.50"), 3, 2.5, LocalDate.of(2026, 12, 14),
                Text.of("action.cancel"), Language.FR, null);

        String[] stored = StoredText.encode(sent);
        assertThat(stored).containsExactly("s:Sail plan", "n:12.50", "n:3", "n:2.5", "d:2026-12-14",
                "k:action.cancel", "k:enum.Language.FR", "0:");

        Text read = StoredText.decode("some.key", stored);
        assertThat(read.key()).isEqualTo("some.key");
        assertThat(read.args()).containsExactly("Sail plan", new BigDecimal("12.50"), new BigDecimal("3"),
                new BigDecimal("2.5"), LocalDate.of(2026, 12, 14), Text.of("action.cancel"), Text.of("enum.Language.FR"),
                null);
    }

    @Test
    void aKeyArgumentIsWrittenInTheReadersLanguageAfterTheRoundTrip() {
        Text read = StoredText.decode("analytics.guideline.error.yearTwice",
                StoredText.encode(Text.of("analytics.guideline.error.yearTwice", 2026, 3)));
        assertThat(read.in(FR)).isEqualTo("2026 figure déjà dans la ligne directrice (ligne 3).");

        Text withKey = StoredText.decode("x.y", StoredText.encode(Text.of("x.y", Text.of("action.cancel"))));
        assertThat(((Text) withKey.args().getFirst()).in(EN)).isEqualTo("Cancel");
        assertThat(((Text) withKey.args().getFirst()).in(FR)).isEqualTo("Annuler");
    }

    @Test
    void anEnumConstantComesBackAsItsLabelKey() {
        // Read back it is the key of its label (the constant's class is not stored), written as the label would be.
        Text read = StoredText.decode("x.y", StoredText.encode(Text.of("x.y", Language.EN)));
        assertThat(read.args()).containsExactly(Text.of(Translations.enumKey(Language.EN)));
        assertThat(((Text) read.args().getFirst()).in(FR)).isEqualTo(Translations.label(FR, Language.EN));
    }

    @Test
    void aNestedTextWithArgumentsIsKeptAsItsEnglish() {
        Text nested = Text.of("analytics.guideline.error.yearTwice", 2026, 3);
        String[] stored = StoredText.encode(Text.of("x.y", nested));
        assertThat(stored).containsExactly("s:2026 is already in the guideline (row 3).");
        assertThat(StoredText.decode("x.y", stored).args()).containsExactly("2026 is already in the guideline (row 3).");
    }

    @Test
    void typedTextThatLooksLikeATagStaysTypedText() {
        String[] stored = StoredText.encode(Text.of("x.y", "k:action.cancel", "0:", "n:", "{0} 'quoted'", ""));
        assertThat(stored).containsExactly("s:k:action.cancel", "s:0:", "s:n:", "s:{0} 'quoted'", "s:");
        assertThat(StoredText.decode("x.y", stored).args())
                .containsExactly("k:action.cancel", "0:", "n:", "{0} 'quoted'", "");
    }

    @Test
    void missingOrUntaggedArgumentsReadAsTheyAre() {
        assertThat(StoredText.decode("x.y", null).args()).isEmpty();
        assertThat(StoredText.decode("x.y", new String[0]).args()).isEmpty();
        assertThat(StoredText.decode("x.y", new String[] {"plain", "x", null}).args())
                .containsExactly("plain", "x", null);
        assertThat(StoredText.encode(Text.of("x.y"))).isEmpty();
    }

    @Test
    void argumentsBeyondTheSchemasLimitsDoNotFit() {
        assertThat(StoredText.fits(new String[0])).isTrue();
        assertThat(StoredText.fits(Collections.nCopies(20, "s:").toArray(String[]::new))).isTrue();
        assertThat(StoredText.fits(Collections.nCopies(21, "s:").toArray(String[]::new))).isFalse();
        String half = "s:" + "x".repeat(1998);
        assertThat(StoredText.fits(new String[] {half, half})).as("4000 characters").isTrue();
        assertThat(StoredText.fits(new String[] {half, half + "x"})).isFalse();
    }

    @Test
    void theEnglishRenderingIsCutToTheColumnsLength() {
        Text longText = Text.of("platform.organizationAvailable.text", "x".repeat(2000));
        String english = StoredText.english(longText, 1000);
        assertThat(english).hasSize(1000).endsWith("x…").startsWith("xxx");
        assertThat(StoredText.english(Text.of("action.cancel"), 1000)).isEqualTo("Cancel");
        assertThat(StoredText.english(Text.of("action.cancel"), 6)).as("exactly the length").isEqualTo("Cancel");
        assertThat(StoredText.english(Text.of("action.cancel"), 5)).isEqualTo("Canc…");
    }
}
