package org.entente.tenant.admin.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * A section another feature adds to Members (e.g. the organization's API clients), so that the page composes it without
 * knowing that feature: the feature provides a Spring bean of this type, and the page asks it for its section whenever
 * the page is built, in {@link org.springframework.core.annotation.Order} order. Members is for tenant administrators
 * only; a section still checks its own service calls.
 */
public interface MembersPageExtension {

    /** The section for the signed-in administrator, or empty when the feature has nothing for them. */
    Optional<Component> create();
}
