package org.entente.workstream.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.PermitAll;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.entente.db.tenancy.ActorSource;
import org.entente.platform.i18n.Translations;
import org.entente.platform.live.LiveUpdates;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamService;

/**
 * Where partner staff land: their open invitations and workstreams, then what the other features add as
 * {@link HomeSection} beans, in their order (milestones due, measurements due, recent activity, …).
 */
@Route("")
@Menu(title = "Home", order = 0, icon = "vaadin:home")
@PermitAll
public class DashboardView extends VerticalLayout implements HasDynamicTitle {

    private final WorkstreamService workstreams;
    private final ActorSource actors;
    private final LiveUpdates live;
    private final Grid<Workstream> invitations = workstreamGrid("invitations", "workstream.home.noInvitations");
    private final Grid<Workstream> mine = workstreamGrid("my-workstreams", "workstream.home.noWorkstreams");
    private final List<HomeSection.Part> sections;
    private Registration liveRegistration;

    public DashboardView(WorkstreamService workstreams, ActorSource actors, LiveUpdates live,
            List<HomeSection> sections) {
        this.workstreams = workstreams;
        this.actors = actors;
        this.live = live;
        this.sections = sections.stream().sorted(Comparator.comparingInt(HomeSection::order))
                .map(HomeSection::create).flatMap(Optional::stream).toList();
        add(new H1(getTranslation("workstream.home.heading")), new H2(getTranslation("workstream.home.invitations")),
                invitations, new H2(getTranslation("workstream.home.mine")), mine);
        this.sections.forEach(part -> add(part.component()));
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("workstream.home.title");
    }

    private Grid<Workstream> workstreamGrid(String id, String emptyKey) {
        Grid<Workstream> grid = new Grid<>(Workstream.class, false);
        grid.setId(id);
        // The title takes the room left: the other columns keep to their content, which French makes longer
        // (« Engagement avec un partenaire non étatique »), so that the title is not squeezed to a few letters.
        grid.addColumn(Workstream::title).setHeader(getTranslation("workstream.column.title"))
                .setWidth("16rem").setFlexGrow(1).setTooltipGenerator(Workstream::title);
        grid.addColumn(w -> getTranslation(Translations.enumKey(w.kind())))
                .setHeader(getTranslation("workstream.column.kind")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(w -> getTranslation(Translations.enumKey(w.status())))
                .setHeader(getTranslation("workstream.column.status")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(w -> w.lead().name()).setHeader(getTranslation("workstream.column.lead")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation(emptyKey));
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
