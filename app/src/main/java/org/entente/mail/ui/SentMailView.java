package org.entente.mail.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.entente.mail.SentMail;
import org.entente.mail.SentMailbox;
import org.entente.platform.i18n.Formats;

/**
 * The platform operator's read-only window on the embedded SMTP server of {@code ./entente run}: every mail the app
 * and its Keycloak sent (to, subject, time), the text on clicking a row. Nothing leaves the machine in that mode, so
 * this is where a demo's invitations and mentions are read.
 */
@Route("sent-mail")
@Menu(title = "Sent mail", order = 12, icon = "vaadin:envelopes")
@RolesAllowed("platform-admin")
public class SentMailView extends VerticalLayout implements HasDynamicTitle {

    public SentMailView(SentMailbox mailbox) {
        setSizeFull();
        Grid<SentMail> grid = new Grid<>(SentMail.class, false);
        grid.setId("sent-mail");
        grid.addColumn(m -> m.sentAt() == null ? "" : Formats.dateTimeUtc(getLocale(), m.sentAt()))
                .setHeader(getTranslation("mail.sent.column.when")).setAutoWidth(true).setFlexGrow(0);
        // The subject is what one looks for: it gets the room, addresses wrap to what is left.
        grid.addColumn(SentMail::to).setHeader(getTranslation("mail.sent.column.to")).setWidth("16em").setFlexGrow(1);
        grid.addColumn(SentMail::subject).setHeader(getTranslation("mail.sent.column.subject")).setWidth("24em")
                .setFlexGrow(3);
        grid.addColumn(SentMail::from).setHeader(getTranslation("mail.sent.column.from")).setWidth("12em").setFlexGrow(1);
        // The body as text (a Pre escapes it): a mail's HTML is user content and is never rendered here.
        grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(m -> {
            Pre body = new Pre(m.body());
            body.getStyle().set("white-space", "pre-wrap").set("margin", "0");
            return body;
        }));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(getTranslation("mail.sent.empty"));
        grid.setItems(mailbox.newestFirst());
        grid.setSizeFull();

        Paragraph about = new Paragraph(getTranslation(mailbox.embedded() ? "mail.sent.embedded" : "mail.sent.notEmbedded"));
        about.setId("sent-mail-about");
        add(new H1(getTranslation("mail.sent.heading")), about, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("mail.sent.title");
    }
}
