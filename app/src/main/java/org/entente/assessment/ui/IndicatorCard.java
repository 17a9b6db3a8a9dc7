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
import org.entente.assessment.Measurement;
import org.entente.assessment.Objective;
import org.entente.assessment.Progress;
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
        Span who = new Span("Responsible: " + indicator.responsible().name() + " · measured "
                + indicator.frequency().label().toLowerCase() + " · " + nextDue(indicator, today));
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
            Button enter = new Button("Enter measurement", click -> MeasurementDialog.enter(results, indicator,
                    measurements, today, reload).open());
            enter.setId("enter-measurement-" + key);
            enter.addClassName("enter-measurement");
            enter.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            actions.add(enter);
        }
        Button list = new Button("Measurements (" + measurements.size() + ")", click ->
                new MeasurementsDialog(results, indicator, measurements, mayMeasure, today, reload).open());
        list.setId("measurements-" + key);
        list.addThemeVariants(ButtonVariant.LUMO_SMALL);
        actions.add(list);
        if (results.lead()) {
            Button edit = new Button("Edit", click -> new IndicatorDialog(results, objectives, null, indicator,
                    reload).open());
            edit.setId("edit-indicator-" + key);
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            Button remove = new Button("Remove", click -> confirmRemoval(results, indicator, reload));
            remove.setId("remove-indicator-" + key);
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            actions.add(edit, remove);
        }
        add(head, chart, facts, actions);
    }

    private static void confirmRemoval(ResultsContext results, Indicator indicator, Runnable reload) {
        ConfirmDialog confirm = new ConfirmDialog("Remove this indicator?",
                "\"" + indicator.definition() + "\" will no longer be measured. An indicator with measurements "
                        + "cannot be removed.", "Remove", e -> {
                    try {
                        results.results().removeIndicator(indicator);
                        Feedback.success("Indicator removed.");
                    } catch (RuntimeException failure) {
                        Feedback.show(failure, Map.of(), reload);
                    }
                }, "Keep it", e -> { });
        confirm.setConfirmButtonTheme("error primary");
        confirm.setId("confirm-remove-indicator");
        confirm.open();
    }

    /** "62 % of the way · latest 45 % for 2026 Q2", or what is missing for a status. */
    static String whereItStands(Indicator indicator) {
        Progress progress = indicator.progress();
        if (progress == null || progress.latestValue() == null) {
            return indicator.baselineValue() == null ? "No baseline and no measurement yet."
                    : "Not measured yet.";
        }
        String latest = "Latest " + Values.format(indicator.unit(), progress.latestValue())
                + (progress.latestPeriodEnd() == null ? "" : " (period ending " + progress.latestPeriodEnd() + ")");
        if (progress.progressRatio() == null) {
            return latest + " · no baseline, so progress cannot be judged.";
        }
        String path = progress.expectedRatio() == null ? ""
                : " (the straight path stood at " + Values.percent(progress.expectedRatio()) + ")";
        return Values.ofTheWay(progress.progressRatio()) + path + " · " + latest;
    }

    static String baselineAndTarget(Indicator indicator) {
        String target = "target " + Values.format(indicator.unit(), indicator.targetValue()) + " by "
                + indicator.targetDate();
        String from = indicator.baselineValue() == null ? "No baseline → "
                : "Baseline " + Values.format(indicator.unit(), indicator.baselineValue()) + " on "
                        + indicator.baselineDate() + " → ";
        return indicator.unit() == org.entente.assessment.IndicatorUnit.YES_NO ? from + target
                : from + target + " · " + Values.direction(indicator.direction());
    }

    /** The period due now (overdue), or the next one and when it ends. */
    static String nextDue(Indicator indicator, LocalDate today) {
        Progress progress = indicator.progress();
        if (progress != null && progress.overdue() && progress.duePeriodStart() != null) {
            return "due now: " + Periods.label(progress.duePeriodStart(), progress.duePeriodEnd()) + " (ended "
                    + progress.duePeriodEnd() + ")";
        }
        Periods.Period next = Periods.containing(indicator.frequency(), today);
        if (next.start().isAfter(indicator.targetDate())) {
            return "no further measurement due (target date passed)";
        }
        return "next due: " + Periods.label(next) + " (after " + next.end() + ")";
    }

    private static String describe(Indicator indicator) {
        return "Chart of " + indicator.definition() + ": " + baselineAndTarget(indicator) + ". "
                + whereItStands(indicator);
    }
}
