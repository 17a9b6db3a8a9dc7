package org.entente.workstream.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.PermitAll;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.entente.db.tenancy.ActorSource;
import org.entente.platform.live.LiveUpdates;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamService;

/**
 * Where partner staff land: their open invitations and workstreams, then what the other features add as
 * {@link HomeSection} beans, in their order (milestones due, measurements due, recent activity, …).
 */
@Route("")
@PageTitle("Home · Entente")
@Menu(title = "Home", order = 0, icon = "vaadin:home")
@PermitAll
public class DashboardView extends VerticalLayout {

    private final WorkstreamService workstreams;
    private final ActorSource actors;
    private final LiveUpdates live;
    private final Grid<Workstream> invitations = workstreamGrid("invitations", "No open invitations.");
    private final Grid<Workstream> mine = workstreamGrid("my-workstreams",
            "Your organization takes part in no workstream yet. Create one under Workstreams.");
    private final List<HomeSection.Part> sections;
    private Registration liveRegistration;

    public DashboardView(WorkstreamService workstreams, ActorSource actors, LiveUpdates live,
            List<HomeSection> sections) {
        this.workstreams = workstreams;
        this.actors = actors;
        this.live = live;
        this.sections = sections.stream().sorted(Comparator.comparingInt(HomeSection::order))
                .map(HomeSection::create).flatMap(Optional::stream).toList();
        add(new H1("Home"), new H2("Invitations"), invitations, new H2("My workstreams"), mine);
        this.sections.forEach(part -> add(part.component()));
        refresh();
    }

    private Grid<Workstream> workstreamGrid(String id, String empty) {
        Grid<Workstream> grid = new Grid<>(Workstream.class, false);
        grid.setId(id);
        grid.addColumn(Workstream::title).setHeader("Title").setFlexGrow(3);
        grid.addColumn(w -> w.kind().label()).setHeader("Kind").setAutoWidth(true);
        grid.addColumn(w -> w.status().label()).setHeader("Status").setAutoWidth(true);
        grid.addColumn(w -> w.lead().name()).setHeader("Lead").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(empty);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(WorkstreamView.class, e.getItem().id().toString())));
        return grid;
    }

    private void refresh() {
        invitations.setItems(workstreams.pendingInvitations());
        mine.setItems(workstreams.mine(20));
        sections.forEach(HomeSection.Part::refresh);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        actors.currentActor().ifPresent(actor ->
                liveRegistration = live.watchAll(event.getUI(), actor, change -> refresh()));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (liveRegistration != null) {
            liveRegistration.remove();
        }
    }
}
