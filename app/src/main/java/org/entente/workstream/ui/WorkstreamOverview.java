package org.entente.workstream.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.LocalDate;
import org.entente.platform.i18n.Formats;
import org.entente.platform.i18n.Translations;
import org.entente.tenant.RegionLabels;
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
                ? getTranslation("workstream.overview.noDescription") : w.description());
        description.setId("workstream-description-text");
        FormLayout facts = new FormLayout();
        facts.addFormItem(new Span(w.region() == null ? "—" : RegionLabels.label(getLocale(), w.region())),
                getTranslation("workstream.field.region"));
        facts.addFormItem(new Span(date(w.startDate())), getTranslation("workstream.field.start"));
        facts.addFormItem(new Span(date(w.endDate())), getTranslation("workstream.field.end"));
        add(description, facts);
        switch (details) {
            case KindDetails.Initiative i -> {
                facts.addFormItem(new Span(label(i.mechanism())), getTranslation("initiative.field.mechanism"));
                add(new H3(getTranslation("initiative.overview.objectives")));
                if (i.objectives().isEmpty()) {
                    add(new Paragraph(getTranslation("initiative.overview.noObjectives")));
                } else {
                    UnorderedList list = new UnorderedList();
                    i.objectives().forEach(o -> list.add(new ListItem(o)));
                    add(list);
                }
            }
            case KindDetails.RndProject r -> {
                facts.addFormItem(new Span(label(r.technologyArea())), getTranslation("rnd.field.technologyArea"));
                Span trl = new Span(getTranslation("rnd.overview.trl", r.trlStart(), r.trlCurrent(), r.trlTarget()));
                trl.setId("trl");
                facts.addFormItem(trl, getTranslation("rnd.overview.readiness"));
                facts.addFormItem(new Span(orDash(r.backgroundIpTerms())), getTranslation("rnd.overview.backgroundIp"));
                facts.addFormItem(new Span(orDash(r.foregroundIpTerms())), getTranslation("rnd.overview.foregroundIp"));
                add(new WorkPackagesPanel(w, workPackages, workstreams, lead));
            }
            case KindDetails.Engagement e -> {
                String party = e.partyTenantId() != null
                        ? partners.find(e.partyTenantId()).map(p -> p.name())
                                .orElse(getTranslation("workstream.partnerNoLongerActive"))
                        : getTranslation("engagement.overview.externalParty", e.partyName());
                facts.addFormItem(new Span(party), getTranslation("engagement.overview.party"));
                facts.addFormItem(new Span(label(e.engagementType())), getTranslation("engagement.overview.type"));
                Span vetting = new Span(label(e.vettingStatus()));
                vetting.setId("vetting-status");
                facts.addFormItem(vetting, getTranslation("engagement.field.vetting"));
                facts.addFormItem(new Span(orDash(e.agreementReference())),
                        getTranslation("engagement.overview.agreement"));
                facts.addFormItem(new Span(date(e.agreementValidFrom()) + " – " + date(e.agreementValidTo())),
                        getTranslation("engagement.overview.valid"));
                facts.addFormItem(new Span(e.riskRating() == null ? "—" : label(e.riskRating())),
                        getTranslation("engagement.overview.risk"));
                facts.addFormItem(new Span(orDash(e.outcomes())), getTranslation("engagement.field.outcomes"));
            }
            case null -> {
            }
        }
    }

    private String label(Enum<?> constant) {
        return getTranslation(Translations.enumKey(constant));
    }

    private String date(LocalDate date) {
        return date == null ? "—" : Formats.date(getLocale(), date);
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }
}
