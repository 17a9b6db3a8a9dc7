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
    private final Button generate = new Button("Generate", VaadinIcon.FILE_TABLE.create());
    private final Button subscribe = new Button("Subscribe…", VaadinIcon.CALENDAR_CLOCK.create());
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

        H2 title = new H2("Excel briefing");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        RouterLink all = new RouterLink("All briefings", BriefingsView.class);
        all.setId("all-briefings");
        HorizontalLayout heading = new HorizontalLayout(title, all);
        heading.setAlignItems(FlexComponent.Alignment.BASELINE);

        kind.setId("briefing-kind");
        kind.setLabel("Briefing");
        kind.setItems(BriefingKind.values());
        kind.setItemLabelGenerator(BriefingKind::title);
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
        scopeText.setText("Scope from the filters: " + BriefingScope.of(filter).describe()
                + (filter.workstreamKind() == null ? "" : " (the briefing chooses its own workstream kinds)"));
    }

    private void startGeneration() {
        try {
            QueuedBriefing queued = briefings.generate(kind.getValue(), filter);
            asked = queued.briefing().id();
            if (queued.waiting()) {
                Notification note = Notification.show("Queued: your earlier briefing is still being written. This one "
                        + "starts when it is done" + (queued.ahead() > 1 ? " (" + queued.ahead() + " ahead of it)." : "."),
                        6000, Notification.Position.BOTTOM_START);
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
            Feedback.error("Choose a briefing first.");
            return;
        }
        BriefingScope scope = BriefingScope.of(filter);
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Subscribe to “" + chosen.title() + "”");
        dialog.setId("subscription-dialog");
        dialog.setMaxWidth("34rem");
        RadioButtonGroup<BriefingFrequency> frequency = new RadioButtonGroup<>("How often");
        frequency.setId("subscription-frequency");
        frequency.setItems(BriefingFrequency.values());
        frequency.setItemLabelGenerator(f -> f.label() + " (" + f.when() + ")");
        frequency.setValue(BriefingFrequency.WEEKLY);
        frequency.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        dialog.add(new Paragraph("Generated as you, for " + scope.describe() + ", early in the morning (UTC), into "
                + "the Briefings list; the bell tells you when it is ready."), frequency);
        Button confirm = new Button("Subscribe", click -> {
            try {
                briefings.subscribe(chosen, filter, frequency.getValue());
                dialog.close();
                Feedback.success("Subscribed: “" + chosen.title() + "” " + frequency.getValue().when() + ".");
            } catch (InvalidInput invalid) {
                Feedback.show(invalid, Map.of("frequency", frequency), () -> { });
            } catch (NotAllowed notAllowed) {
                Feedback.show(notAllowed, Map.of(), () -> { });
            }
        });
        confirm.setId("confirm-subscription");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", click -> dialog.close());
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
            Span hint = new Span("Generate a workbook with the figures of this page, their charts, the notes on method "
                    + "and every record your organization may see.");
            hint.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            status.add(hint);
            return;
        }
        String what = "“" + shown.kind().title() + "” (" + shown.scope().describe() + ")";
        switch (shown.status()) {
            case QUEUED -> status.add(line(VaadinIcon.HOURGLASS, what + " is queued."));
            case RUNNING -> {
                progress.setValue(shown.progress() == null ? 0 : shown.progress());
                step.setText(what + ": " + (shown.step() == null ? "starting" : shown.step()));
                HorizontalLayout bar = new HorizontalLayout(progress, step);
                bar.setAlignItems(FlexComponent.Alignment.CENTER);
                status.add(bar);
            }
            case READY -> {
                Div ready = line(VaadinIcon.CHECK_CIRCLE, what + " is ready — " + BriefingTexts.size(shown.sizeBytes())
                        + ", snapshot as of " + BriefingTexts.time(shown.snapshotTakenAt()) + ". ");
                ready.setId("briefing-ready");
                var link = BriefingTexts.download(briefings, shown, shown.fileName());
                link.setId("download-briefing");
                ready.add(link);
                status.add(ready);
            }
            case FAILED -> {
                Div failed = line(VaadinIcon.WARNING, what + " failed: " + shown.failure());
                failed.setId("briefing-failure");
                failed.getStyle().set("color", "var(--lumo-error-text-color)");
                status.add(failed);
            }
        }
        if (queued > 0 && shown.status() != BriefingStatus.QUEUED) {
            Span more = new Span(" " + queued + " more queued.");
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
            step.setText("“" + shown.kind().title() + "” (" + shown.scope().describe() + "): " + p.step());
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
