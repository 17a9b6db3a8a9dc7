package org.entente.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Amounts typed as each language writes them: the French decimal comma (or the point), English thousands commas. */
class DecimalInputTest {

    @Test
    void aFrenchPageTakesTheCommaOrThePointAndSpacesBetweenThousands() {
        assertThat(DecimalInput.parse("482 500 000 000,50", Locale.FRANCE)).contains(new BigDecimal("482500000000.50"));
        assertThat(DecimalInput.parse("2,5", Locale.FRANCE)).contains(new BigDecimal("2.5"));
        assertThat(DecimalInput.parse("2.5", Locale.FRANCE)).contains(new BigDecimal("2.5"));
        assertThat(DecimalInput.parse("1\u202f234,5", Locale.FRANCE)).contains(new BigDecimal("1234.5"));
        assertThatThrownBy(() -> DecimalInput.parse("1.234,5", Locale.FRANCE)).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void anEnglishPageTakesThePointAndCommasBetweenThousands() {
        assertThat(DecimalInput.parse("482,500,000,000.50", Locale.UK)).contains(new BigDecimal("482500000000.50"));
        assertThat(DecimalInput.parse("2.5", Locale.UK)).contains(new BigDecimal("2.5"));
        assertThat(DecimalInput.parse("  ", Locale.UK)).isEmpty();
        assertThatThrownBy(() -> DecimalInput.parse("12x", Locale.UK)).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void aStoredNumberIsShownAsItWouldBeTypedAgain() {
        assertThat(DecimalInput.format(new BigDecimal("2.50"), Locale.FRANCE)).isEqualTo("2,5");
        assertThat(DecimalInput.format(new BigDecimal("482500000000.00"), Locale.UK)).isEqualTo("482500000000");
    }
}
