package org.entente.analytics.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import org.entente.analytics.engine.AnalyticsFilter;

/**
 * A part another feature adds to the Analytics page (e.g. the Excel briefing panel), so that the page composes it
 * without knowing that feature: the feature provides a Spring bean of this type, the page asks it for its part when
 * it is built and tells the part the page's filters whenever they change.
 */
public interface AnalyticsPageExtension {

    /** The part for the signed-in person, or empty when the feature has nothing for them. */
    Optional<Part> create();

    /** One page's instance of the part. */
    interface Part {

        Component component();

        /** The page's filters: once when the page is built, then after every change. */
        void filterChanged(AnalyticsFilter filter);
    }
}
