package org.entente.event.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinServletRequest;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.entente.event.CalendarFeeds;
import org.entente.platform.i18n.Formats;
import org.entente.platform.i18n.ui.Localized;
import org.entente.platform.ui.AccountSection;
import org.entente.platform.ui.Feedback;
import org.springframework.core.annotation.Order;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** My account: the person's calendar feed address, shown once when made; revocable and regenerable. */
@org.springframework.stereotype.Component
@Order(100)
class CalendarFeedSection implements AccountSection {

    private final CalendarFeeds feeds;

    CalendarFeedSection(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    @Override
    public Optional<Component> create() {
        return Optional.of(new Section(feeds));
    }

    static final class Section extends VerticalLayout {

        private final CalendarFeeds feeds;
        private final Paragraph state = new Paragraph();
        private final TextField address = new TextField();
        private final Button make = new Button();
        private final Button revoke = new Button();

        Section(CalendarFeeds feeds) {
            this.feeds = feeds;
            setPadding(false);
            setId("calendar-feed");
            H2 heading = new H2(getTranslation("event.feed.heading"));
            state.setId("calendar-feed-state");
            address.setLabel(getTranslation("event.feed.address"));
            address.setReadOnly(true);
            address.setWidthFull();
            address.setHelperText(getTranslation("event.feed.once"));
            address.setId("calendar-feed-url");
            address.setVisible(false);
            make.setId("calendar-feed-create");
            make.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            make.addClickListener(click -> {
                if (feeds.mine().isPresent()) {
                    confirm("event.feed.regenerate.header", "event.feed.regenerate.text", "event.feed.regenerate",
                            this::makeNew);
                } else {
                    makeNew();
                }
            });
            revoke.setText(getTranslation("event.feed.revoke"));
            revoke.setId("calendar-feed-revoke");
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
            revoke.addClickListener(click -> confirm("event.feed.revoke.header", "event.feed.revoke.text",
                    "event.feed.revoke", () -> {
                        feeds.revoke();
                        address.setVisible(false);
                        Feedback.success(getTranslation("event.feed.revoked"));
                    }));
            add(heading, new Paragraph(getTranslation("event.feed.intro")), state, address,
                    new HorizontalLayout(make, revoke));
            refresh();
        }

        private void makeNew() {
            try {
                String token = feeds.create();
                address.setValue(base() + CalendarFeedEndpoint.PREFIX + token + ".ics");
                address.setVisible(true);
                refresh();
            } catch (RuntimeException failure) {
                Feedback.show(failure, Map.of(), this::refresh);
            }
        }

        private void confirm(String header, String text, String action, Runnable then) {
            ConfirmDialog dialog = Localized.confirmDialog(getTranslation(header), getTranslation(text),
                    getTranslation(action));
            dialog.setConfirmButtonTheme("error primary");
            dialog.addConfirmListener(e -> {
                then.run();
                refresh();
            });
            dialog.open();
        }

        private void refresh() {
            Optional<CalendarFeeds.FeedInfo> mine = feeds.mine();
            state.setText(mine.map(f -> getTranslation("event.feed.active",
                    Formats.dateTimeUtc(getLocale(), f.createdAt().atOffset(ZoneOffset.UTC)),
                    f.lastUsedAt() == null ? getTranslation("event.feed.neverUsed")
                            : Formats.dateTimeUtc(getLocale(), f.lastUsedAt().atOffset(ZoneOffset.UTC))))
                    .orElse(getTranslation("event.feed.none")));
            make.setText(getTranslation(mine.isPresent() ? "event.feed.regenerate" : "event.feed.create"));
            revoke.setVisible(mine.isPresent());
        }

        /** The app's own address as the browser reached it (scheme, host, port, context path). */
        private static String base() {
            VaadinServletRequest request = VaadinServletRequest.getCurrent() instanceof VaadinServletRequest r ? r : null;
            return request == null ? "" : ServletUriComponentsBuilder.fromContextPath(request.getHttpServletRequest())
                    .replacePath(request.getHttpServletRequest().getContextPath()).build().toUriString();
        }
    }
}
