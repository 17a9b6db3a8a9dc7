package org.entente.assessment.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.entente.assessment.Correction;
import org.entente.assessment.Disaggregation;
import org.entente.assessment.Indicator;
import org.entente.assessment.Measurement;
import org.entente.assessment.MeasurementDraft;
import org.entente.platform.i18n.Text;
import org.entente.platform.ui.Feedback;
import org.entente.workstream.Partner;
import org.entente.platform.ui.FocusReturn;

/**
 * "Enter measurement" (a value for a period, preset to the period that is due) and "Correct measurement" (a new
 * value for a period that has one; the replaced values stay, and are listed here).
 */
final class MeasurementDialog extends Dialog {

    static final int NOTE_MAX = 2000;
    static final int SOURCE_MAX = 500;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ValueInput value;
    private final TextField source = new TextField(getTranslation("results.measurement.source"));
    private final TextArea note = new TextArea(getTranslation("results.measurement.note"));

    /** A new value for a period of {@code indicator}. */
    static MeasurementDialog enter(ResultsContext results, Indicator indicator, List<Measurement> existing,
            LocalDate today, Runnable reload) {
        return new MeasurementDialog(results, indicator, existing, null, today, reload);
    }

    /** A corrected value for {@code current}. */
    static MeasurementDialog correct(ResultsContext results, Indicator indicator, Measurement current,
            Runnable reload) {
        return new MeasurementDialog(results, indicator, List.of(), current, null, reload);
    }

    private MeasurementDialog(ResultsContext results, Indicator indicator, List<Measurement> existing,
            Measurement current, LocalDate today, Runnable reload) {
        FocusReturn.to(this);
        setId("measurement-dialog");
        setHeaderTitle(getTranslation(current == null ? "results.measurement.enter" : "results.measurement.correct"));
        setWidth(current == null ? "40rem" : "min(46rem, 96vw)");
        value = ValueInput.of(indicator.unit(), "measurement-value");
        source.setMaxLength(SOURCE_MAX);
        source.setPlaceholder(getTranslation("results.measurement.sourcePlaceholder"));
        source.setId("measurement-source");
        note.setMaxLength(NOTE_MAX);
        note.setValueChangeMode(ValueChangeMode.EAGER);
        note.setHelperText(getTranslation("results.counter", 0, NOTE_MAX));
        note.addValueChangeListener(e -> note.setHelperText(
                getTranslation("results.counter", e.getValue().length(), NOTE_MAX)));
        note.setId("measurement-note");

        Paragraph what = new Paragraph(getTranslation("results.measurement.what", indicator.definition(),
                Values.range(indicator.unit())));
        what.setId("measurement-indicator");
        FormLayout form = new FormLayout();
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        Select<Periods.Period> period = new Select<>();
        Select<Partner> partner = new Select<>();
        if (current == null) {
            period.setLabel(getTranslation("results.measurement.period"));
            period.setId("measurement-period");
            List<Periods.Period> choices = choices(results, indicator, today);
            Set<Periods.Period> measured = existing.stream().filter(m -> m.partner() == null)
                    .map(m -> new Periods.Period(m.periodStart(), m.periodEnd())).collect(Collectors.toSet());
            period.setItems(choices);
            period.setItemLabelGenerator(p -> getTranslation("results.measurement.periodChoice", Periods.label(p),
                    p.contains(today) ? 1 : 0, measured.contains(p) ? 1 : 0));
            period.setValue(preset(indicator, choices, measured, today));
            period.setHelperText(getTranslation("results.measurement.periodHelper",
                    Values.label(indicator.frequency()).toLowerCase(Values.locale())));
            form.add(period);
            fields.put("periodStart", period);
            fields.put("periodEnd", period);
            if (indicator.disaggregation() == Disaggregation.BY_PARTNER) {
                partner.setLabel(getTranslation("results.measurement.for"));
                partner.setItems(results.accepted());
                partner.setItemLabelGenerator(p -> p == null ? getTranslation("results.measurement.allPartners")
                        : p.name());
                partner.setEmptySelectionAllowed(true);
                partner.setEmptySelectionCaption(getTranslation("results.measurement.allPartners"));
                partner.setHelperText(getTranslation("results.measurement.partnerHelper"));
                partner.setId("measurement-partner");
                form.add(partner);
                fields.put("partner", partner);
            }
        } else {
            TextField fixed = new TextField(getTranslation("results.measurement.period"));
            fixed.setValue(Periods.label(current.periodStart(), current.periodEnd())
                    + (current.partner() == null ? "" : " · " + current.partner().name()));
            fixed.setReadOnly(true);
            fixed.setId("measurement-period");
            form.add(fixed);
            value.value(current.value());
            source.setValue(Objects.requireNonNullElse(current.source(), ""));
            note.setValue(Objects.requireNonNullElse(current.note(), ""));
        }
        form.add(value.component(), source, note);
        form.setColspan(note, 2);
        fields.put("value", value.validation());
        fields.put("source", source);
        fields.put("note", note);
        add(what, form);
        if (current != null) {
            add(history(results, indicator, current));
        }

        Button save = new Button(getTranslation(current == null ? "results.measurement.enter"
                : "results.measurement.saveCorrection"), click -> {
            Feedback.clear(fields);
            if (!value.check()) {
                return;
            }
            try {
                if (current == null) {
                    Periods.Period chosen = period.getValue();
                    results.results().enterMeasurement(indicator, new MeasurementDraft(
                            chosen == null ? null : chosen.start(), chosen == null ? null : chosen.end(),
                            partner.getValue() == null ? null : partner.getValue().id(), value.value(),
                            blankToNull(source.getValue()), blankToNull(note.getValue())));
                    Feedback.success(Text.of("results.measurement.entered"));
                } else {
                    results.results().correctMeasurement(current, value.value(), blankToNull(source.getValue()),
                            blankToNull(note.getValue()));
                    Feedback.success(Text.of("results.measurement.corrected"));
                }
                close();
            } catch (RuntimeException e) {
                Feedback.show(e, fields, () -> {
                    close();
                    reload.run();
                });
            }
        });
        save.setId("save-measurement");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        cancel.setId("cancel-measurement");
        getFooter().add(cancel, save);
    }

    /** Periods from the baseline (or the workstream's start) to the target date, never one starting after today. */
    private static List<Periods.Period> choices(ResultsContext results, Indicator indicator, LocalDate today) {
        LocalDate from = indicator.baselineDate() != null ? indicator.baselineDate()
                : results.workstream().startDate() != null ? results.workstream().startDate() : today.minusYears(2);
        List<Periods.Period> choices = new ArrayList<>(
                Periods.choices(indicator.frequency(), from, indicator.targetDate(), today, 60));
        if (indicator.progress() != null && indicator.progress().duePeriodStart() != null) {
            Periods.Period due = new Periods.Period(indicator.progress().duePeriodStart(),
                    indicator.progress().duePeriodEnd());
            if (!choices.contains(due)) {
                choices.add(due);
                choices.sort(Comparator.comparing(Periods.Period::start).reversed());
            }
        }
        return choices;
    }

    /** The due period; else the latest ended one without a value; else the newest offered. */
    private static Periods.Period preset(Indicator indicator, List<Periods.Period> choices,
            Set<Periods.Period> measured, LocalDate today) {
        if (indicator.progress() != null && indicator.progress().overdue()
                && indicator.progress().duePeriodStart() != null) {
            return new Periods.Period(indicator.progress().duePeriodStart(), indicator.progress().duePeriodEnd());
        }
        return choices.stream().filter(p -> p.end().isBefore(today) && !measured.contains(p)).findFirst()
                .orElse(choices.getFirst());
    }

    /** What the value is now, and every value a correction replaced, newest first. */
    private static Div history(ResultsContext results, Indicator indicator, Measurement current) {
        List<Correction> corrections = results.results().corrections(current);
        Paragraph now = new Paragraph(Values.t("results.history.now", Values.format(indicator.unit(), current.value()),
                who(current.enteredBy(), current.enteredByOrganization()), when(current.enteredAt())));
        now.getStyle().set("margin", "0 0 var(--lumo-space-xs)");
        Div list = new Div();
        list.setId("measurement-corrections");
        list.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-xs)")
                .set("font-size", "var(--lumo-font-size-s)");
        if (corrections.isEmpty()) {
            Span none = new Span(Values.t("results.history.none"));
            none.getStyle().set("color", "var(--lumo-secondary-text-color)");
            list.add(none);
        }
        for (Correction c : corrections) {
            Div entry = new Div();
            entry.addClassName("measurement-correction");
            entry.getStyle().set("padding", "var(--lumo-space-xs) var(--lumo-space-s)")
                    .set("border-left", "3px solid var(--lumo-contrast-20pct)");
            Span value = new Span(Values.format(indicator.unit(), c.value()));
            value.getStyle().set("font-weight", "600");
            Span when = new Span(Values.t("results.history.entry", c.enteredBy(), when(c.enteredAt()),
                    when(c.replacedAt())));
            entry.add(value, when);
            if (c.source() != null) {
                entry.add(line(Values.t("results.history.source", c.source())));
            }
            if (c.note() != null) {
                entry.add(line(Values.t("results.history.note", c.note())));
            }
            list.add(entry);
        }
        Div history = new Div(new H4(Values.t("results.history.title")), now, list);
        history.setId("measurement-history");
        history.getStyle().set("margin-top", "var(--lumo-space-m)");
        return history;
    }

    private static Div line(String text) {
        Div line = new Div(text);
        line.getStyle().set("color", "var(--lumo-secondary-text-color)").set("white-space", "pre-wrap")
                .set("overflow-wrap", "anywhere");
        return line;
    }

    /** A moment as the page writes it (yyyy-MM-dd HH:mm), or "" when unknown. */
    static String when(java.time.OffsetDateTime moment) {
        return moment == null ? "" : WHEN.format(moment);
    }

    private static String who(String name, Partner organization) {
        return name + (organization == null ? "" : " (" + organization.name() + ")");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
