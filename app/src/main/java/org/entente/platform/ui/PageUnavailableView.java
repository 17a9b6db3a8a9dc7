package org.entente.platform.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A page that does not exist or that the signed-in person may not open (Vaadin's access control answers
 * "not found" for both, so the page does not reveal which).
 */
@AnonymousAllowed
public class PageUnavailableView extends VerticalLayout implements HasErrorParameter<NotFoundException>,
        HasDynamicTitle {

    public PageUnavailableView() {
        addClassName("access-problem");
        setId("page-unavailable");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        add(new H1(getTranslation("platform.pageUnavailable.heading")),
                new Paragraph(getTranslation("platform.pageUnavailable.text")),
                new Anchor("", getTranslation("platform.pageUnavailable.home")));
        return HttpServletResponse.SC_NOT_FOUND;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("platform.pageUnavailable.heading");
    }
}
