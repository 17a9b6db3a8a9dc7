package org.entente.assessment.ui;

import org.entente.platform.importing.ui.SpreadsheetImportDialog;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.entente.assessment.Indicator;
import org.entente.assessment.IndicatorStatus;
import org.entente.assessment.Objective;
import org.entente.assessment.ResultsExport;
import org.entente.platform.i18n.Text;
import org.entente.platform.ui.EChart;
import org.entente.platform.ui.Feedback;
import org.entente.workstream.WorkstreamRef;

/**
 * A workstream's Results tab: its objectives, each with the indicators that measure it (chart, status, where it
 * stands, who measures it next), the exports, and the assessments.
 *
 * <p>The page builds a new one whenever the workstream changes: every write of the results services publishes
 * WorkstreamChanged, and the page re-renders on it, in this browser as in every other. So a successful write here
 * rebuilds nothing itself (a second rebuild right after the push's would drop a click made in between); only a
 * refusal offers to reload ({@link #refresh()}) what someone else changed meanwhile.
 */
final class ResultsPanel extends VerticalLayout {

    private final ResultsContext results;
    private boolean built;

    ResultsPanel(ResultsContext results) {
        this.results = results;
        setId("results");
        setPadding(false);
        addClassName("results-tab");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        EChart.load(event.getUI());
        if (!built) {
            refresh();
        }
    }

    void refresh() {
        built = true;
        removeAll();
        LocalDate today = results.results().today();
        WorkstreamRef ref = results.workstream().ref();
        List<Objective> objectives = results.results().objectives(ref);
        List<Indicator> indicators = results.results().indicators(ref);

        add(toolbar(indicators));
        if (objectives.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation(results.lead() ? "results.objectives.emptyLead"
                    : "results.objectives.empty"));
            empty.setId("results-empty");
            empty.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-l)");
            add(empty);
        }
        Map<UUID, List<Indicator>> byObjective = indicators.stream()
                .collect(Collectors.groupingBy(Indicator::objectiveId, java.util.LinkedHashMap::new,
                        Collectors.toList()));
        for (Objective objective : objectives) {
            add(objective(objective, objectives, byObjective.getOrDefault(objective.id(), List.of()), today));
        }
        add(new AssessmentsSection(results, objectives, results.assessments().of(ref), today, this::refresh));
    }

    private Component toolbar(List<Indicator> indicators) {
        HorizontalLayout bar = new HorizontalLayout();
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.getStyle().set("flex-wrap", "wrap");
        Span summary = new Span(summary(indicators));
        summary.setId("results-summary");
        summary.getStyle().set("color", "var(--lumo-secondary-text-color)");
        bar.add(summary);
        bar.setFlexGrow(1, summary);
        if (results.lead()) {
            Button add = new Button(getTranslation("results.objective.add"), VaadinIcon.PLUS.create(),
                    click -> new ObjectiveDialog(results, null, 0, this::refresh).open());
            add.setId("add-objective");
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            bar.add(add);
        }
        if (results.accepted().stream().anyMatch(p -> p.id().equals(results.viewerTenantId()))) {
            // The lead and the organizations responsible for indicators enter values; the import checks each row.
            Button importValues = new Button(getTranslation("results.import.open"), click -> new SpreadsheetImportDialog<>(
                    "results", new MeasurementSheetImport(results.importer(), results.workstream().ref()),
                    this::refresh).open());
            importValues.setId("import-measurements");
            importValues.addThemeVariants(ButtonVariant.LUMO_SMALL);
            bar.add(importValues);
        }
        Span export = new Span(getTranslation("results.export.label"));
        export.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        bar.add(export, download("export-iati", "IATI XML", machine(ResultsExport::iatiLabelled)), // i18n-ok: format name
                download("export-csv", "CSV", machine(ResultsExport::csvLabelled)), // i18n-ok: format name
                download("export-xlsx", "Excel", ResultsExport::workbook)); // i18n-ok: product name
        return bar;
    }

    /** An export for the person who asks: the workbook is written in the language of their page. */
    private interface Export {
        ResultsExport.File make(ResultsExport export, WorkstreamRef workstream, Locale locale);
    }

    /** IATI XML and CSV are machine formats, the same in every language. */
    private static Export machine(BiFunction<ResultsExport, WorkstreamRef, ResultsExport.File> make) {
        return (export, workstream, locale) -> make.apply(export, workstream);
    }

    private Anchor download(String id, String text, Export make) {
        WorkstreamRef ref = results.workstream().ref();
        Locale locale = Values.locale();   // the download runs later, outside this page's request
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
            ResultsExport.File file = make.make(results.export(), ref, locale);
            return new DownloadResponse(new ByteArrayInputStream(file.content()), file.name(), file.contentType(),
                    file.content().length);
        }), text);
        link.setDownload(true);
        link.setId(id);
        link.getStyle().set("font-size", "var(--lumo-font-size-s)");
        return link;
    }

    /** "5 indicators: 3 on track, 1 at risk, 1 not measured yet · 1 measurement overdue". */
    static String summary(List<Indicator> indicators) {
        if (indicators.isEmpty()) {
            return Values.t("results.summary.none");
        }
        Map<IndicatorStatus, Long> counts = new EnumMap<>(IndicatorStatus.class);
        counts.putAll(indicators.stream().collect(Collectors.groupingBy(
                i -> i.progress() == null ? IndicatorStatus.NOT_MEASURED : i.progress().status(),
                Collectors.counting())));
        List<String> parts = new ArrayList<>();
        counts.forEach((status, n) -> parts.add(Values.t("results.summary.status", n,
                Values.label(status).toLowerCase(Values.locale()))));
        String text = Values.t("results.summary.indicators", indicators.size(), String.join(", ", parts));
        long overdue = indicators.stream().filter(i -> i.progress() != null && i.progress().overdue()).count();
        return overdue == 0 ? text : Values.t("results.summary.overdue", text, overdue);
    }

    private Component objective(Objective objective, List<Objective> objectives, List<Indicator> indicators,
            LocalDate today) {
        String key = objective.id().toString();
        int n = ResultsContext.numberOf(objectives, objective);
        Div box = new Div();
        box.setId("objective-" + key);
        box.addClassName("objective");
        box.setWidthFull();
        box.getStyle().set("padding-top", "var(--lumo-space-s)").set("border-top", "1px solid var(--lumo-contrast-10pct)");
        H3 number = new H3(getTranslation("results.objective.number", n));
        number.getStyle().set("margin", "0").set("font-size", "var(--lumo-font-size-m)")
                .set("color", "var(--lumo-secondary-text-color)").set("white-space", "nowrap");
        H4 text = new H4(objective.text());
        text.addClassName("objective-text");
        text.getStyle().set("margin", "0").set("overflow-wrap", "anywhere");
        HorizontalLayout head = new HorizontalLayout(number, text);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        head.setWidthFull();
        head.setFlexGrow(1, text);
        if (results.lead()) {
            Button define = new Button(getTranslation("results.indicator.define"), VaadinIcon.PLUS.create(),
                    click -> new IndicatorDialog(results, objectives, objective, null, this::refresh).open());
            define.setId("define-indicator-" + key);
            define.addClassName("define-indicator");
            define.addThemeVariants(ButtonVariant.LUMO_SMALL);
            Button rename = new Button(getTranslation("results.objective.rename"), click -> new ObjectiveDialog(results, objective, n, this::refresh).open());
            rename.setId("rename-objective-" + key);
            rename.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            Button remove = new Button(getTranslation("action.remove"), click -> confirmRemoval(objective, n, indicators.size()));
            remove.setId("remove-objective-" + key);
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            head.add(define, rename, remove);
        }
        box.add(head);
        if (indicators.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation(results.lead() ? "results.indicators.emptyLead"
                    : "results.indicators.empty"));
            none.addClassName("objective-empty");
            none.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "var(--lumo-space-xs) 0");
            box.add(none);
            return box;
        }
        Div cards = new Div();
        cards.addClassName("indicator-cards");
        cards.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)")
                .set("margin", "var(--lumo-space-s) 0");
        for (Indicator indicator : indicators) {
            cards.add(new IndicatorCard(results, indicator, results.results().measurements(indicator),
                    results.results().mayMeasure(indicator), objectives, today, this::refresh));
        }
        box.add(cards);
        return box;
    }

    private void confirmRemoval(Objective objective, int number, int indicators) {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("results.objective.removeHeader", number),
                getTranslation("results.objective.removeText", objective.text(), indicators),
                getTranslation("action.remove"), e -> {
                    try {
                        results.results().removeObjective(objective);
                        Feedback.success(Text.of("results.objective.removed"));
                    } catch (RuntimeException failure) {
                        Feedback.show(failure, Map.of(), this::refresh);
                    }
                }, getTranslation("results.confirm.keep"), e -> { });
        confirm.setConfirmButtonTheme("error primary");
        confirm.setId("confirm-remove-objective");
        confirm.open();
    }
}
