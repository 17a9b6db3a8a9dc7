package org.entente.assessment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.entente.assessment.Indicator;
import org.entente.assessment.Measurement;
import org.entente.platform.ui.FocusReturn;

/** Every value of an indicator the viewer may see, newest period first; corrections open from here. */
final class MeasurementsDialog extends Dialog {

    MeasurementsDialog(ResultsContext results, Indicator indicator, List<Measurement> measurements,
            boolean mayMeasure, LocalDate today, Runnable reload) {
        FocusReturn.to(this);
        setId("measurements-dialog");
        setHeaderTitle(getTranslation("results.measurements.title"));
        setWidth("min(64rem, 95vw)");
        add(new Paragraph(indicator.definition()));
        Grid<Measurement> grid = new Grid<>(Measurement.class, false);
        grid.setId("measurements");
        grid.addColumn(m -> Periods.label(m.periodStart(), m.periodEnd())).setHeader(getTranslation("results.measurement.period")).setAutoWidth(true);
        grid.addColumn(m -> m.partner() == null ? Values.t("results.measurements.total") : m.partner().name())
                .setHeader(getTranslation("results.measurement.for")).setAutoWidth(true);
        grid.addColumn(m -> Values.format(indicator.unit(), m.value())).setHeader(getTranslation("results.measurement.value")).setAutoWidth(true);
        grid.addColumn(m -> Objects.requireNonNullElse(m.source(), "")).setHeader(getTranslation("results.measurement.source")).setWidth("8rem")
                .setFlexGrow(1).setTooltipGenerator(m -> Objects.requireNonNullElse(m.source(), ""));
        grid.addColumn(m -> Objects.requireNonNullElse(m.note(), "")).setHeader(getTranslation("results.measurement.note")).setWidth("10rem")
                .setFlexGrow(2).setTooltipGenerator(m -> Objects.requireNonNullElse(m.note(), ""));
        // Who entered it, their organization and when: names and a yyyy-MM-dd HH:mm moment, no words to translate.
        grid.addColumn(m -> m.enteredBy() + (m.enteredByOrganization() == null ? ""
                : ", " + m.enteredByOrganization().name()) + (m.enteredAt() == null ? ""
                : " · " + MeasurementDialog.when(m.enteredAt())))
                .setHeader(getTranslation("results.measurements.entered")).setWidth("12rem").setFlexGrow(1);
        grid.addComponentColumn(m -> {
            if (!mayMeasure) {
                return new Span();
            }
            Button correct = new Button(Values.t("results.measurements.correct"), click -> {
                close();
                MeasurementDialog.correct(results, indicator, m, reload).open();
            });
            correct.addClassName("correct-measurement");
            correct.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            return correct;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation(mayMeasure ? "results.measurements.emptyMeasurer"
                : "results.measurements.empty"));
        grid.setItems(measurements.stream().sorted(Comparator.comparing(Measurement::periodEnd).reversed()
                .thenComparing(m -> m.partner() == null ? "" : m.partner().name())).toList());
        add(grid);
        Button close = new Button(getTranslation("action.close"), click -> close());
        close.setId("close-measurements");
        getFooter().add(close);
        if (mayMeasure) {
            Button enter = new Button(getTranslation("results.measurement.enter"), click -> {
                close();
                MeasurementDialog.enter(results, indicator, measurements, today, reload).open();
            });
            enter.setId("measurements-enter");
            enter.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            getFooter().add(enter);
        }
    }
}
