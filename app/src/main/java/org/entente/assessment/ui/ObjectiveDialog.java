package org.entente.assessment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.Map;
import org.entente.assessment.Objective;
import org.entente.platform.i18n.Text;
import org.entente.platform.ui.Feedback;
import org.entente.platform.ui.FocusReturn;

/** Adds an objective to the workstream, or rewords one (the lead). */
final class ObjectiveDialog extends Dialog {

    static final int TEXT_MAX = 500;

    ObjectiveDialog(ResultsContext results, Objective current, int number, Runnable reload) {
        FocusReturn.to(this);
        setId("objective-dialog");
        setHeaderTitle(current == null ? getTranslation("results.objective.add")
                : getTranslation("results.objective.renameHeader", number));
        setWidth("36rem");
        TextArea text = new TextArea(getTranslation("results.objective.text"));
        text.setMaxLength(TEXT_MAX);
        text.setWidthFull();
        text.setValueChangeMode(ValueChangeMode.EAGER);
        text.setPlaceholder(getTranslation("results.objective.placeholder"));
        text.setValue(current == null ? "" : current.text());
        text.setHelperText(getTranslation("results.counter", text.getValue().length(), TEXT_MAX));
        text.addValueChangeListener(e -> text.setHelperText(getTranslation("results.counter", e.getValue().length(),
                TEXT_MAX)));
        text.setId("objective-text");
        add(text);
        Button save = new Button(getTranslation(current == null ? "results.objective.add" : "action.save"), click -> {
            Feedback.clear(Map.of("text", text));
            try {
                if (current == null) {
                    results.results().addObjective(results.workstream().ref(), text.getValue());
                    Feedback.success(Text.of("results.objective.added"));
                } else {
                    results.results().renameObjective(current, text.getValue());
                    Feedback.success(Text.of("results.objective.saved"));
                }
                close();
            } catch (RuntimeException e) {
                Feedback.show(e, Map.of("text", text), () -> {
                    close();
                    reload.run();
                });
            }
        });
        save.setId("save-objective");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        cancel.setId("cancel-objective");
        getFooter().add(cancel, save);
    }
}
