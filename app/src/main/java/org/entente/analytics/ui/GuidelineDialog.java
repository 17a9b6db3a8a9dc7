package org.entente.analytics.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.entente.analytics.BurdenGuidelines;
import org.entente.platform.i18n.Formats;
import org.entente.platform.i18n.Language;
import org.entente.platform.ui.Feedback;
import org.entente.platform.validation.InvalidInput;
import org.entente.platform.validation.NotAllowed;
import org.entente.platform.ui.FocusReturn;

/**
 * The coordinator's burden guideline: one row per year, the target as a percent of capacity (0.05 = 0.05 %). Saving
 * replaces the organization's guideline with the rows shown; a removed row removes its year.
 */
final class GuidelineDialog extends Dialog {

    private final BurdenGuidelines guidelines;
    private final Runnable afterSave;
    private final VerticalLayout rows = new VerticalLayout();
    private final List<TargetRow> targetRows = new ArrayList<>();

    /** One year's row. */
    private final class TargetRow extends HorizontalLayout {

        final IntegerField year = new IntegerField();
        final TextField percent = new TextField();

        TargetRow(Integer initialYear, String initialPercent, String setBy) {
            year.setWidth("7rem");
            year.setStepButtonsVisible(false);
            year.setPlaceholder(getTranslation("analytics.guideline.year"));
            year.setI18n(new IntegerField.IntegerFieldI18n()
                    .setBadInputErrorMessage(getTranslation("analytics.guideline.error.badYear")));
            year.setAriaLabel(getTranslation("analytics.guideline.year"));
            year.setValue(initialYear);
            percent.setWidth("9rem");
            percent.setPlaceholder(getTranslation("analytics.guideline.targetPlaceholder"));
            percent.setSuffixComponent(new Div("%")); // i18n-ok: the percent sign
            percent.setAriaLabel(getTranslation("analytics.guideline.targetAria"));
            percent.setValue(initialPercent == null ? "" : initialPercent);
            Span who = new Span(setBy == null ? "" : setBy);
            who.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)")
                    .set("min-width", "12rem");
            Button remove = new Button(VaadinIcon.TRASH.create(), click -> {
                targetRows.remove(this);
                rows.remove(this);
                renumber();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel(getTranslation("analytics.guideline.removeYear"));
            add(year, percent, who, remove);
            setAlignItems(FlexComponent.Alignment.BASELINE);
        }

        void number(int index) {
            year.setId("guideline-year-" + index);
            percent.setId("guideline-target-" + index);
        }
    }

    GuidelineDialog(BurdenGuidelines guidelines, String organization, Runnable afterSave) {
        FocusReturn.to(this);
        this.guidelines = guidelines;
        this.afterSave = afterSave;
        setId("guideline-dialog");
        setHeaderTitle(getTranslation("analytics.guideline.title", organization));
        setWidth("44rem");

        Paragraph about = new Paragraph(getTranslation("analytics.guideline.about"));
        about.getStyle().set("margin-top", "0");
        rows.setPadding(false);
        rows.setSpacing(false);
        rows.setId("guideline-rows");
        Span yearHeading = new Span(getTranslation("analytics.guideline.year"));
        yearHeading.setWidth("7rem");
        Span targetHeading = new Span(getTranslation("analytics.guideline.targetHeading"));
        HorizontalLayout headings = new HorizontalLayout(yearHeading, targetHeading);
        headings.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        rows.add(headings);
        for (BurdenGuidelines.Target target : guidelines.targets()) {
            addRow(target.year(), percentAsTyped(target.percentOfCapacity()), getTranslation("analytics.guideline.setBy",
                    target.setBy(), Formats.date(getLocale(), target.setAt().toLocalDate())));
        }
        Button add = new Button(getTranslation("analytics.guideline.addYear"), VaadinIcon.PLUS.create(),
                click -> addRow(nextYear(), null, null));
        add.setId("guideline-add-year");
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(new VerticalLayout(about, rows, add));

        Button save = new Button(getTranslation("analytics.guideline.save"), click -> save());
        save.setId("save-guideline");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        getFooter().add(cancel, save);
        if (targetRows.isEmpty()) {
            addRow(Year.now().getValue(), null, null);
        }
    }

    /** The target as the reader types numbers: 0.05 in English, 0,05 in French (the service reads both). */
    private String percentAsTyped(java.math.BigDecimal percent) {
        String plain = percent.toPlainString();
        return Language.orDefault(getLocale()) == Language.FR ? plain.replace('.', ',') : plain;
    }

    private void addRow(Integer year, String percent, String setBy) {
        TargetRow row = new TargetRow(year, percent, setBy);
        targetRows.add(row);
        rows.add(row);
        renumber();
    }

    private void renumber() {
        for (int i = 0; i < targetRows.size(); i++) {
            targetRows.get(i).number(i);
        }
    }

    private Integer nextYear() {
        return targetRows.stream().map(r -> r.year.getValue()).filter(y -> y != null).max(Integer::compare)
                .map(y -> y + 1).orElse(Year.now().getValue());
    }

    private void save() {
        Map<String, HasValidation> fields = new HashMap<>();
        List<BurdenGuidelines.TargetDraft> drafts = new ArrayList<>();
        for (int i = 0; i < targetRows.size(); i++) {
            TargetRow row = targetRows.get(i);
            fields.put("year-" + i, row.year);
            fields.put("target-" + i, row.percent);
            drafts.add(new BurdenGuidelines.TargetDraft(row.year.getValue(), row.percent.getValue()));
        }
        Feedback.clear(fields);
        try {
            guidelines.save(drafts);
            Feedback.success(getTranslation(drafts.isEmpty() ? "analytics.guideline.removed" : "analytics.guideline.saved"));
            close();
            afterSave.run();
        } catch (InvalidInput | NotAllowed refused) {
            Feedback.show(refused, fields, () -> { });
        }
    }
}
