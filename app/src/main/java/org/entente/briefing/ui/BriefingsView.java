package org.entente.briefing.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.dataview.GridListDataView;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.entente.analytics.ui.AnalyticsView;
import org.entente.briefing.Briefing;
import org.entente.briefing.BriefingEvent;
import org.entente.briefing.BriefingService;
import org.entente.briefing.BriefingStatus;
import org.entente.briefing.BriefingSubscription;
import org.entente.keycloak.EntenteRealm;
import org.entente.platform.i18n.Translations;
import org.entente.platform.i18n.ui.Localized;
import org.entente.platform.ui.Feedback;
import org.entente.platform.validation.NotAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every Excel briefing of the coordinator's organization — who asked for it, when, its scope, the snapshot it shows,
 * its size and status, a download for each ready one — and the organization's subscriptions, each ended only after
 * a confirmation. Progress and outcomes arrive by server push.
 */
@Route("briefings")
@Menu(title = "Briefings", order = 3, icon = "vaadin:file-table")
@RolesAllowed(EntenteRealm.ROLE_COORDINATOR)
public class BriefingsView extends VerticalLayout implements HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(BriefingsView.class);

    private final BriefingService briefings;
    private final Grid<Briefing> grid = new Grid<>(Briefing.class, false);
    private final Grid<BriefingSubscription> subscriptionGrid = new Grid<>(BriefingSubscription.class, false);
    private final Map<UUID, BriefingEvent.Progress> progress = new ConcurrentHashMap<>();
    private GridListDataView<Briefing> rows;
    private AutoCloseable watching;

    public BriefingsView(BriefingService briefings) {
        this.briefings = briefings;
        setId("briefings-view");
        setMaxWidth("96rem");

        H1 title = new H1(getTranslation("briefing.list.title"));
        Paragraph about = new Paragraph(getTranslation("briefing.list.about"));
        about.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin-top", "0");

        grid.setId("briefings");
        Locale locale = getLocale();
        grid.setAriaLabel(getTranslation("briefing.list.gridLabel"));
        grid.addComponentColumn(b -> twoLines(b.kind().title(locale), b.scope().describe(locale)))
                .setHeader(getTranslation("briefing.list.header.briefing")).setFlexGrow(3);
        grid.addComponentColumn(b -> twoLines(b.requestedByName(), BriefingTexts.time(b.requestedAt(), locale)
                + (b.subscription() ? " · " + getTranslation("briefing.list.bySubscription") : "")))
                .setHeader(getTranslation("briefing.list.header.requested")).setFlexGrow(2);
        grid.addColumn(b -> BriefingTexts.time(b.snapshotTakenAt(), locale))
                .setHeader(getTranslation("briefing.list.header.asOf")).setFlexGrow(1);
        grid.addColumn(b -> BriefingTexts.size(b.sizeBytes(), locale))
                .setHeader(getTranslation("briefing.list.header.size")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::status).setHeader(getTranslation("briefing.list.header.status")).setFlexGrow(2);
        grid.addComponentColumn(b -> b.ready() ? BriefingTexts.download(briefings, b, getTranslation("action.download"))
                : new Span()).setHeader(getTranslation("briefing.list.header.file")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateComponent(empty("briefing.list.empty"));

        H2 subscriptionsTitle = new H2(getTranslation("briefing.subscriptions.title"));
        subscriptionGrid.setId("briefing-subscriptions");
        subscriptionGrid.setAriaLabel(getTranslation("briefing.subscriptions.gridLabel"));
        subscriptionGrid.addComponentColumn(s -> twoLines(s.kind().title(locale), s.scope().describe(locale)))
                .setHeader(getTranslation("briefing.list.header.briefing")).setFlexGrow(3);
        subscriptionGrid.addColumn(s -> BriefingTexts.frequency(s.frequency(), locale))
                .setHeader(getTranslation("briefing.subscription.frequency")).setAutoWidth(true);
        subscriptionGrid.addColumn(BriefingSubscription::subscriberName)
                .setHeader(getTranslation("briefing.subscriptions.header.subscriber")).setAutoWidth(true);
        subscriptionGrid.addColumn(s -> BriefingTexts.time(s.nextRunAt(), locale))
                .setHeader(getTranslation("briefing.subscriptions.header.next")).setAutoWidth(true);
        // The delete buttons' column: each button carries its own aria-label.
        subscriptionGrid.addComponentColumn(this::deleteButton).setHeader("").setAutoWidth(true).setFlexGrow(0);
        subscriptionGrid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        subscriptionGrid.setAllRowsVisible(true);
        subscriptionGrid.setEmptyStateComponent(empty("briefing.subscriptions.empty"));

        add(title, about, grid, subscriptionsTitle, subscriptionGrid);
        refresh();
    }

    /**
     * An empty list's sentence with a link to the Analytics page in it: {@code <key>.before}, the link, {@code
     * <key>.after} (a language places the link where its sentence needs it).
     */
    private Component empty(String key) {
        RouterLink analytics = new RouterLink(getTranslation("analytics.title"), AnalyticsView.class);
        Div empty = new Div(new Span(getTranslation(key + ".before") + " "), analytics,
                new Span(" " + getTranslation(key + ".after")));
        empty.addClassName("briefings-empty");
        empty.getStyle().set("padding", "var(--lumo-space-m)").set("color", "var(--lumo-secondary-text-color)");
        return empty;
    }

    private static Component twoLines(String first, String second) {
        Span main = new Span(first);
        main.getStyle().set("font-weight", "600");
        Span detail = new Span(second);
        detail.getStyle().set("display", "block").set("color", "var(--lumo-secondary-text-color)")
                .set("font-size", "var(--lumo-font-size-s)");
        return new Div(main, detail);
    }

    private Component status(Briefing briefing) {
        Span label = new Span(getTranslation(Translations.enumKey(briefing.status())));
        label.getElement().getThemeList().add(switch (briefing.status()) {
            case READY -> "badge success small";
            case FAILED -> "badge error small";
            default -> "badge contrast small";
        });
        Div cell = new Div(label);
        cell.addClassName("briefing-status-" + briefing.status().name().toLowerCase());
        if (briefing.status() == BriefingStatus.RUNNING) {
            BriefingEvent.Progress now = progress.get(briefing.id());
            ProgressBar bar = new ProgressBar(0, 1, now != null ? now.fraction()
                    : briefing.progress() == null ? 0 : briefing.progress());
            bar.setWidth("10rem");
            bar.getElement().setAttribute("aria-label", getTranslation("briefing.list.progress"));
            Span step = new Span(now != null ? now.step() : briefing.step() == null ? "" : briefing.step());
            step.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("margin-left", "var(--lumo-space-s)");
            cell.add(bar, step);
        } else if (briefing.status() == BriefingStatus.FAILED) {
            Span why = new Span(" " + briefing.failure());
            why.getStyle().set("color", "var(--lumo-error-text-color)").set("font-size", "var(--lumo-font-size-s)");
            cell.add(why);
        } else if (briefing.ready() && briefing.marking() != null) {
            Span marking = new Span(" " + briefing.marking());
            marking.getStyle().set("font-size", "var(--lumo-font-size-xs)");
            cell.add(marking);
        }
        return cell;
    }

    private Button deleteButton(BriefingSubscription subscription) {
        Button delete = new Button(VaadinIcon.TRASH.create(), click -> confirmDelete(subscription));
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        delete.setAriaLabel(getTranslation("briefing.subscriptions.deleteLabel." + subscription.frequency().name(),
                subscription.kind().title(getLocale())));
        delete.setTooltipText(getTranslation("briefing.subscriptions.deleteTooltip"));
        delete.addClassName("delete-subscription");
        return delete;
    }

    private void confirmDelete(BriefingSubscription subscription) {
        ConfirmDialog confirm = Localized.confirmDialog(getTranslation("briefing.subscriptions.deleteHeader"),
                getTranslation("briefing.subscriptions.deleteText." + subscription.frequency().name(),
                        subscription.kind().title(getLocale()), subscription.scope().describe(getLocale()),
                        subscription.subscriberName()), getTranslation("action.delete"));
        confirm.setId("confirm-delete-subscription");
        confirm.setCancelText(getTranslation("briefing.subscriptions.keep"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> {
            try {
                briefings.unsubscribe(subscription.id());
                Feedback.success(getTranslation("briefing.subscriptions.deleted"));
            } catch (NotAllowed notAllowed) {
                Feedback.show(notAllowed, Map.of(), this::refresh);
            }
            refresh();
        });
        confirm.open();
    }

    private void refresh() {
        List<Briefing> list = briefings.list();
        rows = grid.setItems(list);
        rows.setIdentifierProvider(Briefing::id);
        subscriptionGrid.setItems(briefings.subscriptions());
    }

    private void onEvent(BriefingEvent event) {
        if (event instanceof BriefingEvent.Progress p) {
            progress.put(p.briefingId(), p);
            Optional<Briefing> row = rows == null ? Optional.empty()
                    : rows.getItems().filter(b -> b.id().equals(p.briefingId())).findFirst();
            if (row.isPresent() && row.get().status() == BriefingStatus.RUNNING) {
                rows.refreshItem(row.get());
                return;
            }
        } else if (event instanceof BriefingEvent.Finished finished) {
            progress.remove(finished.briefingId());
        }
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("briefing.list.pageTitle");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        watching = briefings.watch(briefingEvent -> ui.access(() -> {
            try {
                onEvent(briefingEvent);
            } catch (RuntimeException e) {
                log.debug("Briefings list could not show {}", briefingEvent, e);
            }
        }));
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (watching != null) {
            try {
                watching.close();
            } catch (Exception e) {
                log.debug("Could not stop watching briefings", e);
            }
            watching = null;
        }
    }
}
