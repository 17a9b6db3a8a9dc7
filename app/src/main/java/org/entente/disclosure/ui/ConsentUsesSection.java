package org.entente.disclosure.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.Optional;
import org.entente.analytics.ConsentUsed;
import org.entente.contribution.ui.AccessLedgerSection;
import org.entente.disclosure.ConsentLedger;
import org.entente.disclosure.ConsentUse;
import org.entente.platform.validation.NotAllowed;
import org.springframework.core.annotation.Order;

/** The Access ledger's part about consent: which coordinators were shown or sent the figures the organization publishes. */
@org.springframework.stereotype.Component
@Order(100)
class ConsentUsesSection implements AccessLedgerSection {

    private static final int LIMIT = 500;

    private final ConsentLedger ledger;

    ConsentUsesSection(ConsentLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public Optional<Component> create() {
        try {
            return Optional.of(section());
        } catch (NotAllowed e) {
            return Optional.empty();
        }
    }

    private Component section() {
        Grid<ConsentUse> grid = new Grid<>(ConsentUse.class, false);
        grid.setId("consent-uses");
        grid.addColumn(u -> WhatWePublishSection.WHEN.format(u.at())).setHeader("When").setAutoWidth(true);
        grid.addColumn(ConsentUse::readerName).setHeader("Coordinators of").setAutoWidth(true);
        grid.addColumn(u -> u.surface() == ConsentUsed.Surface.SCREEN ? "Analytics screen" : "Excel briefing")
                .setHeader("Where").setAutoWidth(true);
        grid.addColumn(u -> PreviewDialog.SNAPSHOT.format(u.snapshotTakenAt())).setHeader("Snapshot of")
                .setAutoWidth(true);
        grid.setItems(ledger.uses(LIMIT));
        grid.setEmptyStateText("No coordinator has been shown figures published by your consent yet.");
        grid.setWidthFull();
        grid.setHeight("20rem");
        VerticalLayout section = new VerticalLayout(new H2("Figures published by our consent"),
                new Paragraph("Whenever the coordinators of an organization you publish to see your own figures on "
                        + "their Analytics screen or in an Excel briefing, it is recorded here, once per person, place "
                        + "and snapshot."), grid);
        section.setId("consent-ledger");
        section.setPadding(false);
        return section;
    }
}
