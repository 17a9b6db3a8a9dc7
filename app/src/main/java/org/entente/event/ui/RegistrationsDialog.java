package org.entente.event.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.entente.event.Event;
import org.entente.event.EventService;
import org.entente.event.FeedbackSummary;
import org.entente.event.Registration;
import org.entente.event.RegistrationExport;
import org.entente.event.RegistrationService;
import org.entente.event.RegistrationStatus;
import org.entente.platform.i18n.Formats;
import org.entente.platform.i18n.Translations;
import org.entente.platform.ui.Feedback;
import org.entente.platform.ui.FocusReturn;
import org.entente.workstream.ui.WorkstreamTab;

/**
 * Who registered for an event, by organization: the lead sees everyone (and exports the list, and reads the
 * feedback); a participant its own people, whom its coordinator may register. A registered person rates the event
 * here once it has ended.
 */
class RegistrationsDialog extends Dialog {

    private final Event event;
    private final WorkstreamTab.Context context;
    private final RegistrationService registrations;
    private final Grid<Registration> grid = new Grid<>(Registration.class, false);
    private final Span counts = new Span();

    RegistrationsDialog(Event event, WorkstreamTab.Context context, RegistrationService registrations,
            EventService events, RegistrationExport export, Runnable changed) {
        this.event = event;
        this.context = context;
        this.registrations = registrations;
        FocusReturn.to(this);
        setHeaderTitle(getTranslation("event.registrations.header", event.title()));
        setWidth("min(60rem, 95vw)");
        addDialogCloseActionListener(close -> {
            close();
            changed.run();
        });
        grid.setId("event-registrations");
        grid.addColumn(r -> r.organization().name()).setHeader(getTranslation("event.export.organization"))
                .setAutoWidth(true);
        grid.addColumn(Registration::memberName).setHeader(getTranslation("event.export.person")).setFlexGrow(1);
        grid.addColumn(r -> getTranslation(Translations.enumKey(r.status())) + (r.status() == RegistrationStatus.WAITING
                ? " (" + r.position() + ")" : "")).setHeader(getTranslation("event.export.status")).setAutoWidth(true);
        grid.addComponentColumn(r -> {
            boolean mayCancel = r.status() != RegistrationStatus.CANCELLED && (context.lead()
                    || r.organization().id().equals(context.viewerTenantId()));
            if (!mayCancel || event.ended(events.now())) {
                return new Span();
            }
            Button cancel = new Button(getTranslation("event.registration.cancel"), click -> {
                try {
                    registrations.cancel(event, r.organization().id(), r.memberId());
                } catch (RuntimeException failure) {
                    Feedback.show(failure, Map.of(), this::refresh);
                }
                refresh();
            });
            cancel.setId("cancel-registration-of-" + r.memberId());
            cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            return cancel;
        }).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("event.registrations.empty"));
        grid.setAllRowsVisible(true);
        counts.setId("event-registration-counts");
        VerticalLayout body = new VerticalLayout(counts, grid);
        body.setPadding(false);
        if (event.openForRegistration(events.now()) && registrations.mayRegisterOthers()) {
            ComboBox<RegistrationService.Person> person = new ComboBox<>(getTranslation("event.registerPerson"));
            person.setItems(registrations.ownPeople());
            person.setItemLabelGenerator(RegistrationService.Person::name);
            person.setId("register-person");
            Button register = new Button(getTranslation("event.register"), click -> {
                if (person.getValue() == null) {
                    return;
                }
                try {
                    registrations.register(event, person.getValue().id());
                    person.clear();
                } catch (RuntimeException failure) {
                    Feedback.show(failure, Map.of(), this::refresh);
                }
                refresh();
            });
            register.setId("register-person-submit");
            HorizontalLayout row = new HorizontalLayout(person, register);
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            body.add(row);
        }
        if (context.lead()) {
            Anchor exportLink = new Anchor(DownloadHandler.fromInputStream(download -> {
                byte[] file = export.xlsx(event, getLocale());
                return new DownloadResponse(new ByteArrayInputStream(file), "registrations.xlsx", RegistrationExport.XLSX,
                        file.length);
            }), getTranslation("event.registrations.export"));
            exportLink.setDownload(true);
            exportLink.setId("export-registrations");
            body.add(exportLink);
            FeedbackSummary summary = registrations.feedback(event);
            body.add(new H3(getTranslation("event.feedback.heading")));
            Paragraph aggregate = new Paragraph(summary.answers() == 0 ? getTranslation("event.feedback.none")
                    : getTranslation("event.feedback.summary", summary.answers(),
                            Formats.number(getLocale(), summary.average(), 1),
                            summary.countByRating().stream().map(String::valueOf).reduce((a, b) -> a + " / " + b)
                                    .orElse("")));
            aggregate.setId("event-feedback-summary");
            body.add(aggregate);
            summary.comments().forEach(c -> body.add(new Paragraph("“" + c + "”")));
        }
        RegistrationStatus mine = registrations.mine().get(event.id());
        if (mine == RegistrationStatus.REGISTERED && event.ended(events.now())) {
            body.add(feedbackForm());
        }
        add(body);
        Button close = new Button(getTranslation("action.close"), click -> {
            close();
            changed.run();
        });
        close.setId("close-registrations");
        getFooter().add(close);
        refresh();
    }

    private VerticalLayout feedbackForm() {
        RadioButtonGroup<Integer> rating = new RadioButtonGroup<>(getTranslation("event.feedback.rating"));
        rating.setItems(List.of(1, 2, 3, 4, 5));
        rating.setId("event-feedback-rating");
        TextArea comment = new TextArea(getTranslation("event.feedback.comment"));
        comment.setMaxLength(2000);
        comment.setId("event-feedback-comment");
        Button send = new Button(getTranslation("event.feedback.send"), click -> {
            try {
                registrations.giveFeedback(event, rating.getValue(), comment.getValue());
                Feedback.success(getTranslation("event.feedback.thanks"));
            } catch (RuntimeException failure) {
                Feedback.show(failure, Map.of("rating", rating, "comment", comment), () -> { });
            }
        });
        send.setId("event-feedback-send");
        VerticalLayout form = new VerticalLayout(new H3(getTranslation("event.feedback.yours")), rating, comment, send);
        form.setPadding(false);
        return form;
    }

    private void refresh() {
        List<Registration> list = registrations.of(event);
        grid.setItems(list);
        long registered = list.stream().filter(r -> r.status() == RegistrationStatus.REGISTERED).count();
        long waiting = list.stream().filter(r -> r.status() == RegistrationStatus.WAITING).count();
        counts.setText(getTranslation("event.registrations.counts", registered,
                event.capacity() == null ? "∞" : event.capacity(), waiting));
    }
}
