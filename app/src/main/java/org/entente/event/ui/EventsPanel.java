package org.entente.event.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.entente.event.CalendarExport;
import org.entente.event.Event;
import org.entente.event.EventService;
import org.entente.event.EventStatus;
import org.entente.event.RegistrationExport;
import org.entente.event.RegistrationService;
import org.entente.event.RegistrationStatus;
import org.entente.platform.i18n.Translations;
import org.entente.platform.i18n.ui.Localized;
import org.entente.platform.ui.Feedback;
import org.entente.workstream.WorkstreamService;
import org.entente.workstream.ui.WorkstreamTab;

/**
 * The workstream's events: when (in the event's zone and the viewer's), where, seats, and what the viewer may do —
 * the lead plans, edits and cancels; a participant's people register; everyone downloads an event's .ics.
 */
class EventsPanel extends VerticalLayout {

    private final WorkstreamTab.Context context;
    private final EventService events;
    private final RegistrationService registrations;
    private final CalendarExport calendars;
    private final RegistrationExport export;
    private final WorkstreamService workstreams;
    private final Grid<Event> grid = new Grid<>(Event.class, false);
    /** The viewer's zone, from their browser once it has told; the server's until then. */
    private ZoneId viewerZone = ZoneId.of("UTC");

    EventsPanel(WorkstreamTab.Context context, EventService events, RegistrationService registrations,
            CalendarExport calendars, RegistrationExport export, WorkstreamService workstreams) {
        this.context = context;
        this.events = events;
        this.registrations = registrations;
        this.calendars = calendars;
        this.export = export;
        this.workstreams = workstreams;
        setPadding(false);
        if (context.lead()) {
            Button create = new Button(getTranslation("event.new"), click -> openEditor(null));
            create.setId("new-event");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(create);
        }
        grid.setId("events");
        grid.addColumn(Event::title).setHeader(getTranslation("event.field.title")).setFlexGrow(2);
        grid.addColumn(e -> getTranslation(Translations.enumKey(e.type()))).setHeader(getTranslation("event.field.type"))
                .setAutoWidth(true);
        // Both times in one column: the event's local time, and the viewer's (their browser's zone).
        grid.addComponentColumn(e -> {
            VerticalLayout when = new VerticalLayout(
                    new Span(getTranslation("event.when.local", EventTimes.local(getLocale(), e))),
                    new Span(getTranslation("event.when.yours", EventTimes.viewer(getLocale(), e, viewerZone))));
            when.setPadding(false);
            when.setSpacing(false);
            return when;
        }).setHeader(getTranslation("event.column.when")).setWidth("20rem").setFlexGrow(1);
        grid.addComponentColumn(this::where).setHeader(getTranslation("event.field.location")).setFlexGrow(1);
        grid.addComponentColumn(e -> {
            Span status = new Span(getTranslation(Translations.enumKey(e.status())));
            status.getElement().getThemeList().add(e.status() == EventStatus.CANCELLED ? "badge error" : "badge");
            return status;
        }).setHeader(getTranslation("event.column.status")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("event.column.actions")).setWidth("16rem")
                .setFlexGrow(0).setFrozenToEnd(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText(getTranslation("event.empty"));
        grid.setAllRowsVisible(true);
        add(grid);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        attach.getUI().getPage().retrieveExtendedClientDetails(details -> {
            try {
                viewerZone = ZoneId.of(details.getTimeZoneId());
            } catch (RuntimeException unknown) {
                return; // keep UTC: an unknown or missing zone from the browser
            }
            refresh();
        });
    }

    private com.vaadin.flow.component.Component where(Event e) {
        VerticalLayout where = new VerticalLayout();
        where.setPadding(false);
        where.setSpacing(false);
        if (!e.locationName().isEmpty()) {
            where.add(new Span(e.locationName()));
        }
        if (e.onlineLink() != null) {
            // Only http(s) links reach here (service and schema check); the page never builds a javascript: link.
            Anchor link = new Anchor(e.onlineLink(), getTranslation("event.online"));
            link.setTarget("_blank");
            link.getElement().setAttribute("rel", "noopener noreferrer");
            where.add(link);
        }
        return where;
    }

    private com.vaadin.flow.component.Component actions(Event e) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(true);
        actions.setWrap(true);
        RegistrationStatus mine = registrations.mine().get(e.id());
        if (mine != null) {
            Span badge = new Span(getTranslation(Translations.enumKey(mine)));
            badge.getElement().getThemeList().add(mine == RegistrationStatus.REGISTERED ? "badge success" : "badge contrast");
            badge.setId("my-registration-" + e.id());
            actions.add(badge);
        }
        if (e.openForRegistration(events.now())) {
            if (mine == null) {
                actions.add(small(getTranslation("event.register"), "register-" + e.id(), () -> {
                    RegistrationStatus got = registrations.registerMe(e);
                    Feedback.success(getTranslation(got == RegistrationStatus.REGISTERED ? "event.registered"
                            : "event.waiting"));
                }));
            } else {
                actions.add(small(getTranslation("event.cancelMine"), "cancel-registration-" + e.id(), () -> {
                    registrations.cancelMine(e);
                    Feedback.success(getTranslation("event.registrationCancelled"));
                }));
            }
        }
        actions.add(small(getTranslation("event.registrations"), "registrations-" + e.id(),
                () -> new RegistrationsDialog(e, context, registrations, events, export, this::refresh).open()));
        Anchor ics = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] file = calendars.single(e);
            return new DownloadResponse(new ByteArrayInputStream(file), CalendarExport.fileName(e), CalendarExport.TYPE,
                    file.length);
        }), getTranslation("event.downloadIcs"));
        ics.setDownload(true);
        ics.setId("ics-" + e.id());
        actions.add(ics);
        if (context.lead() && e.status() == EventStatus.SCHEDULED) {
            actions.add(small(getTranslation("event.edit"), "edit-event-" + e.id(), () -> openEditor(e)));
            Button cancel = new Button(getTranslation("event.cancel"), click -> confirmCancel(e));
            cancel.setId("cancel-event-" + e.id());
            cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            actions.add(cancel);
        }
        return actions;
    }

    private Button small(String text, String id, Runnable action) {
        Button button = new Button(text, click -> {
            try {
                action.run();
            } catch (RuntimeException failure) {
                Feedback.show(failure, Map.of(), this::refresh);
            }
            refresh();
        });
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    private void confirmCancel(Event e) {
        ConfirmDialog confirm = Localized.confirmDialog(getTranslation("event.cancel.header", e.title()),
                getTranslation("event.cancel.text"), getTranslation("event.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.setId("confirm-cancel-event");
        confirm.addConfirmListener(click -> {
            try {
                events.cancel(e);
                Feedback.success(getTranslation("event.cancelled", e.title()));
            } catch (RuntimeException failure) {
                Feedback.show(failure, Map.of(), this::refresh);
            }
            refresh();
        });
        confirm.open();
    }

    private void openEditor(Event current) {
        new EventDialog(context, current, events, workstreams, this::refresh).open();
    }

    void refresh() {
        List<Event> list = events.of(context.workstream().ref());
        grid.setItems(list);
        // The rows' registration badges and buttons change while the event itself does not: draw every row anew.
        grid.getDataProvider().refreshAll();
    }

}
