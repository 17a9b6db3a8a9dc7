package org.entente.assessment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.entente.assessment.Direction;
import org.entente.assessment.Disaggregation;
import org.entente.assessment.Frequency;
import org.entente.assessment.Indicator;
import org.entente.assessment.IndicatorStatus;
import org.entente.assessment.IndicatorUnit;
import org.entente.assessment.Measurement;
import org.entente.assessment.Progress;
import org.entente.platform.i18n.Translations;
import org.entente.workstream.Partner;
import org.entente.workstream.Releasability;
import org.entente.workstream.WorkstreamRef;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class IndicatorChartTest {

    static final WorkstreamRef REF = new WorkstreamRef(UUID.randomUUID(), UUID.randomUUID());
    static final Partner NORWAY = new Partner(UUID.randomUUID(), "norway", "Kingdom of Norway", null, null);
    static final Partner KENYA = new Partner(UUID.randomUUID(), "kenya", "Republic of Kenya", null, null);

    static Indicator indicator(IndicatorUnit unit, BigDecimal baseline, Disaggregation disaggregation) {
        return indicator(unit, baseline, new BigDecimal("80"), disaggregation);
    }

    static Indicator indicator(IndicatorUnit unit, BigDecimal baseline, BigDecimal target,
            Disaggregation disaggregation) {
        return new Indicator(REF, UUID.randomUUID(), UUID.randomUUID(), "Crews certified", unit, Direction.HIGHER,
                disaggregation, baseline, baseline == null ? null : LocalDate.of(2025, 1, 1), target,
                LocalDate.of(2027, 12, 31), Frequency.QUARTERLY, NORWAY, Releasability.PARTICIPANTS, List.of(), 0,
                new Progress(null, null, 0, null, null, baseline == null ? IndicatorStatus.NO_BASELINE
                        : IndicatorStatus.NOT_MEASURED, null, null, false));
    }

    static Measurement value(LocalDate start, LocalDate end, Partner partner, String value) {
        return new Measurement(REF, UUID.randomUUID(), UUID.randomUUID(), start, end, partner, new BigDecimal(value),
                null, null, NORWAY, "Ingrid Solberg", OffsetDateTime.now(), 0);
    }

    /** The series named {@code name}, or by the key of its name (IndicatorChart.PATH…), as English writes it. */
    static JsonNode series(ObjectNode option, String name) {
        String english = Translations.has(name) ? Translations.text(java.util.Locale.UK, name) : name;
        for (JsonNode s : option.get("series")) {
            if (s.get("name").asString().equals(english)) {
                return s;
            }
        }
        return null;
    }

    @Test
    void drawsBaselineStraightPathTargetAndMeasuredTotalsInPeriodOrder() {
        Indicator indicator = indicator(IndicatorUnit.PERCENT, new BigDecimal("20"), Disaggregation.NONE);
        ObjectNode option = IndicatorChart.option(indicator, List.of(
                value(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 9, 30), null, "41"),
                value(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 6, 30), null, "30")), LocalDate.of(2026, 1, 10));

        JsonNode path = series(option, IndicatorChart.PATH);
        assertThat(path.get("lineStyle").get("type").asString()).isEqualTo("dashed");
        assertThat(path.get("data").get(0).get("value").get(0).asString()).isEqualTo("2025-01-01");
        assertThat(path.get("data").get(0).get("value").get(1).asDouble()).isEqualTo(20.0);
        assertThat(path.get("data").get(1).get("value").get(0).asString()).isEqualTo("2027-12-31");
        assertThat(path.get("data").get(1).get("value").get(1).asDouble()).isEqualTo(80.0);
        assertThat(series(option, IndicatorChart.BASELINE).get("data").get(0).get("value").get(1).asDouble())
                .isEqualTo(20.0);
        JsonNode target = series(option, IndicatorChart.TARGET);
        assertThat(target.get("data").get(0).get("value").get(0).asString()).isEqualTo("2027-12-31");
        assertThat(target.get("markLine").get("data").get(0).get("xAxis").asString()).isEqualTo("2026-01-10");

        JsonNode measured = series(option, IndicatorChart.MEASURED).get("data");
        assertThat(measured).hasSize(2);
        assertThat(measured.get(0).get("name").asString()).isEqualTo("2025 Q2");
        assertThat(measured.get(0).get("value").get(1).asDouble()).isEqualTo(30.0);
        assertThat(measured.get(1).get("value").get(0).asString()).isEqualTo("2025-09-30");
        assertThat(option.get("yAxis").get("max").asInt()).isEqualTo(100);
        assertThat(IndicatorChart.format(IndicatorUnit.PERCENT)).isEqualTo("percent");
    }

    @Test
    void withoutBaselineThereIsNoPathAndPartnersGetTheirOwnLinesOnlyWhenDisaggregated() {
        List<Measurement> values = new ArrayList<>(List.of(
                value(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 6, 30), null, "12"),
                value(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 6, 30), KENYA, "5"),
                value(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 6, 30), NORWAY, "7")));
        ObjectNode byPartner = IndicatorChart.option(indicator(IndicatorUnit.NUMBER, null, Disaggregation.BY_PARTNER),
                values, LocalDate.of(2026, 1, 10));
        assertThat(series(byPartner, IndicatorChart.PATH)).isNull();
        assertThat(series(byPartner, IndicatorChart.BASELINE)).isNull();
        assertThat(series(byPartner, IndicatorChart.MEASURED).get("data")).hasSize(1);
        assertThat(series(byPartner, "Republic of Kenya").get("data").get(0).get("value").get(1).asDouble())
                .isEqualTo(5.0);
        assertThat(series(byPartner, "Kingdom of Norway")).isNotNull();

        ObjectNode totalsOnly = IndicatorChart.option(indicator(IndicatorUnit.NUMBER, null, Disaggregation.NONE),
                values, LocalDate.of(2026, 1, 10));
        assertThat(series(totalsOnly, "Republic of Kenya")).isNull();
    }

    @Test
    void yesNoAndScaleAxesShowTheirWholeRange() {
        ObjectNode yesNo = IndicatorChart.option(indicator(IndicatorUnit.YES_NO, BigDecimal.ZERO, BigDecimal.ONE,
                Disaggregation.NONE), List.of(), LocalDate.of(2026, 1, 10));
        assertThat(yesNo.get("yAxis").get("type").asString()).isEqualTo("category");
        assertThat(yesNo.get("yAxis").get("data").get(0).asString()).isEqualTo("No");
        assertThat(yesNo.get("yAxis").get("data").get(1).asString()).isEqualTo("Yes");
        ObjectNode scale = IndicatorChart.option(indicator(IndicatorUnit.SCALE_1_5, BigDecimal.valueOf(2),
                BigDecimal.valueOf(5), Disaggregation.NONE), List.of(), LocalDate.of(2026, 1, 10));
        assertThat(scale.get("yAxis").get("min").asInt()).isEqualTo(1);
        assertThat(scale.get("yAxis").get("max").asInt()).isEqualTo(5);
    }
}
