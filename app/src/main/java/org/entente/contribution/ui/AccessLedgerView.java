package org.entente.contribution.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.entente.contribution.ContributionAccess;
import org.entente.contribution.ContributionService;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Which partner organizations read or exported this organization's contributions, and below that whatever other
 * features record about others' use of the organization's data ({@link AccessLedgerSection}).
 */
@Route("access-ledger")
@PageTitle("Access ledger · Entente")
@Menu(title = "Access ledger", order = 10, icon = "vaadin:eye")
@PermitAll
public class AccessLedgerView extends VerticalLayout {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withZone(ZoneId.systemDefault());

    public AccessLedgerView(ContributionService contributions, ObjectProvider<AccessLedgerSection> sections) {
        setWidthFull();
        Grid<ContributionAccess> grid = new Grid<>(ContributionAccess.class, false);
        grid.setId("access-ledger");
        grid.addColumn(a -> WHEN.format(a.at())).setHeader("When").setAutoWidth(true);
        grid.addColumn(a -> a.reader().name()).setHeader("Organization").setAutoWidth(true);
        grid.addColumn(a -> a.action().toLowerCase()).setHeader("Action").setAutoWidth(true);
        grid.addColumn(ContributionAccess::workstreamTitle).setHeader("Workstream").setFlexGrow(2);
        grid.setItems(contributions.accessLedger(500));
        grid.setEmptyStateText("No other organization has read your contributions yet.");
        grid.setWidthFull();
        // A fixed height, not the page's: the sections other features add follow below it.
        grid.setHeight("28rem");
        add(new H1("Access ledger"), new Paragraph("Every time another partner organization lists or exports your "
                + "organization's contributions, it is recorded here."), grid);
        sections.orderedStream().flatMap(section -> section.create().stream()).forEach(this::add);
    }
}
