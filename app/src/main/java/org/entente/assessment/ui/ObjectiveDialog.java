package org.entente.assessment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.Map;
import org.entente.assessment.Objective;
import org.entente.platform.ui.Feedback;

/** Adds an objective to the workstream, or rewords one (the lead). */
final class ObjectiveDialog extends Dialog {

    static final int TEXT_MAX = 500;

    ObjectiveDialog(ResultsContext results, Objective current, int number, Runnable reload) {
        setId("objective-dialog");
        setHeaderTitle(current == null ? "Add objective" : "Rename objective " + number);
        setWidth("36rem");
        TextArea text = new TextArea("What the workstream sets out to achieve");
        text.setMaxLength(TEXT_MAX);
        text.setWidthFull();
        text.setValueChangeMode(ValueChangeMode.EAGER);
        text.setPlaceholder("e.g. Partner navies can operate together in a combined task group");
        text.setValue(current == null ? "" : current.text());
        text.setHelperText(text.getValue().length() + " / " + TEXT_MAX);
        text.addValueChangeListener(e -> text.setHelperText(e.getValue().length() + " / " + TEXT_MAX));
        text.setId("objective-text");
        add(text);
        Button save = new Button(current == null ? "Add objective" : "Save", click -> {
            Feedback.clear(Map.of("text", text));
            try {
                if (current == null) {
                    results.results().addObjective(results.workstream().ref(), text.getValue());
                    Feedback.success("Objective added.");
                } else {
                    results.results().renameObjective(current, text.getValue());
                    Feedback.success("Objective saved.");
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
        Button cancel = new Button("Cancel", click -> close());
        cancel.setId("cancel-objective");
        getFooter().add(cancel, save);
    }
}
