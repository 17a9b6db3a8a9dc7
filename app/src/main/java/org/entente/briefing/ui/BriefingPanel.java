package org.entente.briefing.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import java.util.Map;
import org.entente.analytics.engine.AnalyticsFilter;
import org.entente.analytics.engine.briefing.BriefingKind;
import org.entente.briefing.Briefing;
import org.entente.briefing.BriefingEvent;
import org.entente.briefing.BriefingFrequency;
import org.entente.briefing.BriefingScope;
import org.entente.briefing.BriefingService;
import org.entente.briefing.BriefingStatus;
import org.entente.briefing.QueuedBriefing;
import org.entente.platform.ui.Feedback;
import org.entente.platform.validation.InvalidInput;
import org.entente.platform.validation.NotAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.entente.platform.ui.FocusReturn;

/**
 * The Analytics page's Excel briefing, for coordinators: choose a briefing, take the page's years, region and
 * partner kind as its scope, generate it (written in the background, its progress pushed here) and download
 * {@code entente-<briefing>-<date>.xlsx}; or subscribe to it weekly or monthly. Leaving the page loses nothing: the
 * Briefings list keeps every briefing, and the bell says when one is ready.
 */
public class BriefingPanel extends Div {

    private static final Logger log = LoggerFactory.getLogger(BriefingPanel.class);
    private static final int MINE = 20;

    private final BriefingService briefings;
    private final Select<BriefingKind> kind = new Select<>();
    private final Span scopeText = new Span();
    private final Button generate = new Button(getTranslation("briefing.panel.generate"),
            VaadinIcon.FILE_TABLE.create());
    private final Button subscribe = new Button(getTranslation("briefing.panel.subscribe"),
            VaadinIcon.CALENDAR_CLOCK.create());
    private final Div status = new Div();
    private final ProgressBar progress = new ProgressBar();
    private final Span step = new Span();

    private AnalyticsFilter filter = AnalyticsFilter.everything();
    private Briefing shown;
    /** The briefing asked for on this page: shown once none of theirs is being written, even if another is newer. */
    private java.util.UUID asked;
    private AutoCloseable watching;

    public BriefingPanel(BriefingService briefings) {
        this.briefings = briefings;
        setId("briefing-panel");
        addClassName("briefing-panel");
        getStyle().set("box-sizing", "border-box").set("width", "100%")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("background", "var(--lumo-contrast-5pct)");

        H2 title = new H2(getTranslation("briefing.panel.title"));
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        RouterLink all = new RouterLink(getTranslation("briefing.panel.all"), BriefingsView.class);
        all.setId("all-briefings");
        HorizontalLayout heading = new HorizontalLayout(title, all);
        heading.setAlignItems(FlexComponent.Alignment.BASELINE);

        kind.setId("briefing-kind");
        kind.setLabel(getTranslation("briefing.panel.kind"));
        kind.setItems(BriefingKind.values());
        kind.setItemLabelGenerator(k -> k.title(getLocale()));
        kind.setValue(BriefingKind.FULL);
        kind.setWidth("13rem");
        scopeText.setId("briefing-scope");
        scopeText.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        generate.setId("generate-briefing");
        generate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        generate.addClickListener(click -> startGeneration());
        subscribe.setId("subscribe-briefing");
        subscribe.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        subscribe.addClickListener(click -> openSubscription());
        HorizontalLayout controls = new HorizontalLayout(kind, generate, subscribe, scopeText);
        controls.setAlignItems(FlexComponent.Alignment.BASELINE);
        controls.getStyle().set("flex-wrap", "wrap");

        progress.setId("briefing-progress");
        progress.setWidth("16rem");
        step.setId("briefing-step");
        step.getStyle().set("font-size", "var(--lumo-font-size-s)");
        status.setId("briefing-status");
        status.getElement().setAttribute("aria-live", "polite");
        status.getStyle().set("min-height", "1.5em");

        add(heading, controls, status);
        filterChanged(AnalyticsFilter.everything());
    }

    /** The page's filters: the scope the next briefing takes. */
    public void filterChanged(AnalyticsFilter pageFilter) {
        filter = pageFilter == null ? AnalyticsFilter.everything() : pageFilter;
        scopeText.setText(getTranslation(filter.workstreamKind() == null ? "briefing.panel.scope"
                : "briefing.panel.scopeOwnKinds", BriefingScope.of(filter).describe(getLocale())));
    }

    private void startGeneration() {
        try {
            // Written in the page's language: the coordinator's.
            QueuedBriefing queued = briefings.generate(kind.getValue(), filter, getLocale());
            asked = queued.briefing().id();
            if (queued.waiting()) {
                Notification note = Notification.show(queued.ahead() > 1
                        ? getTranslation("briefing.panel.queuedAhead", queued.ahead())
                        : getTranslation("briefing.panel.queued"), 6000, Notification.Position.BOTTOM_START);
                note.addThemeVariants(NotificationVariant.LUMO_CONTRAST);
            }
            refresh();
        } catch (InvalidInput | NotAllowed refused) {
            Feedback.show(refused, Map.of("kind", kind), this::refresh);
        }
    }

    private void openSubscription() {
        BriefingKind chosen = kind.getValue();
        if (chosen == null) {
            Feedback.error(getTranslation("briefing.panel.chooseFirst"));
            return;
        }
        BriefingScope scope = BriefingScope.of(filter);
        Dialog dialog = FocusReturn.to(new Dialog());
        dialog.setHeaderTitle(getTranslation("briefing.subscription.title", chosen.title(getLocale())));
        dialog.setId("subscription-dialog");
        dialog.setMaxWidth("34rem");
        RadioButtonGroup<BriefingFrequency> frequency = new RadioButtonGroup<>(
                getTranslation("briefing.subscription.frequency"));
        frequency.setId("subscription-frequency");
        frequency.setItems(BriefingFrequency.values());
        frequency.setItemLabelGenerator(f -> BriefingTexts.frequency(f, getLocale()));
        frequency.setValue(BriefingFrequency.WEEKLY);
        frequency.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        dialog.add(new Paragraph(getTranslation("briefing.subscription.about", scope.describe(getLocale()))),
                frequency);
        Button confirm = new Button(getTranslation("briefing.subscription.confirm"), click -> {
            try {
                briefings.subscribe(chosen, filter, frequency.getValue(), getLocale());
                dialog.close();
                Feedback.success(getTranslation("briefing.subscription.done", chosen.title(getLocale()),
                        getTranslation("briefing.frequency.when." + frequency.getValue().name())));
            } catch (InvalidInput invalid) {
                Feedback.show(invalid, Map.of("frequency", frequency), () -> { });
            } catch (NotAllowed notAllowed) {
                Feedback.show(notAllowed, Map.of(), () -> { });
            }
        });
        confirm.setId("confirm-subscription");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> dialog.close());
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
    }

    // ------------------------------------------------------------------------------------- status

    /**
     * Shows the coordinator's briefing being written; else the one asked for on this page; else the newest of theirs.
     */
    private void refresh() {
        List<Briefing> mine = briefings.mine(MINE);
        Briefing running = mine.stream().filter(b -> b.status() == BriefingStatus.RUNNING).findFirst().orElse(null);
        Briefing requested = mine.stream().filter(b -> b.id().equals(asked)).findFirst().orElse(null);
        long queued = mine.stream().filter(b -> b.status() == BriefingStatus.QUEUED).count();
        shown = running != null ? running : requested != null ? requested : mine.isEmpty() ? null : mine.getFirst();
        status.removeAll();
        if (shown == null) {
            Span hint = new Span(getTranslation("briefing.panel.hint"));
            hint.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            status.add(hint);
            return;
        }
        String what = getTranslation("briefing.panel.what", shown.kind().title(getLocale()),
                shown.scope().describe(getLocale()));
        switch (shown.status()) {
            case QUEUED -> status.add(line(VaadinIcon.HOURGLASS, getTranslation("briefing.panel.isQueued", what)));
            case RUNNING -> {
                progress.setValue(shown.progress() == null ? 0 : shown.progress());
                step.setText(getTranslation("briefing.panel.step", what, shown.step() == null
                        ? getTranslation("briefing.panel.starting") : shown.step()));
                HorizontalLayout bar = new HorizontalLayout(progress, step);
                bar.setAlignItems(FlexComponent.Alignment.CENTER);
                status.add(bar);
            }
            case READY -> {
                Div ready = line(VaadinIcon.CHECK_CIRCLE, getTranslation("briefing.panel.ready", what,
                        BriefingTexts.size(shown.sizeBytes(), getLocale()),
                        BriefingTexts.time(shown.snapshotTakenAt(), getLocale())) + " ");
                ready.setId("briefing-ready");
                var link = BriefingTexts.download(briefings, shown, shown.fileName());
                link.setId("download-briefing");
                ready.add(link);
                status.add(ready);
            }
            case FAILED -> {
                Div failed = line(VaadinIcon.WARNING, getTranslation("briefing.panel.failed", what, shown.failure()));
                failed.setId("briefing-failure");
                failed.getStyle().set("color", "var(--lumo-error-text-color)");
                status.add(failed);
            }
        }
        if (queued > 0 && shown.status() != BriefingStatus.QUEUED) {
            Span more = new Span(" " + getTranslation("briefing.panel.moreQueued", queued));
            more.setId("briefings-queued");
            more.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            status.add(more);
        }
    }

    private static Div line(VaadinIcon icon, String text) {
        com.vaadin.flow.component.icon.Icon mark = icon.create();
        mark.setSize("var(--lumo-icon-size-s)");
        Div line = new Div(mark, new Span(" " + text));
        line.getStyle().set("font-size", "var(--lumo-font-size-s)");
        return line;
    }

    private void onEvent(BriefingEvent event) {
        if (event instanceof BriefingEvent.Progress p && shown != null && shown.id().equals(p.briefingId())
                && shown.status() == BriefingStatus.RUNNING) {
            progress.setValue(p.fraction());
            step.setText(getTranslation("briefing.panel.step", getTranslation("briefing.panel.what",
                    shown.kind().title(getLocale()), shown.scope().describe(getLocale())), p.step()));
            return;
        }
        refresh();
    }

    // ------------------------------------------------------------------------------------- push

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        watching = briefings.watch(briefingEvent -> ui.access(() -> {
            try {
                onEvent(briefingEvent);
            } catch (RuntimeException e) {
                log.debug("Briefing panel could not show {}", briefingEvent, e);
            }
        }));
        refresh(); // a briefing may have moved on between building the page and now
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (watching != null) {
            try {
                watching.close();
            } catch (Exception e) {
                log.debug("Could not stop watching briefings", e);
            }
            watching = null;
        }
    }
}
