package org.entente.assessment.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.assessment.Direction;
import org.entente.assessment.Disaggregation;
import org.entente.assessment.Frequency;
import org.entente.assessment.Indicator;
import org.entente.assessment.IndicatorDraft;
import org.entente.assessment.IndicatorUnit;
import org.entente.assessment.Objective;
import org.entente.platform.i18n.Text;
import org.entente.platform.ui.Feedback;
import org.entente.workstream.Partner;
import org.entente.workstream.Releasability;
import org.entente.workstream.ui.ReleasabilityChooser;
import org.entente.platform.ui.FocusReturn;

/**
 * "Define indicator" (and "Edit indicator") for the lead: what is measured, in which unit and direction, from which
 * baseline to which target by when, how often, by whom, and who may see it. The service has the last word; the form
 * checks beforehand only what a person can fix without asking it (a number where a number belongs, a value the unit
 * admits).
 */
final class IndicatorDialog extends Dialog {

    static final int DEFINITION_MAX = 500;

    private final ComboBox<Objective> objective = new ComboBox<>(getTranslation("results.indicator.objective"));
    private final TextArea definition = new TextArea(getTranslation("results.indicator.definition"));
    private final Select<IndicatorUnit> unit = new Select<>();
    private final RadioButtonGroup<Direction> direction =
            new RadioButtonGroup<>(getTranslation("results.indicator.direction"));
    private final Select<Disaggregation> disaggregation = new Select<>();
    private final BigDecimalField baselineValue =
            Values.decimalField(getTranslation("results.indicator.baselineValue"));
    private final DatePicker baselineDate = new DatePicker(getTranslation("results.indicator.baselineDate"));
    private final BigDecimalField targetValue = Values.decimalField(getTranslation("results.indicator.targetValue"));
    private final DatePicker targetDate = new DatePicker(getTranslation("results.indicator.targetDate"));
    private final Select<Frequency> frequency = new Select<>();
    private final ComboBox<Partner> responsible = new ComboBox<>(getTranslation("results.indicator.responsible"));
    private final ReleasabilityChooser audience;

    IndicatorDialog(ResultsContext results, List<Objective> objectives, Objective preset, Indicator current,
            Runnable reload) {
        FocusReturn.to(this);
        setId("indicator-dialog");
        setHeaderTitle(getTranslation(current == null ? "results.indicator.define" : "results.indicator.edit"));
        setWidth("min(48rem, 96vw)");
        audience = new ReleasabilityChooser("indicator", results.workstream(), results.workstreams(),
                results.viewerTenantId());

        objective.setItems(objectives);
        objective.setItemLabelGenerator(o -> getTranslation("results.objective.numbered",
                ResultsContext.numberOf(objectives, o), o.text()));
        objective.setId("indicator-objective");
        objective.setValue(preset);
        definition.setMaxLength(DEFINITION_MAX);
        definition.setValueChangeMode(ValueChangeMode.EAGER);
        definition.setPlaceholder(getTranslation("results.indicator.definitionPlaceholder"));
        definition.setId("indicator-definition");
        definition.addValueChangeListener(e -> definition.setHelperText(
                getTranslation("results.counter", e.getValue().length(), DEFINITION_MAX)));
        unit.setLabel(getTranslation("results.indicator.unit"));
        unit.setItems(IndicatorUnit.values());
        unit.setItemLabelGenerator(Values::label);
        unit.setValue(IndicatorUnit.NUMBER);
        unit.setId("indicator-unit");
        direction.setItems(Direction.values());
        direction.setItemLabelGenerator(Values::label);
        direction.setValue(Direction.HIGHER);
        direction.setId("indicator-direction");
        disaggregation.setLabel(getTranslation("results.indicator.disaggregation"));
        disaggregation.setItems(Disaggregation.values());
        disaggregation.setItemLabelGenerator(Values::label);
        disaggregation.setValue(Disaggregation.NONE);
        disaggregation.setHelperText(getTranslation("results.indicator.disaggregationHelper"));
        disaggregation.setId("indicator-disaggregation");
        baselineValue.setId("indicator-baseline-value");
        baselineDate.setId("indicator-baseline-date");
        Values.iso(baselineDate);
        Values.iso(targetDate);
        baselineDate.setHelperText(getTranslation("results.indicator.baselineHelper"));
        targetValue.setId("indicator-target-value");
        targetDate.setId("indicator-target-date");
        frequency.setLabel(getTranslation("results.indicator.frequency"));
        frequency.setItems(Frequency.values());
        frequency.setItemLabelGenerator(Values::label);
        frequency.setValue(Frequency.QUARTERLY);
        frequency.setId("indicator-frequency");
        List<Partner> measurers = results.measurers();
        responsible.setItems(measurers);
        responsible.setItemLabelGenerator(Partner::name);
        responsible.setHelperText(getTranslation("results.indicator.responsibleHelper"));
        responsible.setId("indicator-responsible");
        measurers.stream().filter(p -> p.id().equals(results.viewerTenantId())).findFirst()
                .ifPresent(responsible::setValue);
        audience.releasability.setValue(results.defaultReleasability());
        if (results.defaultReleasability() == Releasability.REL_TO) {
            audience.relTo.setValue(ResultsContext.partnersAmong(audience.relTo, results.workstream().relTo()));
        }
        audience.releasability.setHelperText(getTranslation("results.indicator.releasabilityHelper"));
        unit.addValueChangeListener(e -> showRange());
        showRange();

        if (current != null) {
            objectives.stream().filter(o -> o.id().equals(current.objectiveId())).findFirst()
                    .ifPresent(objective::setValue);
            definition.setValue(current.definition());
            unit.setValue(current.unit());
            direction.setValue(current.direction());
            disaggregation.setValue(current.disaggregation());
            baselineValue.setValue(strip(current.baselineValue()));
            baselineDate.setValue(current.baselineDate());
            targetValue.setValue(strip(current.targetValue()));
            targetDate.setValue(current.targetDate());
            frequency.setValue(current.frequency());
            measurers.stream().filter(p -> p.id().equals(current.responsible().id())).findFirst()
                    .ifPresent(responsible::setValue);
            audience.releasability.setValue(current.releasability());
            audience.relTo.setValue(ResultsContext.partnersAmong(audience.relTo, current.relTo()));
        }

        FormLayout form = new FormLayout(objective, definition, unit, direction, baselineValue, baselineDate,
                targetValue, targetDate, frequency, disaggregation, responsible, audience.releasability,
                audience.relTo);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        form.setColspan(objective, 2);
        form.setColspan(definition, 2);
        Paragraph intro = new Paragraph(getTranslation("results.indicator.intro"));
        intro.getStyle().set("margin-top", "0").set("color", "var(--lumo-secondary-text-color)");
        add(intro, form);

        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("objective", objective);
        fields.put("definition", definition);
        fields.put("unit", unit);
        fields.put("direction", direction);
        fields.put("baselineValue", baselineValue);
        fields.put("baselineDate", baselineDate);
        fields.put("targetValue", targetValue);
        fields.put("targetDate", targetDate);
        fields.put("frequency", frequency);
        fields.put("disaggregation", disaggregation);
        fields.put("responsible", responsible);
        fields.put("releasability", audience.releasability);
        fields.put("relTo", audience.relTo);

        String saveKey = current == null ? "results.indicator.define" : "action.save";
        Button save = new Button(getTranslation(saveKey), click -> {
            if (!checkNumbers()) {
                return;
            }
            Feedback.clear(fields);
            IndicatorDraft draft = new IndicatorDraft(objective.getValue() == null ? null : objective.getValue().id(),
                    definition.getValue(), unit.getValue(), direction.getValue(), disaggregation.getValue(),
                    baselineValue.getValue(), baselineDate.getValue(), targetValue.getValue(), targetDate.getValue(),
                    frequency.getValue(), responsible.getValue() == null ? null : responsible.getValue().id(),
                    audience.value(), audience.value() == Releasability.REL_TO ? audience.relToIds() : List.of());
            try {
                if (current == null) {
                    results.results().defineIndicator(results.workstream().ref(), draft);
                } else {
                    results.results().updateIndicator(current, draft);
                }
                close();
                Feedback.success(Text.of(current == null ? "results.indicator.defined" : "results.indicator.saved"));
            } catch (RuntimeException e) {
                Feedback.show(e, fields, () -> {
                    close();
                    reload.run();
                });
            }
        });
        save.setId("save-indicator");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        cancel.setId("cancel-indicator");
        getFooter().add(cancel, save);
    }

    private void showRange() {
        IndicatorUnit chosen = unit.getValue() == null ? IndicatorUnit.NUMBER : unit.getValue();
        baselineValue.setHelperText(Values.range(chosen));
        targetValue.setHelperText(Values.range(chosen));
    }

    /** Not-a-number input and values the unit does not admit, said next to the field before asking the service. */
    private boolean checkNumbers() {
        boolean ok = true;
        IndicatorUnit chosen = unit.getValue() == null ? IndicatorUnit.NUMBER : unit.getValue();
        for (BigDecimalField field : List.of(baselineValue, targetValue)) {
            BigDecimal value = field.getValue();
            if (value == null && !field.isEmpty()) {
                field.setErrorMessage(getTranslation("results.error.notANumber"));
                field.setInvalid(true);
                ok = false;
            } else if (value != null && !chosen.admits(value)) {
                field.setErrorMessage(Values.outOfRange(chosen));
                field.setInvalid(true);
                ok = false;
            } else {
                field.setInvalid(false);
            }
        }
        return ok;
    }

    private static BigDecimal strip(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().scale() < 0
                ? value.setScale(0) : value.stripTrailingZeros();
    }
}
