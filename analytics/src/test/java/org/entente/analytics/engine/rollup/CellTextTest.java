package org.entente.analytics.engine.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import org.entente.analytics.engine.AnalyticsSettings;
import org.entente.analytics.engine.disclosure.SuppressionReason;
import org.junit.jupiter.api.Test;

/** The marks of withheld figures read as on the Analytics screen (the app's Figures.mark). */
class CellTextTest {

    @Test
    void marksAndReasons() {
        AnalyticsSettings settings = new AnalyticsSettings(3, 0.85);
        assertThat(CellText.mark(SuppressionReason.TOO_FEW_PARTNERS, settings)).isEqualTo("✕ n<3");
        assertThat(CellText.mark(SuppressionReason.DOMINATED, settings)).isEqualTo("✕ >85%");
        assertThat(CellText.mark(SuppressionReason.PROTECTS_ANOTHER_CELL, settings)).isEqualTo("✕ protects");
        assertThat(CellText.mark(SuppressionReason.TOO_FEW_PARTNERS, new AnalyticsSettings(5, 0.6))).isEqualTo("✕ n<5");
        assertThat(CellText.reason(SuppressionReason.DOMINATED, settings))
                .isEqualTo("Suppressed: one partner holds more than 85%");
    }

    @Test
    void sharesReadInPercentAndTinyOnesKeepTwoSignificantDigits() {
        assertThat(CellText.percent(0.254)).isEqualTo("25.4 %");
        assertThat(CellText.percent(1)).isEqualTo("100.0 %");
        assertThat(CellText.percent(10.75)).isEqualTo("1,075.0 %");
        assertThat(CellText.percent(0)).isEqualTo("0.0 %");
        assertThat(CellText.percent(0.001)).isEqualTo("0.1 %");
        // An intensity: EUR 1.9 million delivered of a GDP of EUR 450 billion
        assertThat(CellText.percent(0.0000422)).isEqualTo("0.0042 %");
        assertThat(CellText.percent(0.00042)).isEqualTo("0.042 %");
        assertThat(CellText.percent(0.0000001)).isEqualTo("0.000010 %");
        assertThat(CellText.percent(-0.0000422)).isEqualTo("-0.0042 %");
        assertThat(CellText.percentDecimals(0.0000422)).isEqualTo(4);
        assertThat(CellText.percentDecimals(0.3)).isEqualTo(1);
        assertThat(CellText.percentDecimals(1e-15)).isEqualTo(8);
    }

    @Test
    void codesReadAsWordsAndNamesStayAsTheyAre() {
        assertThat(CellText.label("RND_PROJECT")).isEqualTo("Joint R&D project");
        assertThat(CellText.label("IN_REVIEW")).isEqualTo("In review");
        assertThat(CellText.label("ACTIVE")).isEqualTo("Active");
        assertThat(CellText.label("NGO")).isEqualTo("Non-governmental organization");
        assertThat(CellText.label("STATE_NON_STATE")).isEqualTo("State non state");
        assertThat(CellText.label("EUROPE")).isEqualTo("EUROPE");
        assertThat(CellText.label("Arland")).isEqualTo("Arland");
        assertThat(CellText.label("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("=HYPERLINK(\"http://x\",\"y\")");
        assertThat(CellText.label(null)).isEmpty();
    }
}
