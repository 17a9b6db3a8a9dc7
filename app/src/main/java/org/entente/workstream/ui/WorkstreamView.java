package org.entente.workstream.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.PermitAll;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.entente.db.tenancy.Actor;
import org.entente.db.tenancy.ActorSource;
import org.entente.platform.i18n.Text;
import org.entente.platform.i18n.Translations;
import org.entente.platform.i18n.ui.Localized;
import org.entente.platform.live.LiveUpdates;
import org.entente.platform.ui.Feedback;
import org.entente.workstream.Participant;
import org.entente.workstream.PartnerDirectory;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamService;
import org.entente.workstream.WorkstreamStatus;

/**
 * One workstream: its releasability marking, header and lifecycle actions, and tabs. The tabs are every
 * {@link WorkstreamTab} bean, each feature contributing its own, in their order. Re-reads itself when someone
 * else changes the workstream (server push).
 */
@Route("workstream")
@PermitAll
public class WorkstreamView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final WorkstreamService workstreams;
    private final PartnerDirectory partners;
    private final ActorSource actors;
    private final LiveUpdates live;
    private final List<WorkstreamTab> tabs;

    private UUID workstreamId;
    private Workstream workstream;
    private Registration liveRegistration;
    /**
     * The selected tab's key, kept across re-renders (pushes, saves) so the user stays where they were; a key,
     * not an index, because a tab may be absent for this viewer or kind. Null: the first tab.
     */
    private String selectedTab;

    public WorkstreamView(WorkstreamService workstreams, PartnerDirectory partners, ActorSource actors,
            LiveUpdates live, List<WorkstreamTab> tabs) {
        this.workstreams = workstreams;
        this.partners = partners;
        this.actors = actors;
        this.live = live;
        this.tabs = tabs.stream()
                .sorted(Comparator.comparingInt(WorkstreamTab::order).thenComparing(WorkstreamTab::key)).toList();
        setPadding(false);
        setSpacing(false);
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        try {
            workstreamId = UUID.fromString(parameter);
        } catch (IllegalArgumentException e) {
            workstreamId = null;
        }
        // ?tab=<key> opens the page on that tab (a link from elsewhere, e.g. "measurements due" to Results).
        event.getLocation().getQueryParameters().getSingleParameter("tab").flatMap(wanted -> tabs.stream()
                .map(WorkstreamTab::key).filter(key -> key.equalsIgnoreCase(wanted)).findFirst())
                .ifPresent(key -> selectedTab = key);
        render();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("workstream.page.title",
                workstream == null ? getTranslation("workstream.page.untitled") : workstream.title());
    }

    @Override
    protected void onAttach(AttachEvent event) {
        Optional<Actor> actor = actors.currentActor();
        if (workstreamId != null && actor.isPresent()) {
            liveRegistration = live.watch(workstreamId, event.getUI(), actor.get(), change -> render());
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (liveRegistration != null) {
            liveRegistration.remove();
            liveRegistration = null;
        }
    }

    private void render() {
        removeAll();
        workstream = workstreamId == null ? null : workstreams.get(workstreamId).orElse(null);
        if (workstream == null) {
            Div empty = new Div(new H1(getTranslation("workstream.notFound.heading")),
                    new Paragraph(getTranslation("workstream.notFound.text")));
            empty.addClassName("access-problem");
            empty.setId("workstream-not-found");
            add(empty);
            return;
        }
        UUID ownTenant = actors.currentActor().map(Actor::tenantId).orElse(null);
        boolean lead = workstream.ref().tenantId().equals(ownTenant);

        Div banner = new Div(new Span(partners.marking(getLocale(), workstream.releasability(), workstream.relTo(),
                workstream.ref().tenantId())));
        banner.addClassName("releasability-banner");
        banner.setId("releasability-marking");
        banner.setWidthFull();
        add(banner);

        VerticalLayout body = new VerticalLayout();
        H1 title = new H1(workstream.title());
        title.setId("workstream-heading");
        HorizontalLayout facts = new HorizontalLayout(badge(label(workstream.kind())),
                badge(label(workstream.status()), "workstream-status"),
                badge(getTranslation("workstream.page.lead", workstream.lead().name())));
        facts.setAlignItems(FlexComponent.Alignment.CENTER);
        body.add(title, facts);

        Optional<Participant> mine = workstreams.participants(workstream.ref()).stream()
                .filter(p -> p.partner().id().equals(ownTenant)).findFirst();
        if (mine.isPresent() && mine.get().status() == Participant.ParticipationStatus.INVITED) {
            body.add(invitation());
            add(body);
            return; // an invited tenant sees the summary only, until it accepts
        }
        body.add(actions(lead));

        body.add(tabSheet(new WorkstreamTab.Context(workstream, ownTenant, lead)));
        add(body);
    }

    private TabSheet tabSheet(WorkstreamTab.Context context) {
        TabSheet sheet = new TabSheet();
        sheet.setWidthFull();
        sheet.setId("workstream-tabs");
        for (WorkstreamTab tab : tabs) {
            tab.create(context).ifPresent(content -> {
                Tab added = sheet.add(getTranslation("workstream.tab." + tab.key()), content);
                added.setId("tab-" + tab.key());
                if (tab.key().equals(selectedTab)) {
                    sheet.setSelectedTab(added);
                }
            });
        }
        // Listened to only now: adding the first tab selects it, which must not overwrite the remembered one.
        sheet.addSelectedChangeListener(e -> selectedTab = e.getSelectedTab() == null ? null
                : e.getSelectedTab().getId().map(id -> id.substring("tab-".length())).orElse(null));
        return sheet;
    }

    private Component invitation() {
        Paragraph text = new Paragraph(getTranslation("workstream.invitation.text", workstream.lead().name(),
                getTranslation("workstream.kind.inSentence." + workstream.kind().name())));
        Button accept = new Button(getTranslation("workstream.invitation.accept"), click -> respond(true));
        accept.setId("accept-invitation");
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button decline = new Button(getTranslation("workstream.invitation.decline"), click -> {
            ConfirmDialog confirm = Localized.confirmDialog(getTranslation("workstream.invitation.declineHeader"),
                    getTranslation("workstream.invitation.declineText", workstream.title()),
                    getTranslation("workstream.invitation.decline"));
            confirm.addConfirmListener(e -> respond(false));
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        decline.setId("decline-invitation");
        VerticalLayout box = new VerticalLayout(text, new HorizontalLayout(accept, decline));
        box.setId("invitation");
        box.getStyle().set("background", "var(--lumo-primary-color-10pct)").set("border-radius", "var(--lumo-border-radius-m)");
        return box;
    }

    private void respond(boolean accept) {
        try {
            workstreams.respond(workstream.ref(), accept);
            Feedback.success(accept ? Text.of("workstream.invitation.joined", workstream.title())
                    : Text.of("workstream.invitation.declined"));
            if (accept) {
                render();
            } else {
                getUI().ifPresent(ui -> ui.navigate(WorkstreamsView.class));
            }
        } catch (RuntimeException e) {
            Feedback.show(e, Map.of(), this::render);
        }
    }

    private Component actions(boolean lead) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setId("workstream-actions");
        if (lead) {
            Button edit = new Button(getTranslation("action.edit"), click -> new WorkstreamEditor(
                    workstreams, partners.all(),
                    workstreams.participants(workstream.ref()).stream()
                            .filter(p -> p.status() == Participant.ParticipationStatus.ACCEPTED)
                            .map(Participant::partner).toList(),
                    workstream, workstreams.details(workstream).orElse(null), saved -> {
                        Feedback.success(Text.of("workstream.notice.saved"));
                        render();
                    }, this::render).open());
            edit.setId("edit-workstream");
            actions.add(edit);
            for (WorkstreamStatus next : workstream.status().next()) {
                Button move = new Button(next == WorkstreamStatus.CANCELLED
                        ? getTranslation("workstream.action.cancelWorkstream")
                        : getTranslation("workstream.action.markStatus", next.inSentence().in(getLocale())),
                        click -> changeStatus(next));
                move.setId("status-" + next.name().toLowerCase());
                if (next == WorkstreamStatus.CANCELLED) {
                    move.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
                }
                actions.add(move);
            }
        } else {
            Button withdraw = new Button(getTranslation("workstream.withdraw.button"), click -> {
                ConfirmDialog confirm = Localized.confirmDialog(getTranslation("workstream.withdraw.header"),
                        getTranslation("workstream.withdraw.text", workstream.title()),
                        getTranslation("workstream.withdraw.confirm"));
                confirm.addConfirmListener(e -> {
                    try {
                        workstreams.withdraw(workstream.ref());
                        getUI().ifPresent(ui -> ui.navigate(WorkstreamsView.class));
                    } catch (RuntimeException failure) {
                        Feedback.show(failure, Map.of(), this::render);
                    }
                });
                confirm.setConfirmButtonTheme("error primary");
                confirm.open();
            });
            withdraw.setId("withdraw");
            withdraw.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            actions.add(withdraw);
        }
        return actions;
    }

    private void changeStatus(WorkstreamStatus target) {
        Runnable apply = () -> {
            try {
                workstreams.changeStatus(workstream, target);
                Feedback.success(Text.of("workstream.notice.statusChanged", workstream.title(), target.inSentence()));
                render();
            } catch (RuntimeException e) {
                Feedback.show(e, Map.of(), this::render);
            }
        };
        if (target == WorkstreamStatus.CANCELLED || target == WorkstreamStatus.COMPLETED) {
            boolean cancel = target == WorkstreamStatus.CANCELLED;
            ConfirmDialog confirm = Localized.confirmDialog(
                    getTranslation(cancel ? "workstream.cancel.header" : "workstream.complete.header"),
                    getTranslation("workstream.statusChange.irreversible"),
                    getTranslation(cancel ? "workstream.action.cancelWorkstream" : "workstream.complete.confirm"));
            confirm.setCancelText(getTranslation("workstream.statusChange.keep"));
            confirm.addConfirmListener(e -> apply.run());
            confirm.setConfirmButtonTheme(cancel ? "error primary" : "primary");
            confirm.open();
        } else {
            apply.run();
        }
    }

    private String label(Enum<?> constant) {
        return getTranslation(Translations.enumKey(constant));
    }

    static Span badge(String text) {
        return badge(text, null);
    }

    static Span badge(String text, String id) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add("badge");
        if (id != null) {
            badge.setId(id);
        }
        return badge;
    }
}
