package org.entente.assessment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.entente.assessment.Assessment;
import org.entente.assessment.AssessmentKind;
import org.entente.assessment.AssessmentMode;
import org.entente.assessment.IndicatorUnit;
import org.entente.assessment.Objective;
import org.entente.assessment.Recommendation;
import org.entente.assessment.RecommendationStatus;
import org.entente.platform.i18n.Text;
import org.entente.platform.ui.Feedback;

/** The workstream's assessments, newest first: findings, ratings per objective and recommendations. */
final class AssessmentsSection extends Div {

    AssessmentsSection(ResultsContext results, List<Objective> objectives, List<Assessment> assessments,
            LocalDate today, Runnable reload) {
        setId("assessments");
        setWidthFull();
        H3 title = new H3(getTranslation("assessment.title"));
        title.getStyle().set("margin", "0");
        HorizontalLayout head = new HorizontalLayout(title);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        boolean finalExists = assessments.stream().anyMatch(a -> a.kind() == AssessmentKind.FINAL);
        if (results.lead()) {
            Button add = new Button(getTranslation("assessment.add"), click -> new AssessmentDialog(results, objectives, null,
                    finalExists, today, reload).open());
            add.setId("add-assessment");
            add.addThemeVariants(ButtonVariant.LUMO_SMALL);
            head.add(add);
        }
        add(head);
        if (assessments.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation(results.lead() ? "assessment.emptyLead"
                    : "assessment.empty"));
            empty.setId("assessments-empty");
            empty.getStyle().set("color", "var(--lumo-secondary-text-color)");
            add(empty);
            return;
        }
        boolean first = true;
        for (Assessment assessment : assessments) {
            add(assessment(results, objectives, assessment, finalExists, today, reload, first));
            first = false;
        }
    }

    private static Details assessment(ResultsContext results, List<Objective> objectives, Assessment assessment,
            boolean finalExists, LocalDate today, Runnable reload, boolean open) {
        String key = assessment.id().toString();
        long openRecommendations = assessment.recommendations().stream()
                .filter(r -> r.status() == RecommendationStatus.OPEN).count();
        Span heading = new Span(Values.t(assessment.mode() == AssessmentMode.SELF ? "assessment.heading.self"
                : "assessment.heading.external", Values.t(switch (assessment.kind()) {
                    // "Initial (baseline) assessment": French puts the noun first, so each kind has its title.
                    case INITIAL -> "assessment.title.initial";
                    case PERIODIC -> "assessment.title.periodic";
                    case FINAL -> "assessment.title.final";
                }), assessment.assessedOn().toString(), assessment.assessorName()));
        heading.getStyle().set("font-weight", "600");
        Span marking = new Span(results.partners().marking(assessment.releasability(), assessment.relTo(),
                assessment.workstream().tenantId()));
        marking.getElement().getThemeList().add("badge contrast small");
        HorizontalLayout summary = new HorizontalLayout(heading, marking);
        summary.setAlignItems(FlexComponent.Alignment.CENTER);
        if (openRecommendations > 0) {
            Span pending = new Span(Values.t("assessment.openRecommendations", openRecommendations));
            pending.getElement().getThemeList().add("badge warning small");
            summary.add(pending);
        }

        Div body = new Div();
        Paragraph findings = new Paragraph(assessment.findings() == null ? Values.t("assessment.findings.none")
                : assessment.findings());
        findings.getStyle().set("white-space", "pre-wrap").set("margin-top", "0");
        findings.setId("assessment-findings-" + key);
        body.add(findings);
        if (!objectives.isEmpty()) {
            Div ratings = new Div();
            ratings.setId("assessment-ratings-" + key);
            ratings.getStyle().set("display", "grid").set("grid-template-columns", "auto 1fr")
                    .set("gap", "2px var(--lumo-space-m)").set("font-size", "var(--lumo-font-size-s)")
                    .set("margin-bottom", "var(--lumo-space-s)");
            for (Objective objective : objectives) {
                Integer rating = assessment.ratings().get(objective.id());
                Span value = new Span(rating == null ? Values.t("assessment.rating.notRated")
                        : "★".repeat(rating) + "☆".repeat(5 - rating) + " "
                                + Values.format(IndicatorUnit.SCALE_1_5, BigDecimal.valueOf(rating)));
                value.getStyle().set("white-space", "nowrap").set("color", rating == null
                        ? "var(--lumo-secondary-text-color)" : "var(--lumo-body-text-color)");
                ratings.add(value, new Span(Values.t("results.objective.numbered",
                        ResultsContext.numberOf(objectives, objective), objective.text())));
            }
            body.add(ratings);
        }
        if (!assessment.recommendations().isEmpty()) {
            body.add(recommendations(results, assessment, today, reload));
        }
        if (results.lead()) {
            Button edit = new Button(Values.t("action.edit"), click -> new AssessmentDialog(results, objectives,
                    assessment, finalExists, today, reload).open());
            edit.setId("edit-assessment-" + key);
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            Button remove = new Button(Values.t("action.remove"), click -> {
                ConfirmDialog confirm = new ConfirmDialog(Values.t("assessment.removeHeader"),
                        Values.t("assessment.removeText", Values.label(assessment.kind()).toLowerCase(Values.locale()),
                                assessment.assessedOn().toString()), Values.t("action.remove"), e -> {
                            try {
                                results.assessments().remove(assessment);
                                Feedback.success(Text.of("assessment.removed"));
                            } catch (RuntimeException failure) {
                                Feedback.show(failure, Map.of(), reload);
                            }
                        }, Values.t("results.confirm.keep"), e -> { });
                confirm.setConfirmButtonTheme("error primary");
                confirm.setId("confirm-remove-assessment");
                confirm.open();
            });
            remove.setId("remove-assessment-" + key);
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            body.add(new HorizontalLayout(edit, remove));
        }
        Details details = new Details(summary, body);
        details.setId("assessment-" + key);
        details.addClassName("assessment");
        details.setOpened(open);
        details.setWidthFull();
        return details;
    }

    private static Grid<Recommendation> recommendations(ResultsContext results, Assessment assessment, LocalDate today,
            Runnable reload) {
        Grid<Recommendation> grid = new Grid<>(Recommendation.class, false);
        grid.setId("recommendations-" + assessment.id());
        grid.addColumn(Recommendation::text).setHeader(Values.t("assessment.recommendation")).setFlexGrow(3);
        grid.addColumn(r -> r.owner() == null ? "" : r.owner().name())
                .setHeader(Values.t("assessment.recommendation.owner")).setAutoWidth(true);
        grid.addColumn(r -> r.dueDate() == null ? "" : r.dueDate().toString())
                .setHeader(Values.t("assessment.recommendation.due")).setAutoWidth(true);
        grid.addComponentColumn(r -> {
            boolean late = r.status() == RecommendationStatus.OPEN && r.dueDate() != null && r.dueDate().isBefore(today);
            Span status = new Span(late ? Values.t("assessment.recommendation.overdue") : Values.label(r.status()));
            status.getElement().getThemeList().add(r.status() == RecommendationStatus.DONE ? "badge success"
                    : late ? "badge error" : "badge");
            return status;
        }).setHeader(Values.t("assessment.recommendation.status")).setAutoWidth(true);
        grid.addComponentColumn(r -> {
            boolean mayMark = results.lead() || r.owner() != null && r.owner().id().equals(results.viewerTenantId());
            if (!mayMark) {
                return new Span();
            }
            RecommendationStatus next = r.status() == RecommendationStatus.OPEN ? RecommendationStatus.DONE
                    : RecommendationStatus.OPEN;
            Button mark = new Button(Values.t(next == RecommendationStatus.DONE ? "assessment.recommendation.markDone"
                    : "assessment.recommendation.reopen"), click -> {
                try {
                    results.assessments().markRecommendation(assessment, r, next);
                } catch (RuntimeException failure) {
                    Feedback.show(failure, Map.of(), reload);
                }
            });
            mark.addClassName("mark-recommendation");
            mark.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            return mark;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.setItems(assessment.recommendations());
        return grid;
    }
}
