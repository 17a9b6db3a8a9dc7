package org.entente.platform.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.entente.platform.database.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In-page actions (a click, a save, a tab that loads data) that fail because the database is down: the
 * page stays as it is, with the person's input, and a notification says nothing was saved. Navigation
 * gets the same message from {@link UnexpectedErrorView}. Other failures go to Vaadin's default handler.
 */
@org.springframework.stereotype.Component
class DatabaseOutageHandler implements VaadinServiceInitListener, ErrorHandler {

    static final String MESSAGE_KEY = "platform.databaseUnavailable.action";

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageHandler.class);

    private final ErrorHandler otherwise = new DefaultErrorHandler();

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        Throwable failure = event.getThrowable();
        UI ui = UI.getCurrent() != null ? UI.getCurrent()
                : event.getComponent().flatMap(Component::getUI).orElse(null);
        if (ui == null || !DatabaseUnavailable.explains(failure)) {
            otherwise.error(event);
            return;
        }
        log.warn("Action not completed, database unavailable: {}", failure.toString());
        if (ui == UI.getCurrent()) {
            tell();
        } else {
            ui.access(DatabaseOutageHandler::tell);
        }
    }

    private static void tell() {
        Notification notification = Notification.show(UI.getCurrent().getTranslation(MESSAGE_KEY), 10000,
                Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.setId("database-unavailable-notification");
    }
}
