package org.entente.disclosure.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
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
        Locale locale = UI.getCurrent().getLocale();
        DateTimeFormatter when = WhatWePublishSection.when(locale);
        DateTimeFormatter snapshot = PreviewDialog.snapshot(locale);
        grid.addColumn(u -> when.format(u.at()))
                .setHeader(grid.getTranslation("disclosure.uses.when")).setAutoWidth(true);
        grid.addColumn(ConsentUse::readerName).setHeader(grid.getTranslation("disclosure.uses.coordinatorsOf"))
                .setAutoWidth(true);
        grid.addColumn(u -> grid.getTranslation("disclosure.uses.surface." + u.surface().name()))
                .setHeader(grid.getTranslation("disclosure.uses.where")).setAutoWidth(true);
        grid.addColumn(u -> snapshot.format(u.snapshotTakenAt()))
                .setHeader(grid.getTranslation("disclosure.uses.snapshotOf"))
                .setAutoWidth(true);
        grid.setItems(ledger.uses(LIMIT));
        grid.setEmptyStateText(grid.getTranslation("disclosure.uses.empty"));
        grid.setWidthFull();
        grid.setHeight("20rem");
        VerticalLayout section = new VerticalLayout(new H2(grid.getTranslation("disclosure.uses.title")),
                new Paragraph(grid.getTranslation("disclosure.uses.intro")), grid);
        section.setId("consent-ledger");
        section.setPadding(false);
        return section;
    }
}
