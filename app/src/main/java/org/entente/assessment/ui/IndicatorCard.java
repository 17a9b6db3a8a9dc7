package org.entente.assessment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.entente.assessment.Indicator;
import org.entente.assessment.IndicatorUnit;
import org.entente.assessment.Measurement;
import org.entente.assessment.Objective;
import org.entente.assessment.Progress;
import org.entente.platform.i18n.Text;
import org.entente.platform.ui.EChart;
import org.entente.platform.ui.Feedback;

/**
 * One indicator: what it measures, its status chips, its line chart (baseline, path, target, measurements), where it
 * stands in words, who measures it and when the next value is due, and what the viewer may do with it.
 */
final class IndicatorCard extends Div {

    IndicatorCard(ResultsContext results, Indicator indicator, List<Measurement> measurements, boolean mayMeasure,
            List<Objective> objectives, LocalDate today, Runnable reload) {
        String key = indicator.id().toString();
        setId("indicator-" + key);
        addClassName("indicator-card");
        getStyle().set("box-sizing", "border-box").set("flex", "1 1 26rem").set("min-width", "0")
                .set("max-width", "48rem").set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("background", "var(--lumo-base-color)");
        Progress progress = indicator.progress();

        Span definition = new Span(indicator.definition());
        definition.addClassName("indicator-definition");
        definition.getStyle().set("font-weight", "600").set("flex", "1 1 auto").set("min-width", "0")
                .set("overflow-wrap", "anywhere");
        HorizontalLayout chips = new HorizontalLayout(StatusChips.status(progress));
        chips.setSpacing(false);
        chips.getStyle().set("gap", "var(--lumo-space-xs)").set("flex-wrap", "wrap").set("justify-content", "flex-end");
        chips.setId("indicator-status-" + key);
        if (progress != null && progress.overdue()) {
            chips.add(StatusChips.overdue());
        }
        HorizontalLayout head = new HorizontalLayout(definition, chips);
        head.setWidthFull();
        head.setAlignItems(FlexComponent.Alignment.START);

        long totals = measurements.stream().filter(m -> m.partner() == null).count();
        EChart chart = new EChart("indicator-chart-" + key, describe(indicator));
        chart.setWidthFull();
        // A disaggregated chart's legend takes a second row (the partners).
        chart.setHeight(indicator.disaggregation() == org.entente.assessment.Disaggregation.BY_PARTNER ? "15rem"
                : "12.5rem");
        chart.getElement().setAttribute("data-measurements", String.valueOf(totals));
        chart.draw(IndicatorChart.option(indicator, measurements, today), IndicatorChart.format(indicator.unit()));

        Div facts = new Div();
        facts.setId("indicator-facts-" + key);
        facts.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)")
                .set("display", "flex").set("flex-direction", "column").set("gap", "2px");
        Span where = new Span(whereItStands(indicator));
        where.setId("indicator-progress-" + key);
        where.getStyle().set("color", "var(--lumo-body-text-color)");
        facts.add(where);
        facts.add(new Span(baselineAndTarget(indicator)));
        Span who = new Span(Values.t("results.card.responsible", indicator.responsible().name(),
                Values.label(indicator.frequency()).toLowerCase(Values.locale()), nextDue(indicator, today)));
        who.setId("indicator-due-" + key);
        facts.add(who);
        Span marking = new Span(results.partners().marking(indicator.releasability(), indicator.relTo(),
                indicator.workstream().tenantId()));
        marking.getElement().getThemeList().add("badge contrast small");
        marking.getStyle().set("align-self", "flex-start").set("margin-top", "2px");
        facts.add(marking);

        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        actions.getStyle().set("gap", "var(--lumo-space-s)").set("flex-wrap", "wrap");
        if (mayMeasure) {
            Button enter = new Button(Values.t("results.measurement.enter"), click -> MeasurementDialog.enter(results,
                    indicator, measurements, today, reload).open());
            enter.setId("enter-measurement-" + key);
            enter.addClassName("enter-measurement");
            enter.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            actions.add(enter);
        }
        Button list = new Button(Values.t("results.card.measurements", measurements.size()), click ->
                new MeasurementsDialog(results, indicator, measurements, mayMeasure, today, reload).open());
        list.setId("measurements-" + key);
        list.addThemeVariants(ButtonVariant.LUMO_SMALL);
        actions.add(list);
        if (results.lead()) {
            Button edit = new Button(Values.t("action.edit"), click -> new IndicatorDialog(results, objectives, null,
                    indicator, reload).open());
            edit.setId("edit-indicator-" + key);
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            Button remove = new Button(Values.t("action.remove"), click -> confirmRemoval(results, indicator, reload));
            remove.setId("remove-indicator-" + key);
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            actions.add(edit, remove);
        }
        add(head, chart, facts, actions);
    }

    private static void confirmRemoval(ResultsContext results, Indicator indicator, Runnable reload) {
        ConfirmDialog confirm = new ConfirmDialog(Values.t("results.indicator.removeHeader"),
                Values.t("results.indicator.removeText", indicator.definition()), Values.t("action.remove"), e -> {
                    try {
                        results.results().removeIndicator(indicator);
                        Feedback.success(Text.of("results.indicator.removed"));
                    } catch (RuntimeException failure) {
                        Feedback.show(failure, Map.of(), reload);
                    }
                }, Values.t("results.confirm.keep"), e -> { });
        confirm.setConfirmButtonTheme("error primary");
        confirm.setId("confirm-remove-indicator");
        confirm.open();
    }

    /** "62 % of the way · latest 45 % for 2026 Q2", or what is missing for a status. */
    static String whereItStands(Indicator indicator) {
        Progress progress = indicator.progress();
        if (progress == null || progress.latestValue() == null) {
            return Values.t(indicator.baselineValue() == null ? "results.card.noBaselineNoValue"
                    : "results.card.notMeasured");
        }
        String value = Values.format(indicator.unit(), progress.latestValue());
        String latest = progress.latestPeriodEnd() == null ? Values.t("results.card.latest", value)
                : Values.t("results.card.latestEnding", value, progress.latestPeriodEnd().toString());
        if (progress.progressRatio() == null) {
            return Values.t("results.card.cannotJudge", latest);
        }
        String ofTheWay = Values.percent(progress.progressRatio());
        return progress.expectedRatio() == null ? Values.t("results.card.ofTheWay", ofTheWay, latest)
                : Values.t("results.card.ofTheWayAndPath", ofTheWay, Values.percent(progress.expectedRatio()), latest);
    }

    static String baselineAndTarget(Indicator indicator) {
        String target = Values.format(indicator.unit(), indicator.targetValue());
        String text = indicator.baselineValue() == null
                ? Values.t("results.card.noBaselineToTarget", target, indicator.targetDate().toString())
                : Values.t("results.card.baselineToTarget", Values.format(indicator.unit(), indicator.baselineValue()),
                        indicator.baselineDate().toString(), target, indicator.targetDate().toString());
        return indicator.unit() == org.entente.assessment.IndicatorUnit.YES_NO ? text
                : Values.t("results.card.withDirection", text, Values.direction(indicator.direction()));
    }

    /** The period due now (overdue), or the next one and when it ends. */
    static String nextDue(Indicator indicator, LocalDate today) {
        Progress progress = indicator.progress();
        if (progress != null && progress.overdue() && progress.duePeriodStart() != null) {
            return Values.t("results.card.dueNow", Periods.label(progress.duePeriodStart(), progress.duePeriodEnd()),
                    progress.duePeriodEnd().toString());
        }
        Periods.Period next = Periods.containing(indicator.frequency(), today);
        if (next.start().isAfter(indicator.targetDate())) {
            return Values.t("results.card.noFurther");
        }
        return Values.t("results.card.nextDue", Periods.label(next), next.end().toString());
    }

    private static String describe(Indicator indicator) {
        return Values.t("results.card.chartDescription", indicator.definition(), baselineAndTarget(indicator),
                whereItStands(indicator));
    }
}
