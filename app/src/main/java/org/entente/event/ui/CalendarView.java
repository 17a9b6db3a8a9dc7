package org.entente.event.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Objects;
import org.entente.event.CalendarEntry;
import org.entente.event.CalendarService;
import org.entente.event.RegistrationStatus;
import org.entente.platform.i18n.Translations;
import org.entente.workstream.WorkstreamKind;

/**
 * The calendar (issue #21): month, week and agenda views of the events and milestones the person's organization may
 * see, filtered by workstream kind and region, the person's own registrations highlighted. Built from Vaadin's own
 * components on the server (no add-on). Every entry is a link to its workstream, so Tab walks through them in date
 * order; Previous/Next buttons (and Alt+Left/Alt+Right) move the period.
 */
@Route("calendar")
@Menu(title = "Calendar", order = 1.5, icon = "vaadin:calendar")
@PermitAll
public class CalendarView extends VerticalLayout implements HasDynamicTitle {

    enum Mode {
        MONTH, WEEK, AGENDA
    }

    private static final int AGENDA_DAYS = 60;

    private final CalendarService calendar;
    private final RadioButtonGroup<Mode> mode = new RadioButtonGroup<>();
    private final ComboBox<WorkstreamKind> kind = new ComboBox<>();
    private final ComboBox<String> region = new ComboBox<>();
    private final H2 period = new H2();
    private final Div body = new Div();
    private LocalDate anchor = LocalDate.now();
    private ZoneId viewer = ZoneId.of("UTC");

    public CalendarView(CalendarService calendar) {
        this.calendar = calendar;
        add(new H1(getTranslation("calendar.heading")));
        mode.setLabel(getTranslation("calendar.view"));
        mode.setItems(Mode.values());
        mode.setItemLabelGenerator(m -> getTranslation("calendar.mode." + m.name()));
        mode.setValue(Mode.MONTH);
        mode.setId("calendar-mode");
        mode.addValueChangeListener(e -> render());
        kind.setLabel(getTranslation("calendar.filter.kind"));
        kind.setItems(WorkstreamKind.values());
        kind.setItemLabelGenerator(k -> getTranslation(Translations.enumKey(k)));
        kind.setClearButtonVisible(true);
        kind.setId("calendar-kind");
        kind.addValueChangeListener(e -> render());
        region.setLabel(getTranslation("calendar.filter.region"));
        region.setClearButtonVisible(true);
        region.setId("calendar-region");
        region.addValueChangeListener(e -> render());
        Button previous = new Button(getTranslation("calendar.previous"), click -> move(-1));
        previous.setId("calendar-previous");
        Button today = new Button(getTranslation("calendar.today"), click -> {
            anchor = LocalDate.now(viewer);
            render();
        });
        today.setId("calendar-today");
        Button next = new Button(getTranslation("calendar.next"), click -> move(1));
        next.setId("calendar-next");
        Shortcuts.addShortcutListener(this, () -> move(-1), Key.ARROW_LEFT, KeyModifier.ALT).listenOn(this);
        Shortcuts.addShortcutListener(this, () -> move(1), Key.ARROW_RIGHT, KeyModifier.ALT).listenOn(this);
        HorizontalLayout toolbar = new HorizontalLayout(previous, today, next, mode, kind, region);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.setWrap(true);
        period.setId("calendar-period");
        period.getElement().setAttribute("aria-live", "polite");
        body.setId("calendar-body");
        body.setWidthFull();
        add(toolbar, period, legend(), body);
        render();
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        attach.getUI().getPage().retrieveExtendedClientDetails(details -> {
            try {
                viewer = ZoneId.of(details.getTimeZoneId());
            } catch (RuntimeException unknown) {
                return; // keep UTC
            }
            render();
        });
    }

    private Component legend() {
        Span mine = new Span(getTranslation("calendar.legend.mine"));
        mine.getElement().getThemeList().add("badge success");
        Span milestone = new Span(getTranslation("calendar.legend.milestone"));
        milestone.getElement().getThemeList().add("badge contrast");
        return new HorizontalLayout(mine, milestone);
    }

    private void move(int step) {
        anchor = switch (mode.getValue()) {
            case MONTH -> anchor.plusMonths(step);
            case WEEK -> anchor.plusWeeks(step);
            case AGENDA -> anchor.plusDays((long) step * AGENDA_DAYS);
        };
        render();
    }

    private void render() {
        LocalDate from;
        LocalDate to;
        DateTimeFormatter long_ = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale());
        switch (mode.getValue() == null ? Mode.MONTH : mode.getValue()) {
            case MONTH -> {
                LocalDate first = anchor.withDayOfMonth(1);
                from = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                to = first.plusMonths(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
                period.setText(first.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, getLocale()) + " "
                        + first.getYear());
            }
            case WEEK -> {
                from = anchor.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                to = from.plusDays(7);
                period.setText(long_.format(from) + " – " + long_.format(to.minusDays(1)));
            }
            default -> {
                from = anchor;
                to = anchor.plusDays(AGENDA_DAYS);
                period.setText(long_.format(from) + " – " + long_.format(to.minusDays(1)));
            }
        }
        List<CalendarEntry> all = calendar.between(from, to, viewer);
        List<String> regions = all.stream().map(CalendarEntry::region).filter(Objects::nonNull).distinct().sorted().toList();
        String chosenRegion = region.getValue();
        region.setItems(chosenRegion != null && !regions.contains(chosenRegion)
                ? java.util.stream.Stream.concat(regions.stream(), java.util.stream.Stream.of(chosenRegion)).toList()
                : regions);
        if (chosenRegion != null) {
            region.setValue(chosenRegion);
        }
        List<CalendarEntry> shown = all.stream()
                .filter(e -> kind.getValue() == null || e.workstreamKind() == kind.getValue())
                .filter(e -> chosenRegion == null || chosenRegion.equals(e.region()))
                .toList();
        body.removeAll();
        if (shown.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("calendar.empty"));
            empty.setId("calendar-empty");
            body.add(empty);
        }
        switch (mode.getValue() == null ? Mode.MONTH : mode.getValue()) {
            case MONTH -> body.add(grid(from, to, shown, true));
            case WEEK -> body.add(grid(from, to, shown, false));
            default -> body.add(agenda(shown));
        }
    }

    /** A grid of days (7 columns), Monday first: a month (with the days around it) or one week. */
    private Component grid(LocalDate from, LocalDate to, List<CalendarEntry> entries, boolean month) {
        Div grid = new Div();
        grid.setId(month ? "calendar-month" : "calendar-week");
        grid.getStyle().set("display", "grid").set("grid-template-columns", "repeat(7, minmax(0, 1fr))")
                .set("gap", "2px");
        for (int d = 0; d < 7; d++) {
            Span head = new Span(DayOfWeek.MONDAY.plus(d).getDisplayName(TextStyle.SHORT, getLocale()));
            head.getElement().setAttribute("aria-hidden", "true"); // each day cell names its day in full
            head.getStyle().set("font-weight", "600").set("padding", "var(--lumo-space-xs)");
            grid.add(head);
        }
        DateTimeFormatter dayName = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(getLocale());
        for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
            LocalDate current = day;
            Div cell = new Div();
            cell.getStyle().set("min-height", month ? "6rem" : "12rem").set("padding", "var(--lumo-space-xs)")
                    .set("border", "1px solid var(--lumo-contrast-10pct)").set("overflow", "hidden");
            if (month && day.getMonth() != anchor.getMonth()) {
                cell.getStyle().set("color", "var(--lumo-secondary-text-color)");
            }
            if (day.equals(LocalDate.now(viewer))) {
                cell.getStyle().set("background", "var(--lumo-primary-color-10pct)");
            }
            Span number = new Span(String.valueOf(day.getDayOfMonth()));
            number.getStyle().set("font-size", "var(--lumo-font-size-s)");
            number.getElement().setAttribute("aria-hidden", "true");
            // The full date for screen readers, before the day's entries (the number alone says little).
            Span spoken = new Span(dayName.format(day));
            spoken.getStyle().set("position", "absolute").set("width", "1px").set("height", "1px")
                    .set("overflow", "hidden").set("clip", "rect(0 0 0 0)").set("white-space", "nowrap");
            VerticalLayout items = new VerticalLayout(number, spoken);
            items.setPadding(false);
            items.setSpacing(false);
            entries.stream().filter(e -> !current.isBefore(e.firstDay(viewer)) && !current.isAfter(e.lastDay(viewer)))
                    .forEach(e -> items.add(link(e, !month)));
            cell.add(items);
            grid.add(cell);
        }
        return grid;
    }

    private Component agenda(List<CalendarEntry> entries) {
        VerticalLayout agenda = new VerticalLayout();
        agenda.setPadding(false);
        agenda.setId("calendar-agenda");
        DateTimeFormatter dayName = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(getLocale());
        LocalDate last = null;
        UnorderedList list = null;
        for (CalendarEntry e : entries) {
            LocalDate day = e.firstDay(viewer);
            if (!day.equals(last)) {
                agenda.add(new H3(dayName.format(day)));
                list = new UnorderedList();
                agenda.add(list);
                last = day;
            }
            list.add(new ListItem(link(e, true)));
        }
        return agenda;
    }

    /** An entry as a link to its workstream's tab, with its time in the viewer's zone and the event's own. */
    private Component link(CalendarEntry e, boolean withTime) {
        String text = e.title();
        if (e.kind() == CalendarEntry.Kind.EVENT && withTime) {
            text = EventTimes.at(getLocale(), e.start(), e.end(), viewer) + " · " + text;
        }
        if (e.cancelled()) {
            text = text + " (" + getTranslation("enum.EventStatus.CANCELLED") + ")";
        }
        if (e.registration() != null) {
            text = text + " — " + getTranslation(Translations.enumKey(e.registration()));
        }
        Anchor link = new Anchor("workstream/" + e.workstreamId() + "?tab=" // i18n-ok: the link target
                + (e.kind() == CalendarEntry.Kind.EVENT ? "events" : "milestones"), text);
        link.setId("calendar-entry-" + e.id());
        link.setTitle(e.workstreamTitle() + (e.kind() == CalendarEntry.Kind.EVENT
                ? " · " + EventTimes.at(getLocale(), e.start(), e.end(), e.zone()) : ""));
        link.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s)")
                .set("white-space", "normal");
        if (e.registration() == RegistrationStatus.REGISTERED || e.registration() == RegistrationStatus.WAITING) {
            link.getElement().getThemeList().add("badge success");
            link.addClassName("my-registration");
        } else if (e.kind() == CalendarEntry.Kind.MILESTONE) {
            link.getElement().getThemeList().add("badge contrast");
        }
        if (e.cancelled()) {
            link.getStyle().set("text-decoration", "line-through");
        }
        return link;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("calendar.title");
    }

}
