package org.entente.workstream.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import org.entente.activity.ActivityFeed;
import org.entente.db.tenancy.ActorSource;
import org.entente.milestone.Milestone;
import org.entente.milestone.MilestoneService;
import org.entente.platform.live.LiveUpdates;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamService;

/** Where partner staff land: their workstreams, open invitations, and milestones that need attention. */
@Route("")
@PageTitle("Home · Entente")
@Menu(title = "Home", order = 0, icon = "vaadin:home")
@PermitAll
public class DashboardView extends VerticalLayout {

    private static final int DUE_WITHIN_DAYS = 14;

    private final WorkstreamService workstreams;
    private final MilestoneService milestones;
    private final ActorSource actors;
    private final LiveUpdates live;
    private final Grid<Workstream> invitations = workstreamGrid("invitations", "No open invitations.");
    private final Grid<Workstream> mine = workstreamGrid("my-workstreams",
            "Your organization takes part in no workstream yet. Create one under Workstreams.");
    private final Grid<Milestone> due = new Grid<>(Milestone.class, false);
    private final ActivityFeed activity;
    private final ActivityList recent;
    private Registration liveRegistration;

    public DashboardView(WorkstreamService workstreams, MilestoneService milestones, ActorSource actors,
            LiveUpdates live, ActivityFeed activity) {
        this.workstreams = workstreams;
        this.milestones = milestones;
        this.actors = actors;
        this.live = live;
        this.activity = activity;
        this.recent = new ActivityList("recent-activity", true, java.util.List.of());
        LocalDate today = milestones.today();
        due.setId("due-milestones");
        due.addColumn(Milestone::title).setHeader("Milestone").setFlexGrow(2);
        due.addColumn(m -> m.owner().name()).setHeader("Owner").setAutoWidth(true);
        due.addColumn(Milestone::plannedDate).setHeader("Planned").setAutoWidth(true);
        due.addComponentColumn(m -> {
            Span state = new Span(m.overdueOn(today) ? "Overdue" : "Due soon");
            state.getElement().getThemeList().add(m.overdueOn(today) ? "badge error" : "badge");
            return state;
        }).setHeader("").setAutoWidth(true);
        due.setAllRowsVisible(true);
        due.setEmptyStateText("Nothing overdue or due in the next " + DUE_WITHIN_DAYS + " days.");

        add(new H1("Home"), new H2("Invitations"), invitations, new H2("My workstreams"), mine,
                new H2("Milestones overdue or due soon"), due, new H2("Recent activity"), recent);
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
        due.setItems(milestones.dueOrOverdue(DUE_WITHIN_DAYS));
        recent.setItems(activity.recent(15));
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
