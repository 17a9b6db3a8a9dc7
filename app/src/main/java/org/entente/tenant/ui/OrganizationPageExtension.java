package org.entente.tenant.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * A section another feature adds to My organization (e.g. what the organization publishes to coordinators), so that
 * the page composes it without knowing that feature: the feature provides a Spring bean of this type, and the page
 * asks it for its section whenever the page is built, in {@link org.springframework.core.annotation.Order} order.
 */
public interface OrganizationPageExtension {

    /** The section for the signed-in person, or empty when the feature has nothing for them. */
    Optional<Component> create();
}
