package org.entente.mail.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Map;
import org.entente.mail.Delivery;
import org.entente.mail.MailPreferences;
import org.entente.mail.OutboxSender;
import org.entente.platform.i18n.Text;
import org.entente.platform.i18n.Translations;
import org.entente.platform.ui.Feedback;
import org.entente.workstream.Notifications;

/**
 * My account, reached from the user menu beside the language choice: how each kind of notification is mailed to
 * the signed-in person (immediately, in the daily digest, or not at all). One radio group per kind: Tab moves between
 * kinds, the arrow keys between the three choices, and each choice is saved (and audited) as it is made.
 */
@Route("account")
@PermitAll
public class MyAccountView extends VerticalLayout implements HasDynamicTitle {

    public MyAccountView(MailPreferences preferences, OutboxSender sender,
            java.util.List<org.entente.platform.ui.AccountSection> sections) {
        add(new H1(getTranslation("account.heading")));
        H2 heading = new H2(getTranslation("mail.preferences.heading"));
        heading.setId("mail-preferences-heading");
        add(heading, new Paragraph(getTranslation("mail.preferences.intro")));
        if (!sender.enabled()) {
            Paragraph off = new Paragraph(getTranslation("mail.preferences.emailOff"));
            off.setId("mail-off");
            add(off);
        }
        Map<Notifications.Kind, Delivery> mine = preferences.mine();
        VerticalLayout kinds = new VerticalLayout();
        kinds.setId("mail-preferences");
        kinds.setPadding(false);
        mine.forEach((kind, delivery) -> {
            RadioButtonGroup<Delivery> choice = new RadioButtonGroup<>(getTranslation("notification.kind." + kind.name()));
            choice.setId("mail-preference-" + kind.name());
            choice.setItems(Delivery.values());
            choice.setItemLabelGenerator(d -> Translations.label(getLocale(), d));
            choice.setValue(delivery);
            choice.addValueChangeListener(event -> {
                if (!event.isFromClient() || event.getValue() == null) {
                    return;
                }
                try {
                    preferences.change(kind, event.getValue());
                    Feedback.success(Text.of("mail.preferences.saved",
                            getTranslation("notification.kind." + kind.name()),
                            Translations.label(getLocale(), event.getValue())));
                } catch (RuntimeException e) {
                    choice.setValue(event.getOldValue());
                    Feedback.show(e, Map.of(), () -> { });
                }
            });
            kinds.add(choice);
        });
        add(kinds);
        sections.forEach(section -> section.create().ifPresent(this::add));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.title");
    }
}
