package org.entente.disclosure.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.util.Optional;
import org.entente.analytics.AnalyticsService;
import org.entente.disclosure.PublicationConsent;
import org.entente.disclosure.PublicationPreview;
import org.entente.platform.validation.NotAllowed;
import org.entente.tenant.ui.OrganizationPageExtension;
import org.springframework.core.annotation.Order;

/** Puts "What we publish" on My organization, for every member of an organization. */
@org.springframework.stereotype.Component
@Order(100)
class WhatWePublishExtension implements OrganizationPageExtension {

    private final PublicationConsent consent;
    private final PublicationPreview previews;
    private final AnalyticsService analytics;

    WhatWePublishExtension(PublicationConsent consent, PublicationPreview previews, AnalyticsService analytics) {
        this.consent = consent;
        this.previews = previews;
        this.analytics = analytics;
    }

    @Override
    public Optional<Component> create() {
        try {
            return Optional.of(new WhatWePublishSection(consent, previews, new FigureText(analytics.settings(),
                    UI.getCurrent() == null ? null : UI.getCurrent().getLocale())));
        } catch (NotAllowed e) {
            return Optional.empty(); // no organization: nothing it could publish
        }
    }
}
