package org.entente.platform.audit.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import org.entente.platform.audit.AuditChain;
import org.entente.platform.audit.AuditTrail;
import org.entente.platform.i18n.Formats;
import org.entente.platform.i18n.Translations;

/** For tenant administrators: everything their organization's people created, changed or downloaded. */
@Route("audit-log")
@Menu(title = "Audit log", order = 20, icon = "vaadin:records")
@RolesAllowed(AuditTrail.TENANT_ADMIN)
public class AuditLogView extends VerticalLayout implements HasDynamicTitle {

    public AuditLogView(AuditTrail audit, AuditChain chain) {
        setSizeFull();
        Grid<AuditTrail.Entry> grid = new Grid<>(AuditTrail.Entry.class, false);
        grid.setId("audit-log");
        grid.addColumn(e -> Formats.dateTimeUtc(getLocale(), e.at())).setHeader(getTranslation("audit.log.column.when")).setAutoWidth(true);
        grid.addColumn(e -> word(getLocale(), "audit.action.", e.action()))
                .setHeader(getTranslation("audit.log.column.action")).setAutoWidth(true);
        grid.addColumn(e -> word(getLocale(), "audit.record.", e.entityType()))
                .setHeader(getTranslation("audit.log.column.record")).setAutoWidth(true);
        grid.addColumn(e -> e.entityId() == null ? "" : e.entityId()).setHeader(getTranslation("audit.log.column.id")).setAutoWidth(true);
        grid.addColumn(e -> e.actorId() == null ? getTranslation("audit.log.system") : e.actorId().toString())
                .setHeader(getTranslation("audit.log.column.actor")).setAutoWidth(true);
        grid.addColumn(AuditTrail.Entry::details).setHeader(getTranslation("audit.log.column.details")).setFlexGrow(3);
        grid.setItems(page -> audit.recent(page.getOffset(), page.getLimit()).stream(), page -> audit.count());
        grid.setEmptyStateText(getTranslation("audit.log.empty"));
        grid.setSizeFull();
        add(new H1(getTranslation("audit.log.heading")), new Paragraph(getTranslation("audit.log.appendOnly")),
                tamperCheck(chain.ofOwnOrganization(), getLocale()), grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.log.title");
    }

    /**
     * An action ({@code MEMBER_ROLE_GRANTED}) or record type ({@code tenant_capacity}) in the reader's language. The
     * stored code is what the trail holds and what English shows; a code without a translation (a new one) reads as
     * stored. The details stay as stored: they are the record's data.
     */
    static String word(Locale locale, String prefix, String code) {
        if (code == null) {
            return "";
        }
        return Translations.has(prefix + code) ? Translations.text(locale, prefix + code) : code;
    }

    /** The hash chain's verdict, in words: intact, or where it first breaks. */
    static Paragraph tamperCheck(AuditChain.Status status, Locale locale) {
        Paragraph line = new Paragraph();
        line.setId("audit-chain");
        if (status.intact()) {
            line.setText(Translations.text(locale, "audit.chain.intact", status.events()));
            line.getStyle().set("color", "var(--lumo-success-text-color)");
        } else {
            AuditChain.Break first = status.firstBreak().orElseThrow();
            line.setText(Translations.text(locale, "audit.chain.broken", first.position(), String.valueOf(first.eventId()),
                    first.problemText().in(locale)));
            line.getStyle().set("color", "var(--lumo-error-text-color)");
        }
        return line;
    }
}
