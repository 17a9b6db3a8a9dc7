package org.entente.platform.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * A section another feature adds to My account (e.g. the person's calendar feed), so that the page composes it
 * without knowing that feature: the feature provides a Spring bean of this type, and the page asks every such bean
 * for its section whenever the page is built, in {@link org.springframework.core.annotation.Order} order.
 */
public interface AccountSection {

    /** The section for the signed-in person, or empty when the feature has nothing for them. */
    Optional<Component> create();
}
