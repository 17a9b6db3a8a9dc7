package org.entente.platform.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.UI;
import java.util.Locale;
import java.util.Map;
import org.entente.db.tenancy.TenantNotActiveException;
import org.entente.platform.i18n.Text;
import org.entente.platform.validation.ConcurrentEditException;
import org.entente.platform.validation.InvalidInput;
import org.entente.platform.validation.NotAllowed;

/** The one way views tell people what happened: field messages, notifications, reload offers. */
public final class Feedback {

    private Feedback() {
    }

    public static void success(String message) {
        Notification notification = Notification.show(message, 4000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    /** A service's message (a translation key and its arguments) in the page's language. */
    public static void error(Text message) {
        error(message.in(UI.getCurrent().getLocale()));
    }

    public static void success(Text message) {
        success(message.in(UI.getCurrent().getLocale()));
    }

    public static void error(String message) {
        Notification notification = Notification.show(message, 8000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /**
     * Shows a service's refusal: field errors next to their fields (the rest as a notification), a
     * concurrent edit with a Reload button. Returns false so callers can write {@code if (!ok) return}.
     */
    public static boolean show(RuntimeException failure, Map<String, ? extends HasValidation> fields, Runnable reload) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TenantNotActiveException) {
                // The organization was suspended or offboarded while this page was open.
                UI.getCurrent().navigate(OrganizationUnavailableView.class);
                return false;
            }
        }
        switch (failure) {
            case InvalidInput invalid -> {
                StringBuilder unplaced = new StringBuilder();
                Locale locale = UI.getCurrent().getLocale();
                invalid.fieldTexts().forEach((field, text) -> {
                    String message = text.in(locale);
                    HasValidation target = fields.get(field);
                    if (target != null) {
                        target.setErrorMessage(message);
                        target.setInvalid(true);
                    } else {
                        unplaced.append(message).append(' ');
                    }
                });
                if (!unplaced.isEmpty()) {
                    error(unplaced.toString().strip());
                }
            }
            case ConcurrentEditException concurrent -> {
                Notification notification = new Notification();
                notification.addThemeVariants(NotificationVariant.LUMO_WARNING);
                notification.setPosition(Notification.Position.MIDDLE);
                Button reloadButton = new Button(UI.getCurrent().getTranslation("action.reload"), click -> {
                    notification.close();
                    reload.run();
                });
                reloadButton.setId("reload-after-conflict");
                reloadButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                Button close = new Button(UI.getCurrent().getTranslation("action.close"), click -> notification.close());
                notification.add(new HorizontalLayout(new Span(concurrent.text().in(UI.getCurrent().getLocale())), reloadButton, close));
                notification.open();
            }
            case NotAllowed notAllowed -> error(notAllowed.text());
            default -> throw failure;
        }
        return false;
    }

    /** Clears earlier field messages before a new attempt. */
    public static void clear(Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(field -> field.setInvalid(false));
    }
}
