package org.entente.platform.audit.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.entente.platform.audit.AuditChain;
import org.entente.platform.audit.AuditTrail;

/** For tenant administrators: everything their organization's people created, changed or downloaded. */
@Route("audit-log")
@PageTitle("Audit log · Entente")
@Menu(title = "Audit log", order = 20, icon = "vaadin:records")
@RolesAllowed(AuditTrail.TENANT_ADMIN)
public class AuditLogView extends VerticalLayout {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withZone(ZoneId.systemDefault());

    public AuditLogView(AuditTrail audit, AuditChain chain) {
        setSizeFull();
        Grid<AuditTrail.Entry> grid = new Grid<>(AuditTrail.Entry.class, false);
        grid.setId("audit-log");
        grid.addColumn(e -> WHEN.format(e.at())).setHeader("When").setAutoWidth(true);
        grid.addColumn(AuditTrail.Entry::action).setHeader("Action").setAutoWidth(true);
        grid.addColumn(AuditTrail.Entry::entityType).setHeader("Record").setAutoWidth(true);
        grid.addColumn(e -> e.entityId() == null ? "" : e.entityId()).setHeader("Id").setAutoWidth(true);
        grid.addColumn(e -> e.actorId() == null ? "system" : e.actorId().toString()).setHeader("Actor").setAutoWidth(true);
        grid.addColumn(AuditTrail.Entry::details).setHeader("Before / after").setFlexGrow(3);
        grid.setItems(page -> audit.recent(page.getOffset(), page.getLimit()).stream(), page -> audit.count());
        grid.setEmptyStateText("Nothing recorded yet.");
        grid.setSizeFull();
        add(new H1("Audit log"), new Paragraph("Append-only: entries can be neither changed nor deleted."),
                tamperCheck(chain.ofOwnOrganization()), grid);
    }

    /** The hash chain's verdict, in words: intact, or where it first breaks. */
    static Paragraph tamperCheck(AuditChain.Status status) {
        Paragraph line = new Paragraph();
        line.setId("audit-chain");
        if (status.intact()) {
            line.setText("Tamper check: the chain of " + status.events() + " entries is intact.");
            line.getStyle().set("color", "var(--lumo-success-text-color)");
        } else {
            AuditChain.Break first = status.firstBreak().orElseThrow();
            line.setText("Tamper check failed: entry " + first.position() + " (id " + first.eventId() + ") "
                    + first.problem() + ". Entries from there on cannot be trusted; tell your platform administrator.");
            line.getStyle().set("color", "var(--lumo-error-text-color)");
        }
        return line;
    }
}
