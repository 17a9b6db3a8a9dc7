package org.entente.workstream.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * A section another feature adds to the home page (e.g. measurements due), so that the page composes it without
 * knowing that feature: the feature provides a Spring bean of this type; the page asks every such bean, in
 * {@link #order()}, for its part when it is built, and tells each part to refresh whenever the page refreshes (on
 * any change in the organization's workstreams).
 */
public interface HomeSection {

    /** Where the section stands below the page's own: lower first. */
    int order();

    /** The section for the signed-in person, or empty when the feature has nothing for them. */
    Optional<Part> create();

    /** One page's instance of the section. */
    interface Part {

        Component component();

        /** Reads its content again (the page calls it once after building, then on every change). */
        void refresh();
    }
}
