package org.entente.analytics.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.entente.analytics.AnalyticsService;
import org.entente.analytics.AnalyticsStatus;
import org.entente.analytics.AnalyticsUnavailable;
import org.entente.analytics.BurdenGuidelines;
import org.entente.analytics.RefreshEvent;
import org.entente.analytics.RefreshRunning;
import org.entente.analytics.engine.AnalyticsFilter;
import org.entente.analytics.engine.AnalyticsReport;
import org.entente.analytics.engine.AnalyticsSettings;
import org.entente.analytics.engine.BurdenGuideline;
import org.entente.analytics.engine.ConsentingPartner;
import org.entente.analytics.engine.EngineText;
import org.entente.analytics.engine.EngineTexts;
import org.entente.analytics.engine.FilterOptions;
import org.entente.analytics.engine.Kpi;
import org.entente.analytics.engine.disclosure.SuppressionReason;
import org.entente.analytics.engine.rollup.RollupTable;
import org.entente.analytics.engine.rollup.Row;
import org.entente.platform.i18n.Language;
import org.entente.platform.i18n.Translations;
import org.entente.platform.ui.EChart;
import org.entente.platform.ui.Feedback;
import org.entente.platform.validation.InvalidInput;
import org.entente.platform.validation.NotAllowed;
import org.entente.tenant.RegionLabels;
import org.entente.tenant.TenantService;
import org.entente.workstream.WorkstreamKind;
import org.entente.workstream.WorkstreamStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The Analytics workspace: figures from the latest snapshot for the signed-in person — the federation
 * under disclosure control for coordinators, their own organization's sight for everyone else. Each rollup
 * is a chart with its figures beside it; the page carries the most restrictive marking of the data behind
 * what it shows and the time of the snapshot. Coordinators refresh the snapshot and watch its progress
 * (server push); a refresh started elsewhere shows here too. A coordinator's page also says which consent state its
 * figures use and whose figures are published by consent, and sets the organization's burden guideline.
 */
@Route("analytics")
@Menu(title = "Analytics", order = 2, icon = "vaadin:chart")
@PermitAll
public class AnalyticsView extends VerticalLayout implements HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(AnalyticsView.class);
    /** The snapshot's time to the second (a refresh takes seconds), in the reader's language. */
    private final DateTimeFormatter asOfFormat;
    /** The rollups (portfolio, portfolio-by-region) whose bars and rows open the workstream list. */
    static final String PORTFOLIO = "portfolio";

    private final AnalyticsService analytics;
    private final BurdenGuidelines guidelines;
    private final Figures figures;
    private final String organization;

    private final Div marking = new Div();
    private final Span asOf = new Span();
    private final Paragraph scope = new Paragraph();
    private final Div legend = new Div();
    private final Button refresh = new Button(getTranslation("analytics.refresh"), VaadinIcon.REFRESH.create());
    private final ProgressBar progress = new ProgressBar();
    private final Span progressStep = new Span();
    private final Div failure = new Div();
    private final Div content = new Div();

    private final IntegerField yearFrom = new IntegerField(getTranslation("analytics.filter.yearFrom"));
    private final IntegerField yearTo = new IntegerField(getTranslation("analytics.filter.yearTo"));
    private final ComboBox<String> region = new ComboBox<>(getTranslation("analytics.filter.region"));
    private final ComboBox<String> partnerKind = new ComboBox<>(getTranslation("analytics.filter.partnerKind"));
    private final ComboBox<String> workstreamKind = new ComboBox<>(getTranslation("analytics.filter.workstreamKind"));
    private final Map<String, HasValidation> fields = Map.of("yearFrom", yearFrom, "yearTo", yearTo,
            "region", region, "partnerKind", partnerKind, "workstreamKind", workstreamKind);
    private final HorizontalLayout filters;
    /** What other features add below the filters (e.g. the briefing panel for coordinators). */
    private final List<AnalyticsPageExtension.Part> parts;

    private AutoCloseable watching;
    private boolean filterOptionsLoaded;

    public AnalyticsView(AnalyticsService analytics, TenantService tenants,
            ObjectProvider<AnalyticsPageExtension> extensions, BurdenGuidelines guidelines) {
        this.analytics = analytics;
        this.guidelines = guidelines;
        this.organization = tenants.currentTenant().map(t -> t.name())
                .orElse(getTranslation("analytics.yourOrganization"));
        this.asOfFormat = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss 'UTC'",
                Language.orDefault(getLocale()).locale()).withZone(ZoneOffset.UTC);
        AnalyticsSettings settings = analytics.settings();
        this.figures = new Figures(settings.minimumPartners(), settings.dominanceLimit(), getLocale());
        setPadding(false);
        setSpacing(false);
        addClassName("analytics-view");

        marking.addClassName("releasability-banner");
        marking.setId("analytics-marking");
        marking.setWidthFull();
        add(marking);

        VerticalLayout body = new VerticalLayout();
        body.addClassName("analytics-page");
        H1 title = new H1(getTranslation("analytics.title"));
        asOf.setId("analytics-as-of");
        asOf.addClassName("analytics-as-of");
        refresh.setId("refresh-analytics");
        refresh.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        refresh.addClickListener(click -> startRefresh());
        progress.setId("refresh-progress");
        progress.setWidth("20rem");
        progressStep.setId("refresh-step");
        progressStep.addClassName("analytics-step");
        HorizontalLayout progressBox = new HorizontalLayout(progress, progressStep);
        progressBox.setId("refresh-status");
        progressBox.setAlignItems(FlexComponent.Alignment.CENTER);
        progressBox.setVisible(false);
        HorizontalLayout header = new HorizontalLayout(title, asOf, refresh);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.expand(asOf);
        header.addClassName("analytics-header");

        scope.setId("analytics-scope");
        scope.addClassName("analytics-scope");
        legend.setId("suppression-legend");
        legend.addClassName("analytics-legend");
        failure.setId("analytics-failure");
        failure.addClassName("analytics-failure");
        failure.setVisible(false);

        filters = filterBar();
        content.setId("analytics-content");
        content.setWidthFull();
        parts = extensions.orderedStream().flatMap(extension -> extension.create().stream()).toList();
        body.add(header, progressBox, scope, legend, failure, filters);
        parts.forEach(part -> body.add(part.component()));
        body.add(content);
        add(body);

        AnalyticsStatus status = analytics.status();
        refresh.setVisible(status.mayRefresh());
        describeScope(status);
        showStatus(status);
        render();
    }

    // ---------------------------------------------------------------------------------------- header

    private void describeScope(AnalyticsStatus status) {
        if (status.viewer().federation()) {
            scope.setText(getTranslation("analytics.scope.federation", analytics.settings().minimumPartners(),
                    Math.round(analytics.settings().dominanceLimit() * 100)));
            legend.removeAll();
            legend.add(new Span(getTranslation("analytics.legend.title")));
            for (SuppressionReason reason : SuppressionReason.values()) {
                Span mark = new Span(figures.mark(reason));
                mark.addClassName("suppressed-mark");
                legend.add(new Span(mark, new Span(" " + figures.explanation(reason))));
            }
        } else {
            scope.setText(getTranslation("analytics.scope.organization", organization));
            legend.setVisible(false);
        }
    }

    private void showStatus(AnalyticsStatus status) {
        asOf.setText(status.snapshot() == null ? getTranslation("analytics.asOf.none")
                : getTranslation("analytics.asOf", asOfFormat.format(status.snapshot().takenAt())));
        if (status.snapshot() != null) {
            asOf.getElement().setAttribute("title", getTranslation("analytics.asOf.tooltip",
                    String.valueOf(status.snapshot().asOf()),
                    String.valueOf(status.snapshot().took().toMillis())));
        }
        AnalyticsStatus.Running running = status.running();
        showProgress(running == null ? null : running.fraction(), running == null ? null : step(running.step()));
        if (status.lastFailure() == null) {
            failure.setVisible(false);
        } else {
            // A refresh whose Parquet copy failed still published its snapshot: then the figures are not stale.
            boolean stale = status.snapshot() != null
                    && status.snapshot().takenAt().isBefore(status.lastFailure().at().minusSeconds(60));
            // The failure's sentence is the refresh's, in this page's language; what PostgreSQL said stays as it said it.
            failure.setText(getTranslation(stale ? "analytics.failure.stale" : "analytics.failure",
                    asOfFormat.format(status.lastFailure().at()), status.lastFailure().text().apply(getLocale())));
            failure.setVisible(true);
        }
    }

    /** A refresh step in this page's language (a refresh is broadcast to every open page, each in its reader's). */
    private String step(EngineText step) {
        return step == null ? getTranslation("analytics.progress.starting") : step.in(getLocale());
    }

    private void showProgress(Double fraction, String step) {
        Component box = progress.getParent().orElseThrow();
        if (fraction == null) {
            box.setVisible(false);
            refresh.setEnabled(true);
            refresh.setText(getTranslation("analytics.refresh"));
            return;
        }
        box.setVisible(true);
        progress.setValue(Math.max(0, Math.min(1, fraction)));
        progressStep.setText(step == null ? "" : step);
        refresh.setEnabled(false);
        refresh.setText(getTranslation("analytics.refreshing"));
    }

    private void startRefresh() {
        try {
            analytics.refresh();
            showProgress(0.0, getTranslation("analytics.progress.starting"));
        } catch (RefreshRunning running) {
            Notification note = Notification.show(running.text().in(getLocale()), 5000, Notification.Position.MIDDLE);
            note.addThemeVariants(NotificationVariant.LUMO_WARNING);
        } catch (NotAllowed notAllowed) {
            Feedback.error(notAllowed.text());
        }
    }

    private void onRefreshEvent(RefreshEvent event) {
        switch (event) {
            case RefreshEvent.Started started -> showProgress(0.0,
                    getTranslation("analytics.progress.startedBy", started.by().in(getLocale())));
            case RefreshEvent.Progress p -> showProgress(p.fraction(), step(p.step()));
            case RefreshEvent.Finished finished -> {
                showStatus(analytics.status());
                filterOptionsLoaded = false;
                render();
                Feedback.success(getTranslation("analytics.refreshed", asOf.getText()));
            }
            case RefreshEvent.Failed failed -> {
                showStatus(analytics.status());
                Feedback.error(failed.text().apply(getLocale()));
            }
        }
    }

    // --------------------------------------------------------------------------------------- filters

    private HorizontalLayout filterBar() {
        for (IntegerField year : List.of(yearFrom, yearTo)) {
            year.setWidth("7rem");
            year.setStepButtonsVisible(false);
            year.setClearButtonVisible(true);
            year.setPlaceholder(getTranslation("analytics.filter.anyYear"));
            year.setI18n(new IntegerField.IntegerFieldI18n()
                    .setBadInputErrorMessage(getTranslation("analytics.filter.badYear")));
            year.addValueChangeListener(e -> render());
        }
        yearFrom.setId("filter-year-from");
        yearTo.setId("filter-year-to");
        region.setId("filter-region");
        partnerKind.setId("filter-partner-kind");
        workstreamKind.setId("filter-workstream-kind");
        partnerKind.setItemLabelGenerator(kind -> Labels.of(getLocale(), kind));
        workstreamKind.setItemLabelGenerator(kind -> Labels.of(getLocale(), kind));
        region.setItemLabelGenerator(name -> RegionLabels.label(getLocale(), name));
        region.setPlaceholder(getTranslation("analytics.filter.allRegions"));
        partnerKind.setPlaceholder(getTranslation("analytics.filter.allPartnerKinds"));
        workstreamKind.setPlaceholder(getTranslation("analytics.filter.allWorkstreamKinds"));
        for (ComboBox<String> box : List.of(region, partnerKind, workstreamKind)) {
            box.setClearButtonVisible(true);
            box.setWidth("11rem");
            box.addValueChangeListener(e -> render());
        }
        Button clear = new Button(getTranslation("analytics.filter.clear"), click -> {
            yearFrom.clear();
            yearTo.clear();
            region.clear();
            partnerKind.clear();
            workstreamKind.clear();
        });
        clear.setId("clear-filters");
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout bar = new HorizontalLayout(yearFrom, yearTo, region, partnerKind, workstreamKind, clear);
        bar.setId("analytics-filters");
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("flex-wrap", "wrap");
        return bar;
    }

    private void loadFilterOptions() {
        if (filterOptionsLoaded) {
            return;
        }
        Optional<FilterOptions> options = analytics.filterOptions();
        options.ifPresent(o -> {
            keepValue(region, o.regions());
            keepValue(partnerKind, o.partnerKinds());
            keepValue(workstreamKind, o.workstreamKinds());
            String years = getTranslation("analytics.filter.years", String.valueOf(o.firstYear()),
                    String.valueOf(o.lastYear()));
            yearFrom.setHelperText(years);
            yearTo.setHelperText(years);
            filterOptionsLoaded = true;
        });
    }

    private static void keepValue(ComboBox<String> box, List<String> items) {
        String value = box.getValue();
        box.setItems(items);
        if (value != null && items.contains(value)) {
            box.setValue(value);
        }
    }

    private AnalyticsFilter filter() {
        return new AnalyticsFilter(yearFrom.getValue(), yearTo.getValue(), region.getValue(), partnerKind.getValue(),
                workstreamKind.getValue());
    }

    // ------------------------------------------------------------------------------------- the figures

    private void render() {
        Feedback.clear(fields);
        AnalyticsFilter current = filter();
        parts.forEach(part -> part.filterChanged(current));
        Optional<AnalyticsReport> report;
        try {
            loadFilterOptions();
            report = analytics.report(filter(), getLocale());
        } catch (InvalidInput invalid) {
            Feedback.show(invalid, fields, this::render);
            return;
        } catch (AnalyticsUnavailable unavailable) {
            content.removeAll();
            Div problem = new Div(new Span(unavailable.text().in(getLocale())));
            problem.addClassName("analytics-failure");
            problem.setId("analytics-unavailable");
            content.add(problem);
            return;
        }
        content.removeAll();
        if (report.isEmpty()) {
            filters.setVisible(false);
            marking.setText(getTranslation("analytics.marking.none"));
            Div empty = new Div(new Span(getTranslation(analytics.status().mayRefresh()
                    ? "analytics.empty.mayRefresh" : "analytics.empty.askCoordinator")));
            empty.setId("analytics-empty");
            empty.addClassName("analytics-empty");
            content.add(empty);
            return;
        }
        filters.setVisible(true);
        show(report.get());
    }

    private void show(AnalyticsReport report) {
        marking.setText(report.marking() == null
                ? getTranslation("analytics.marking.noneForFilters")
                : getTranslation("analytics.marking.of", marking(report.marking(), getLocale())));

        Div kpis = new Div();
        kpis.setId("analytics-kpis");
        kpis.addClassName("analytics-kpis");
        for (Kpi kpi : report.kpis()) {
            Span value = new Span(figures.text(kpi.value(), kpi.kind()));
            value.addClassName("kpi-value");
            if (kpi.value() != null && kpi.value().isSuppressed()) {
                value.addClassName("suppressed-mark");
                value.getElement().setAttribute("title", figures.reason(kpi.value()));
            }
            Span label = new Span(kpi.label());
            label.addClassName("kpi-label");
            Div tile = new Div(value, label);
            tile.addClassName("kpi-tile");
            tile.setId("kpi-" + kpi.id());
            kpis.add(tile);
        }
        content.add(kpis);
        content.add(burdenContext(report));

        List<RollupSection> sections = new ArrayList<>();
        HorizontalLayout jump = new HorizontalLayout();
        jump.setId("analytics-sections");
        jump.addClassName("analytics-jump");
        jump.setSpacing(false);
        content.add(jump);
        for (RollupTable table : report.tables()) {
            boolean portfolio = table.id().startsWith(PORTFOLIO);
            RollupSection section = new RollupSection(table, figures,
                    portfolio ? row -> openWorkstreams(table, row) : null);
            if (portfolio && section.chart() != null) {
                section.chart().onClick((category, series) -> openWorkstreams(table, category, series));
            }
            Button go = new Button(table.title(), click -> section.scrollIntoView());
            go.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            jump.add(go);
            sections.add(section);
            content.add(section);
        }
        for (RollupSection section : sections) {
            try {
                section.draw();
            } catch (RuntimeException e) {
                // A chart that cannot be drawn must not take the page with it: its table still shows the figures.
                log.warn("Chart of {} not drawn", section.getId().orElse("?"), e);
            }
        }
    }

    /**
     * What the burden figures rest on: the consent state (the snapshot's), whose own figures are published by consent,
     * the guideline they are measured against (coordinators set it here), and the report's notes (e.g. a capacity
     * taken from another year). A member's view has no consent or guideline; it keeps the notes.
     */
    private Div burdenContext(AnalyticsReport report) {
        Div box = new Div();
        box.setId("analytics-context");
        box.addClassName("analytics-note");
        box.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-xs)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-m)");
        if (report.viewer().federation()) {
            Span state = new Span(getTranslation("analytics.consent.state",
                    asOfFormat.format(report.snapshot().takenAt())));
            state.setId("analytics-consent-state");
            box.add(state);

            Div consent = new Div();
            consent.setId("analytics-published-by-consent");
            List<ConsentingPartner> consenting = report.publishedByConsent();
            if (consenting.isEmpty()) {
                consent.setText(getTranslation("analytics.consent.none", organization));
            } else {
                consent.add(new Span(getTranslation("analytics.consent.some", organization, consenting.size()) + " "));
                Span names = new Span(String.join(", ", consenting.stream().map(ConsentingPartner::name).toList()));
                names.getStyle().set("color", "var(--lumo-body-text-color)");
                consent.add(names);
            }
            box.add(consent);
            box.add(guidelineLine(report.guideline()));
        }
        if (!report.notes().isEmpty()) {
            UnorderedList notes = new UnorderedList();
            notes.setId("analytics-notes");
            notes.getStyle().set("margin", "0");
            report.notes().forEach(note -> notes.add(new ListItem(note)));
            // A few notes are read at once; a long list (a capacity per partner and year) waits to be opened.
            Details details = new Details(new Span(getTranslation("analytics.notes", report.notes().size())), notes);
            details.setId("analytics-notes-details");
            details.setOpened(report.notes().size() <= 4);
            box.add(details);
        } else if (!report.viewer().federation()) {
            box.setVisible(false);
        }
        return box;
    }

    private HorizontalLayout guidelineLine(BurdenGuideline guideline) {
        Span text = new Span();
        text.setId("analytics-guideline");
        if (guideline.isEmpty()) {
            text.setText(getTranslation("analytics.guideline.none", organization));
        } else {
            List<String> years = new ArrayList<>();
            guideline.targetIntensityByYear().forEach((year, target) -> years.add(getTranslation(
                    "analytics.guideline.yearTarget", String.valueOf(year), figures.percent(target))));
            text.setText(getTranslation("analytics.guideline.some", String.join(", ", years)));
        }
        Button edit = new Button(getTranslation("analytics.guideline.edit"), VaadinIcon.EDIT.create(),
                click -> new GuidelineDialog(guidelines, organization, this::render).open());
        edit.setId("edit-guideline");
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout line = new HorizontalLayout(text, edit);
        line.setAlignItems(FlexComponent.Alignment.BASELINE);
        line.setSpacing(true);
        return line;
    }

    /**
     * How a releasability code reads as a marking, as the Excel briefing writes it (the engine's {@code marking.<CODE>}
     * texts: REL TO NAMED PARTNERS for REL_TO, as the banner always said).
     */
    static String marking(String releasability, Locale locale) {
        return EngineTexts.has("marking." + releasability) ? EngineTexts.text(locale, "marking." + releasability)
                : releasability;
    }

    // ------------------------------------------------------------------- drill-down into the workstreams

    /**
     * A bar of a portfolio chart: the first row drawn as that bar (its category and series labels) names the
     * kind, status and region to open.
     */
    private void openWorkstreams(RollupTable table, String category, String series) {
        ChartOptions.Plan plan = ChartOptions.plan(table, getLocale());
        Map<Row, String> categories = ChartOptions.categories(table, plan, getLocale());
        int seriesColumn = plan.series();
        plan.rows().stream()
                .filter(row -> categories.get(row).equals(category))
                .filter(row -> seriesColumn < 0
                        || ChartOptions.label(row.cells().get(seriesColumn), getLocale()).equals(series))
                .findFirst()
                .ifPresent(row -> openWorkstreams(table, row));
    }

    /** A row of the portfolio table. */
    private void openWorkstreams(RollupTable table, Row row) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < table.columns().size() && i < row.cells().size(); i++) {
            Object value = row.cells().get(i).value();
            if (value != null) {
                values.put(table.columns().get(i).id(), value.toString());
            }
        }
        openWorkstreams(values);
    }

    private void openWorkstreams(Map<String, String> columnValues) {
        Map<String, String> parameters = drillDown(columnValues, workstreamKind.getValue(), region.getValue());
        UI.getCurrent().navigate("workstreams", QueryParameters.simple(parameters));
    }

    /**
     * The workstream list's filters for a portfolio figure: workstream kind, status and region columns map
     * to {@code kind}, {@code status} and {@code region}; the page's own filters fill what the figure leaves
     * open. The list itself shows only what the viewer may see.
     */
    static Map<String, String> drillDown(Map<String, String> columnValues, String kindFilter, String regionFilter) {
        Map<String, String> parameters = new LinkedHashMap<>();
        columnValues.forEach((column, value) -> {
            if (column == null || value == null || value.equals(RollupTable.TOTAL)) {
                return;
            }
            String id = column.toLowerCase(Locale.ROOT);
            if ((id.equals("kind") || id.equals("workstream_kind") || id.equals("workstreamkind"))) {
                workstreamKind(value).ifPresent(k -> parameters.put("kind", k.name()));
            } else if (id.equals("status") || id.equals("workstream_status")) {
                workstreamStatus(value).ifPresent(s -> parameters.put("status", s.name()));
            } else if (id.equals("region") || id.equals("workstream_region")) {
                parameters.put("region", value);
            }
        });
        if (kindFilter != null) {
            workstreamKind(kindFilter).ifPresent(k -> parameters.putIfAbsent("kind", k.name()));
        }
        if (regionFilter != null) {
            parameters.putIfAbsent("region", regionFilter);
        }
        return parameters;
    }

    static Optional<WorkstreamKind> workstreamKind(String value) {
        for (WorkstreamKind kind : WorkstreamKind.values()) {
            if (kind.name().equalsIgnoreCase(value)
                    || Translations.label(Language.EN.locale(), kind).equalsIgnoreCase(value)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    static Optional<WorkstreamStatus> workstreamStatus(String value) {
        for (WorkstreamStatus status : WorkstreamStatus.values()) {
            if (status.name().equalsIgnoreCase(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("analytics.pageTitle");
    }

    // ------------------------------------------------------------------------------------- push

    @Override
    protected void onAttach(AttachEvent event) {
        EChart.load(event.getUI());
        UI ui = event.getUI();
        watching = analytics.watch(refreshEvent -> ui.access(() -> {
            try {
                onRefreshEvent(refreshEvent);
            } catch (RuntimeException e) {
                log.debug("Analytics page could not show {}", refreshEvent, e);
            }
        }));
        // A refresh may have ended between building the page and now.
        showStatus(analytics.status());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (watching != null) {
            try {
                watching.close();
            } catch (Exception e) {
                log.debug("Could not stop watching analytics refreshes", e);
            }
            watching = null;
        }
    }
}
