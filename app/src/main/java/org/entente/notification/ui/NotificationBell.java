package org.entente.notification.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.popover.PopoverPosition;
import com.vaadin.flow.shared.Registration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.entente.db.tenancy.ActorSource;
import org.entente.notification.Notification;
import org.entente.notification.NotificationService;
import org.entente.platform.i18n.Language;
import org.entente.platform.live.LiveUpdates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The navbar bell: the signed-in member's unread count, kept current by server push, and a popover with
 * the latest notifications linking to their workstreams.
 */
public class NotificationBell extends Div {

    private static final Logger log = LoggerFactory.getLogger(NotificationBell.class);
    private static final int SHOWN = 20;
    /** Where briefing notifications lead (the briefing feature's list). */
    static final String BRIEFINGS_ROUTE = "briefings";

    private final NotificationService notifications;
    private final LiveUpdates live;
    private final ActorSource actors;
    private final Button bell = new Button(VaadinIcon.BELL.create());
    private final Span count = new Span();
    private final Popover popover = new Popover();
    private final Div list = new Div();
    private Registration liveRegistration;
    private Registration notificationRegistration;

    public NotificationBell(NotificationService notifications, LiveUpdates live, ActorSource actors) {
        this.notifications = notifications;
        this.live = live;
        this.actors = actors;
        bell.setId("notification-bell");
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        count.setId("notification-count");
        count.getElement().getThemeList().add("badge error primary small pill");
        count.getStyle().set("position", "absolute").set("top", "-0.55em").set("left", "60%")
                .set("pointer-events", "none");
        getStyle().set("position", "relative").set("display", "inline-flex")
                .set("margin-right", "var(--lumo-space-s)");
        add(bell, count);

        list.setId("notification-list");
        list.setWidth("26rem");
        list.getStyle().set("max-height", "60vh").set("overflow", "auto");
        popover.setTarget(bell);
        popover.setPosition(PopoverPosition.BOTTOM_END);
        popover.addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                renderList();
            }
        });
        popover.add(list);
        add(popover);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        try {
            notifications.remindOfMilestones();
        } catch (RuntimeException e) {
            log.warn("Could not compute milestone reminders", e); // never keep the workspace from opening
        }
        refreshCount();
        actors.currentActor().ifPresent(actor -> liveRegistration = live.watchAll(event.getUI(), actor, change -> {
            refreshCount();
            if (popover.isOpened()) {
                renderList();
            }
        }));
        actors.currentActor().ifPresent(actor -> notificationRegistration = live.watchNotifications(event.getUI(), actor,
                () -> {
                    refreshCount();
                    if (popover.isOpened()) {
                        renderList();
                    }
                }));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (liveRegistration != null) {
            liveRegistration.remove();
            liveRegistration = null;
        }
        if (notificationRegistration != null) {
            notificationRegistration.remove();
            notificationRegistration = null;
        }
    }

    private void refreshCount() {
        int unread = notifications.unreadCount();
        count.setText(unread > 99 ? "99+" : String.valueOf(unread));
        count.setVisible(unread > 0);
        bell.setAriaLabel(getTranslation("notification.bell.ariaLabel", unread));
        bell.setTooltipText(getTranslation("notification.bell.tooltip", unread));
    }

    private void renderList() {
        list.removeAll();
        H4 heading = new H4(getTranslation("notification.bell.heading"));
        heading.getStyle().set("margin", "0");
        Button markAll = new Button(getTranslation("notification.bell.markAllRead"), click -> {
            notifications.markAllRead();
            refreshCount();
            renderList();
        });
        markAll.setId("mark-all-read");
        markAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        HorizontalLayout header = new HorizontalLayout(heading, markAll);
        header.setWidthFull();
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        list.add(header);
        List<Notification> latest = notifications.latest(SHOWN);
        if (latest.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("notification.bell.empty"));
            empty.setId("notifications-empty");
            empty.getStyle().set("color", "var(--lumo-secondary-text-color)");
            list.add(empty);
            return;
        }
        latest.forEach(n -> list.add(item(n)));
    }

    private Component item(Notification notification) {
        Span kind = new Span(getTranslation("notification.kind." + notification.kind().name()));
        kind.getElement().getThemeList().add(switch (notification.kind()) {
            case MILESTONE_OVERDUE, BRIEFING_FAILED -> "badge error small";
            case BRIEFING_READY -> "badge success small";
            default -> "badge small";
        });
        // Day and month only, as recent notifications need no year: "7 Dec, 14:05 UTC" / "7 déc., 14:05 UTC".
        Locale locale = Language.orDefault(getLocale()).locale();
        Span time = new Span(DateTimeFormatter.ofPattern("d MMM, HH:mm 'UTC'", locale)
                .format(notification.createdAt().atZoneSameInstant(ZoneOffset.UTC)));
        time.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-xs)");
        Div text = new Div(notification.text(getLocale()));
        text.getStyle().set("font-weight", notification.unread() ? "600" : "400");
        Div item = new Div(new HorizontalLayout(kind, time), text);
        item.addClassName("notification");
        item.addClassName(notification.unread() ? "unread" : "read");
        item.getStyle().set("padding", "var(--lumo-space-s)").set("cursor", "pointer")
                .set("border-top", "1px solid var(--lumo-contrast-10pct)");
        item.addClickListener(click -> {
            if (notification.unread()) {
                notifications.markRead(notification.id());
                refreshCount();
            }
            popover.close();
            if (notification.workstream() != null) {
                getUI().ifPresent(ui -> ui.navigate("workstream/" + notification.workstream().id()));
            } else if (notification.kind() == org.entente.workstream.Notifications.Kind.BRIEFING_READY
                    || notification.kind() == org.entente.workstream.Notifications.Kind.BRIEFING_FAILED) {
                getUI().ifPresent(ui -> ui.navigate(BRIEFINGS_ROUTE)); // the feature's list; a route, not a class
            } else {
                renderList();
            }
        });
        return item;
    }
}
