package org.entente.platform.ui;

import com.vaadin.flow.component.html.Paragraph;
import org.entente.platform.mail.MailServer;

/**
 * "E-mail is off" on the admin screens: without a mail server ({@code spring.mail.host} unset and no embedded one)
 * nobody is told anything by e-mail — an invited person is not sent a link, notifications reach the bell only — so an
 * administrator should know before relying on it. Invisible while e-mail is on.
 */
public class EmailOffNotice extends Paragraph {

    public EmailOffNotice(MailServer mail) {
        setId("email-off");
        setText(getTranslation("mail.off.notice"));
        setVisible(!mail.configured());
        getElement().setAttribute("role", "status");
        // Body text on a light tint, marked by the border: readable (contrast) whatever the theme's warning colours.
        getStyle().set("color", "var(--lumo-body-text-color)").set("background", "var(--lumo-contrast-5pct)")
                .set("border-left", "4px solid var(--lumo-error-color)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("margin", "0");
    }
}
