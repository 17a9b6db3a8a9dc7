package org.entente.platform.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.entente.platform.database.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unexpected failures: a short message with a reference to the log entry, never a stack trace. A database
 * outage is not unexpected: it gets its own message and a way to try again.
 */
@AnonymousAllowed
public class UnexpectedErrorView extends VerticalLayout implements HasErrorParameter<Exception>, HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedErrorView.class);

    /** The page's title: its heading. */
    private String title = "";

    public UnexpectedErrorView() {
        addClassName("access-problem");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        removeAll();
        Exception failure = parameter.getCaughtException();
        if (DatabaseUnavailable.explains(failure)) {
            // One line, no stack trace: during an outage every page view would otherwise log one.
            log.warn("Page {} not shown, database unavailable: {}", event.getLocation().getPath(), failure.toString());
            setId("database-unavailable");
            title = getTranslation("platform.databaseUnavailable.heading");
            H1 heading = new H1(title);
            heading.setId("database-unavailable-heading");
            add(heading, new Paragraph(getTranslation("platform.databaseUnavailable.page")),
                    new Anchor(event.getLocation().getPathWithQueryParameters(), getTranslation("platform.tryAgain")));
            return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
        }
        setId(null);
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected error, reference {}", reference, failure);
        title = getTranslation("platform.unexpectedError.heading");
        add(new H1(title),
                new Paragraph(getTranslation("platform.unexpectedError.text", reference)));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
