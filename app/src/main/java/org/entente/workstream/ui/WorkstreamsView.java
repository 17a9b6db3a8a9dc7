package org.entente.workstream.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;
import org.entente.platform.i18n.Formats;
import org.entente.platform.i18n.Translations;
import org.entente.workstream.Partner;
import org.entente.workstream.PartnerDirectory;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamKind;
import org.entente.workstream.WorkstreamQuery;
import org.entente.workstream.WorkstreamQuery.SortKey;
import com.vaadin.flow.data.provider.SortDirection;
import org.entente.workstream.WorkstreamService;
import org.entente.workstream.WorkstreamStatus;

/**
 * Every workstream shared with the signed-in tenant: search, filter, sort, open, create. Query parameters
 * {@code kind}, {@code status} and {@code region} preset the filters (e.g. {@code /workstreams?kind=RND_PROJECT&status=ACTIVE},
 * the Analytics drill-down); the list still shows only what the tenant may see.
 */
@Route("workstreams")
@Menu(title = "Workstreams", order = 1, icon = "vaadin:connect")
@PermitAll
public class WorkstreamsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final WorkstreamService workstreams;
    private final TextField search = new TextField();
    private final ComboBox<WorkstreamKind> kind = new ComboBox<>();
    private final ComboBox<WorkstreamStatus> status = new ComboBox<>();
    private final TextField region = new TextField();
    private final Grid<Workstream> grid = new Grid<>(Workstream.class, false);

    public WorkstreamsView(WorkstreamService workstreams, PartnerDirectory partners) {
        this.workstreams = workstreams;
        setSizeFull();

        search.setPlaceholder(getTranslation("workstream.list.searchPlaceholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.setId("workstream-search");
        search.setWidth("22rem");
        kind.setPlaceholder(getTranslation("workstream.list.anyKind"));
        kind.setItems(WorkstreamKind.values());
        kind.setItemLabelGenerator(k -> getTranslation(Translations.enumKey(k)));
        kind.setClearButtonVisible(true);
        status.setPlaceholder(getTranslation("workstream.list.anyStatus"));
        status.setItems(WorkstreamStatus.values());
        status.setItemLabelGenerator(s -> getTranslation(Translations.enumKey(s)));
        status.setClearButtonVisible(true);
        region.setPlaceholder(getTranslation("workstream.list.anyRegion"));
        region.setId("workstream-region");
        region.setWidth("9rem");
        region.setClearButtonVisible(true);
        region.setValueChangeMode(ValueChangeMode.LAZY);
        region.addValueChangeListener(e -> refresh());
        kind.setId("workstream-kind-filter");
        status.setId("workstream-status-filter");
        search.addValueChangeListener(e -> refresh());
        kind.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());

        Button create = new Button(getTranslation("workstream.list.new"), VaadinIcon.PLUS.create(),
                click -> new WorkstreamEditor(workstreams, partners.all(), List.of(), null, null,
                        saved -> getUI().ifPresent(ui -> ui.navigate(WorkstreamView.class, saved.id().toString())),
                        this::refresh).open());
        create.setId("new-workstream");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        HorizontalLayout toolbar = new HorizontalLayout(search, kind, status, region, create);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.expand(status);

        Locale locale = getLocale();
        grid.setId("workstreams");
        grid.addColumn(Workstream::title).setHeader(getTranslation("workstream.column.title")).setWidth("18rem")
                .setFlexGrow(3).setSortable(true).setKey(SortKey.TITLE.name()).setTooltipGenerator(Workstream::title);
        grid.addColumn(w -> getTranslation(Translations.enumKey(w.kind())))
                .setHeader(getTranslation("workstream.column.kind")).setWidth("11rem").setFlexGrow(0).setSortable(true).setKey(SortKey.KIND.name());
        grid.addColumn(w -> getTranslation(Translations.enumKey(w.status())))
                .setHeader(getTranslation("workstream.column.status")).setAutoWidth(true).setSortable(true)
                .setKey(SortKey.STATUS.name());
        grid.addColumn(w -> w.lead().name()).setHeader(getTranslation("workstream.column.lead")).setWidth("12rem")
                .setFlexGrow(1);
        grid.addComponentColumn(w -> marking(w, partners, locale))
                .setHeader(getTranslation("workstream.field.releasability")).setAutoWidth(true);
        grid.addColumn(w -> Formats.date(locale, w.startDate())).setHeader(getTranslation("workstream.field.start"))
                .setAutoWidth(true).setSortable(true).setKey(SortKey.START_DATE.name());
        grid.addColumn(w -> Formats.date(locale, w.endDate())).setHeader(getTranslation("workstream.field.end"))
                .setAutoWidth(true).setSortable(true).setKey(SortKey.END_DATE.name());
        grid.setEmptyStateText(getTranslation("workstream.list.empty"));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(WorkstreamView.class, e.getItem().id().toString())));
        grid.setSizeFull();

        add(new H1(getTranslation("workstream.list.heading")), toolbar, grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("workstream.list.title");
    }

    private static Span marking(Workstream w, PartnerDirectory partners, Locale locale) {
        Span marking = new Span(partners.marking(locale, w.releasability(), w.relTo(), w.ref().tenantId()));
        marking.getElement().getThemeList().add("badge contrast small");
        return marking;
    }

    private void refresh() {
        WorkstreamQuery query = new WorkstreamQuery(search.getValue(), kind.getValue(), status.getValue(),
                region.getValue());
        grid.setItems(page -> workstreams.find(query, page.getSortOrders().stream()
                        .map(order -> new WorkstreamQuery.Sort(SortKey.valueOf(order.getSorted()),
                                order.getDirection() == SortDirection.ASCENDING))
                        .toList(), page.getOffset(), page.getLimit()).stream(),
                page -> workstreams.count(query));
    }

    /** Presets the filters from {@code ?kind=…&status=…&region=…}; values that name nothing are ignored. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        java.util.Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        first(parameters, "kind").flatMap(value -> java.util.Arrays.stream(WorkstreamKind.values())
                .filter(k -> k.name().equalsIgnoreCase(value)).findFirst()).ifPresent(kind::setValue);
        first(parameters, "status").flatMap(value -> java.util.Arrays.stream(WorkstreamStatus.values())
                .filter(s -> s.name().equalsIgnoreCase(value)).findFirst()).ifPresent(status::setValue);
        first(parameters, "region").ifPresent(region::setValue);
    }

    private static java.util.Optional<String> first(java.util.Map<String, List<String>> parameters, String name) {
        return parameters.getOrDefault(name, List.of()).stream().filter(v -> !v.isBlank()).findFirst();
    }
}
