package org.entente.workstream.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.entente.initiative.AfterActionService;
import org.entente.initiative.Objective;
import org.entente.platform.ui.Feedback;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamStatus;

/** After-action assessment of a completed initiative: the lead rates each objective and notes lessons. */
class AfterActionPanel extends VerticalLayout {

    AfterActionPanel(Workstream initiative, AfterActionService afterAction, boolean lead) {
        setPadding(false);
        setId("after-action");
        add(new H3("After-action assessment"));
        AfterActionService.Assessment assessment = afterAction.of(initiative).orElse(null);
        if (assessment == null) {
            return;
        }
        if (initiative.status() != WorkstreamStatus.COMPLETED) {
            add(new Paragraph("Recorded by the lead organization once the initiative is completed."));
            return;
        }
        if (!lead) {
            FormLayout ratings = new FormLayout();
            assessment.objectives().forEach(o -> ratings.addFormItem(
                    new Span(o.rating() == null ? "not rated" : o.rating() + " / 5"), o.text()));
            add(ratings, new Paragraph(assessment.lessonsLearned() == null ? "No lessons recorded yet."
                    : assessment.lessonsLearned()));
            return;
        }
        Map<UUID, IntegerField> ratingFields = new LinkedHashMap<>();
        FormLayout form = new FormLayout();
        for (Objective objective : assessment.objectives()) {
            IntegerField rating = new IntegerField();
            rating.setMin(1);
            rating.setMax(5);
            rating.setStepButtonsVisible(true);
            rating.setHelperText("1 = not met, 5 = fully met");
            rating.setValue(objective.rating());
            ratingFields.put(objective.id(), rating);
            form.addFormItem(rating, objective.text());
        }
        TextArea lessons = new TextArea("Lessons learned");
        lessons.setWidthFull();
        lessons.setMaxLength(10_000);
        lessons.setValue(assessment.lessonsLearned() == null ? "" : assessment.lessonsLearned());
        Button save = new Button("Save assessment", click -> {
            Map<UUID, Integer> ratings = new LinkedHashMap<>();
            ratingFields.forEach((id, field) -> ratings.put(id, field.getValue()));
            try {
                afterAction.record(initiative, ratings, lessons.getValue());
                Feedback.success("After-action assessment saved.");
            } catch (RuntimeException e) {
                Feedback.show(e, Map.of("lessonsLearned", lessons), () -> { });
            }
        });
        save.setId("save-after-action");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(form, lessons, save);
    }
}
