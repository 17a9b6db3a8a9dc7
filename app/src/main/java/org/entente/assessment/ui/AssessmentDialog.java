package org.entente.assessment.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.IntStream;
import org.entente.assessment.Assessment;
import org.entente.assessment.AssessmentDraft;
import org.entente.assessment.AssessmentKind;
import org.entente.assessment.AssessmentMode;
import org.entente.assessment.Objective;
import org.entente.assessment.Recommendation;
import org.entente.assessment.RecommendationDraft;
import org.entente.platform.i18n.Text;
import org.entente.platform.ui.Feedback;
import org.entente.workstream.Partner;
import org.entente.workstream.Releasability;
import org.entente.workstream.WorkstreamStatus;
import org.entente.workstream.ui.ReleasabilityChooser;
import org.entente.platform.ui.FocusReturn;

/**
 * "Add assessment" / "Edit assessment" for the lead: initial, periodic or (once the workstream is completed) final;
 * by the lead itself or by a named organization; findings, a rating per objective, recommendations with an owner and
 * a due date.
 */
final class AssessmentDialog extends Dialog {

    static final int FINDINGS_MAX = 10_000;

    private final List<RecommendationRow> rows = new ArrayList<>();
    private final Div recommendations = new Div();
    private final ResultsContext results;
    /** Numbers the rows' element ids; never reused after a row is removed. */
    private int rowNumber;

    AssessmentDialog(ResultsContext results, List<Objective> objectives, Assessment current, boolean finalExists,
            LocalDate today, Runnable reload) {
        FocusReturn.to(this);
        this.results = results;
        setId("assessment-dialog");
        setHeaderTitle(getTranslation(current == null ? "assessment.add" : "assessment.edit"));
        setWidth("min(52rem, 95vw)");

        Select<AssessmentKind> kind = new Select<>();
        kind.setLabel(getTranslation("assessment.kind"));
        boolean completed = results.workstream().status() == WorkstreamStatus.COMPLETED;
        EnumSet<AssessmentKind> kinds = EnumSet.of(AssessmentKind.INITIAL, AssessmentKind.PERIODIC);
        if (completed && (!finalExists || current != null && current.kind() == AssessmentKind.FINAL)) {
            kinds.add(AssessmentKind.FINAL);
        }
        kind.setItems(kinds);
        kind.setItemLabelGenerator(Values::label);
        kind.setValue(current != null ? current.kind() : completed && kinds.contains(AssessmentKind.FINAL)
                ? AssessmentKind.FINAL : AssessmentKind.PERIODIC);
        kind.setHelperText(completed ? (finalExists && current == null
                ? getTranslation("assessment.kind.finalExists") : "")
                : getTranslation("assessment.error.finalNotCompleted"));
        kind.setId("assessment-kind");

        RadioButtonGroup<AssessmentMode> mode = new RadioButtonGroup<>(getTranslation("assessment.mode"));
        mode.setItems(AssessmentMode.values());
        mode.setItemLabelGenerator(Values::label);
        mode.setValue(current == null ? AssessmentMode.SELF : current.mode());
        mode.setId("assessment-mode");
        String leadName = results.workstream().lead().name();
        TextField assessor = new TextField(getTranslation("assessment.assessor"));
        assessor.setMaxLength(200);
        assessor.setValue(current == null ? leadName : current.assessorName());
        assessor.setHelperText(getTranslation("assessment.assessorHelper"));
        assessor.setId("assessment-assessor");
        ComboBox<Partner> assessorOrganization = new ComboBox<>(getTranslation("assessment.assessorOrganization"));
        assessorOrganization.setItems(results.partners().all());
        assessorOrganization.setItemLabelGenerator(Partner::name);
        assessorOrganization.setClearButtonVisible(true);
        assessorOrganization.setId("assessment-assessor-organization");
        if (current != null && current.assessorTenantId() != null) {
            results.partners().all().stream().filter(p -> p.id().equals(current.assessorTenantId())).findFirst()
                    .ifPresent(assessorOrganization::setValue);
        }
        assessorOrganization.setVisible(mode.getValue() == AssessmentMode.EXTERNAL);
        mode.addValueChangeListener(e -> {
            boolean external = e.getValue() == AssessmentMode.EXTERNAL;
            assessorOrganization.setVisible(external);
            if (!external) {
                assessorOrganization.clear();
                assessor.setValue(leadName);
            } else if (assessor.getValue().equals(leadName)) {
                assessor.clear();
            }
        });
        assessorOrganization.addValueChangeListener(e -> {
            if (e.getValue() != null && e.isFromClient()) {
                assessor.setValue(e.getValue().name());
            }
        });
        DatePicker assessedOn = new DatePicker(getTranslation("assessment.assessedOn"),
                current == null ? today : current.assessedOn());
        assessedOn.setMax(today);
        assessedOn.setId("assessment-date");
        Values.iso(assessedOn);
        TextArea findings = new TextArea(getTranslation("assessment.findings"));
        findings.setMaxLength(FINDINGS_MAX);
        findings.setValueChangeMode(ValueChangeMode.EAGER);
        findings.setMinHeight("7rem");
        findings.setValue(current == null || current.findings() == null ? "" : current.findings());
        findings.setHelperText(getTranslation("results.counter", findings.getValue().length(), FINDINGS_MAX));
        findings.addValueChangeListener(e -> findings.setHelperText(
                getTranslation("results.counter", e.getValue().length(), FINDINGS_MAX)));
        findings.setId("assessment-findings");
        ReleasabilityChooser audience = new ReleasabilityChooser("assessment", results.workstream(),
                results.workstreams(), results.viewerTenantId());
        if (current == null) {
            audience.releasability.setValue(results.defaultReleasability());
            if (results.defaultReleasability() == Releasability.REL_TO) {
                audience.relTo.setValue(ResultsContext.partnersAmong(audience.relTo, results.workstream().relTo()));
            }
        } else {
            audience.releasability.setValue(current.releasability());
            audience.relTo.setValue(ResultsContext.partnersAmong(audience.relTo, current.relTo()));
        }

        FormLayout form = new FormLayout(kind, assessedOn, mode, assessor, assessorOrganization, findings,
                audience.releasability, audience.relTo);
        form.setColspan(mode, 2);
        form.setColspan(findings, 2);
        add(form);

        Map<UUID, Select<Integer>> ratings = new LinkedHashMap<>();
        Div ratingBlock = new Div(new H4(getTranslation("assessment.ratings")));
        ratingBlock.setId("assessment-ratings");
        if (objectives.isEmpty()) {
            ratingBlock.add(new Paragraph(getTranslation("assessment.ratings.none")));
        }
        FormLayout ratingForm = new FormLayout();
        for (Objective objective : objectives) {
            Select<Integer> rating = new Select<>();
            int number = ResultsContext.numberOf(objectives, objective);
            rating.setLabel(getTranslation("results.objective.numbered", number, objective.text()));
            rating.setItems(IntStream.rangeClosed(1, 5).boxed().toList());
            rating.setItemLabelGenerator(r -> getTranslation(r == null ? "assessment.rating.none"
                    : "assessment.rating." + r));
            rating.setEmptySelectionAllowed(true);
            rating.setEmptySelectionCaption(getTranslation("assessment.rating.none"));
            rating.setId("assessment-rating-" + number);
            if (current != null) {
                rating.setValue(current.ratings().get(objective.id()));
            }
            ratings.put(objective.id(), rating);
            ratingForm.add(rating);
        }
        ratingBlock.add(ratingForm);
        add(ratingBlock);

        recommendations.setId("assessment-recommendations");
        Button addRecommendation = new Button(getTranslation("assessment.recommendation.add"), VaadinIcon.PLUS.create(),
                click -> addRow(null));
        addRecommendation.setId("add-recommendation");
        addRecommendation.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        add(new H4(getTranslation("assessment.recommendations")), recommendations, addRecommendation);
        if (current != null) {
            current.recommendations().forEach(this::addRow);
        }

        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("kind", kind);
        fields.put("mode", mode);
        fields.put("assessorName", assessor);
        fields.put("assessedOn", assessedOn);
        fields.put("findings", findings);
        fields.put("releasability", audience.releasability);
        fields.put("relTo", audience.relTo);

        Button save = new Button(getTranslation(current == null ? "assessment.add" : "action.save"), click -> {
            Feedback.clear(fields);
            Map<UUID, Integer> rated = new LinkedHashMap<>();
            ratings.forEach((objective, select) -> {
                if (select.getValue() != null) {
                    rated.put(objective, select.getValue());
                }
            });
            List<RecommendationDraft> drafts = rows.stream().filter(r -> !r.blank()).map(RecommendationRow::draft)
                    .toList();
            AssessmentDraft draft = new AssessmentDraft(kind.getValue(), mode.getValue(), assessor.getValue(),
                    assessorOrganization.getValue() == null ? null : assessorOrganization.getValue().id(),
                    assessedOn.getValue(), findings.getValue().isBlank() ? null : findings.getValue(),
                    audience.value(), audience.value() == Releasability.REL_TO ? audience.relToIds() : List.of(),
                    rated, drafts);
            try {
                if (current == null) {
                    results.assessments().record(results.workstream().ref(), draft);
                    Feedback.success(Text.of("assessment.added"));
                } else {
                    results.assessments().update(current, draft);
                    Feedback.success(Text.of("assessment.saved"));
                }
                close();
            } catch (RuntimeException e) {
                Feedback.show(e, fields, () -> {
                    close();
                    reload.run();
                });
            }
        });
        save.setId("save-assessment");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        cancel.setId("cancel-assessment");
        getFooter().add(cancel, save);
    }

    private void addRow(Recommendation existing) {
        RecommendationRow row = new RecommendationRow(++rowNumber, results.measurers(), existing);
        rows.add(row);
        Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), click -> {
            rows.remove(row);
            recommendations.remove(row.layout);
        });
        remove.getElement().setAttribute("aria-label", getTranslation("assessment.recommendation.remove"));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        row.layout.add(remove);
        recommendations.add(row.layout);
    }

    /** One recommendation being written: what, who owns it, by when. */
    private static final class RecommendationRow {

        final TextField text = new TextField(Values.t("assessment.recommendation"));
        final ComboBox<Partner> owner = new ComboBox<>(Values.t("assessment.recommendation.owner"));
        final DatePicker due = new DatePicker(Values.t("assessment.recommendation.due"));
        final HorizontalLayout layout;

        RecommendationRow(int number, List<Partner> owners, Recommendation existing) {
            text.setMaxLength(2000);
            text.setId("recommendation-text-" + number);
            owner.setItems(owners);
            owner.setItemLabelGenerator(Partner::name);
            owner.setId("recommendation-owner-" + number);
            due.setId("recommendation-due-" + number);
            Values.iso(due);
            if (existing != null) {
                text.setValue(Objects.requireNonNullElse(existing.text(), ""));
                if (existing.owner() != null) {
                    owners.stream().filter(p -> p.id().equals(existing.owner().id())).findFirst()
                            .ifPresent(owner::setValue);
                }
                due.setValue(existing.dueDate());
            }
            layout = new HorizontalLayout(text, owner, due);
            layout.setAlignItems(FlexComponent.Alignment.BASELINE);
            layout.setWidthFull();
            layout.setFlexGrow(1, text);
            layout.addClassName("recommendation-row");
        }

        boolean blank() {
            return text.getValue().isBlank() && owner.getValue() == null && due.getValue() == null;
        }

        RecommendationDraft draft() {
            return new RecommendationDraft(text.getValue(), owner.getValue() == null ? null : owner.getValue().id(),
                    due.getValue());
        }
    }
}
