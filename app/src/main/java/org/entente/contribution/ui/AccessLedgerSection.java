package org.entente.contribution.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * A part of the Access ledger another feature contributes (e.g. the uses of the organization's publication consent),
 * so that the ledger page shows every way others used the organization's data without knowing those features: the
 * feature provides a Spring bean of this type, and the page adds each section below the contributions ledger, in
 * {@link org.springframework.core.annotation.Order} order.
 */
public interface AccessLedgerSection {

    /** The section for the signed-in person, or empty when the feature has nothing for them. */
    Optional<Component> create();
}
