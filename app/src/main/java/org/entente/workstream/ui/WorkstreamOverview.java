package org.entente.workstream.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.entente.workstream.KindDetails;
import org.entente.workstream.PartnerDirectory;
import org.entente.rnd.WorkPackageService;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamService;

/** Read-only overview: description, dates, and what this kind of workstream has. */
class WorkstreamOverview extends VerticalLayout {

    WorkstreamOverview(Workstream w, KindDetails details, PartnerDirectory partners, boolean lead,
            WorkstreamService workstreams, WorkPackageService workPackages) {
        setPadding(false);
        Paragraph description = new Paragraph(w.description() == null || w.description().isBlank()
                ? "No description yet." : w.description());
        description.setId("workstream-description-text");
        FormLayout facts = new FormLayout();
        facts.addFormItem(new Span(w.region() == null ? "—" : w.region()), "Region");
        facts.addFormItem(new Span(w.startDate() == null ? "—" : w.startDate().toString()), "Start");
        facts.addFormItem(new Span(w.endDate() == null ? "—" : w.endDate().toString()), "End");
        add(description, facts);
        switch (details) {
            case KindDetails.Initiative i -> {
                facts.addFormItem(new Span(i.mechanism().label()), "Mechanism");
                add(new H3("Objectives"));
                if (i.objectives().isEmpty()) {
                    add(new Paragraph("No objectives yet."));
                } else {
                    UnorderedList list = new UnorderedList();
                    i.objectives().forEach(o -> list.add(new ListItem(o)));
                    add(list);
                }
            }
            case KindDetails.RndProject r -> {
                facts.addFormItem(new Span(r.technologyArea().label()), "Technology area");
                Span trl = new Span("TRL " + r.trlStart() + " → " + r.trlCurrent() + " (now) → " + r.trlTarget() + " (target)");
                trl.setId("trl");
                facts.addFormItem(trl, "Readiness");
                facts.addFormItem(new Span(orDash(r.backgroundIpTerms())), "Background IP");
                facts.addFormItem(new Span(orDash(r.foregroundIpTerms())), "Foreground IP");
                add(new WorkPackagesPanel(w, workPackages, workstreams, lead));
            }
            case KindDetails.Engagement e -> {
                String party = e.partyTenantId() != null
                        ? partners.find(e.partyTenantId()).map(p -> p.name()).orElse("Partner no longer active")
                        : e.partyName() + " (external)";
                facts.addFormItem(new Span(party), "Party");
                facts.addFormItem(new Span(e.engagementType().label()), "Type");
                Span vetting = new Span(e.vettingStatus().name());
                vetting.setId("vetting-status");
                facts.addFormItem(vetting, "Vetting");
                facts.addFormItem(new Span(orDash(e.agreementReference())), "Agreement");
                facts.addFormItem(new Span((e.agreementValidFrom() == null ? "—" : e.agreementValidFrom()) + " – "
                        + (e.agreementValidTo() == null ? "—" : e.agreementValidTo())), "Valid");
                facts.addFormItem(new Span(e.riskRating() == null ? "—" : e.riskRating().name()), "Risk");
                facts.addFormItem(new Span(orDash(e.outcomes())), "Outcomes");
            }
            case null -> {
            }
        }
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }
}
