package org.entente.event.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import org.entente.event.CalendarExport;
import org.entente.event.EventService;
import org.entente.event.RegistrationExport;
import org.entente.event.RegistrationService;
import org.entente.workstream.WorkstreamService;
import org.entente.workstream.ui.WorkstreamTab;

/** Puts the Events tab on the workstream page, after Milestones. */
@org.springframework.stereotype.Component
class EventsTab implements WorkstreamTab {

    private final EventService events;
    private final RegistrationService registrations;
    private final CalendarExport calendars;
    private final RegistrationExport export;
    private final WorkstreamService workstreams;

    EventsTab(EventService events, RegistrationService registrations, CalendarExport calendars,
            RegistrationExport export, WorkstreamService workstreams) {
        this.events = events;
        this.registrations = registrations;
        this.calendars = calendars;
        this.export = export;
        this.workstreams = workstreams;
    }

    @Override
    public int order() {
        return 320;
    }

    @Override
    public String key() {
        return "events";
    }

    @Override
    public Optional<Component> create(Context context) {
        return Optional.of(new EventsPanel(context, events, registrations, calendars, export, workstreams));
    }
}
