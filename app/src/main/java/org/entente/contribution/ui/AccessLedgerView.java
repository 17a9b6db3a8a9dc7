package org.entente.contribution.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.entente.contribution.ContributionAccess;
import org.entente.contribution.ContributionService;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Which partner organizations read or exported this organization's contributions, and below that whatever other
 * features record about others' use of the organization's data ({@link AccessLedgerSection}).
 */
@Route("access-ledger")
@Menu(title = "Access ledger", order = 10, icon = "vaadin:eye")
@PermitAll
public class AccessLedgerView extends VerticalLayout implements HasDynamicTitle {

    public AccessLedgerView(ContributionService contributions, ObjectProvider<AccessLedgerSection> sections) {
        setWidthFull();
        DateTimeFormatter when = when(getLocale());
        Grid<ContributionAccess> grid = new Grid<>(ContributionAccess.class, false);
        grid.setId("access-ledger");
        grid.addColumn(a -> when.format(a.at()))
                .setHeader(getTranslation("contribution.ledger.when")).setAutoWidth(true);
        grid.addColumn(a -> a.reader().name()).setHeader(getTranslation("contribution.ledger.organization"))
                .setAutoWidth(true);
        grid.addColumn(a -> getTranslation("contribution.ledger.action." + a.action())).setHeader(
                getTranslation("contribution.ledger.action")).setAutoWidth(true);
        grid.addColumn(a -> a.workstreamTitle() == null ? getTranslation("contribution.ledger.noLongerShared")
                : a.workstreamTitle()).setHeader(getTranslation("contribution.ledger.workstream")).setFlexGrow(2);
        grid.setItems(contributions.accessLedger(500));
        grid.setEmptyStateText(getTranslation("contribution.ledger.empty"));
        grid.setWidthFull();
        // A fixed height, not the page's: the sections other features add follow below it.
        grid.setHeight("28rem");
        add(new H1(getTranslation("contribution.ledger.title")), new Paragraph(getTranslation("contribution.ledger.intro")),
                grid);
        sections.orderedStream().flatMap(section -> section.create().stream()).forEach(this::add);
    }

    /** Date and time of an access in the reader's language and the server's zone, as before ("7 Dec 2026, 14:05:09"). */
    public static DateTimeFormatter when(Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale).withZone(ZoneId.systemDefault());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("contribution.ledger.pageTitle");
    }
}
