package org.entente.event.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.ZoneId;
import java.util.Map;
import org.entente.event.Event;
import org.entente.event.EventDraft;
import org.entente.event.EventService;
import org.entente.event.EventType;
import org.entente.platform.i18n.Translations;
import org.entente.platform.i18n.ui.Localized;
import org.entente.platform.ui.Feedback;
import org.entente.platform.ui.FocusReturn;
import org.entente.workstream.Releasability;
import org.entente.workstream.WorkstreamService;
import org.entente.workstream.ui.ReleasabilityChooser;
import org.entente.workstream.ui.WorkstreamTab;

/** The lead plans an event or changes it. Times are entered as the clock reads at the event's place. */
class EventDialog extends Dialog {

    EventDialog(WorkstreamTab.Context context, Event current, EventService events, WorkstreamService workstreams,
            Runnable saved) {
        FocusReturn.to(this);
        setHeaderTitle(getTranslation(current == null ? "event.new" : "event.edit"));
        ComboBox<EventType> type = new ComboBox<>(getTranslation("event.field.type"), EventType.values());
        type.setItemLabelGenerator(t -> getTranslation(Translations.enumKey(t)));
        type.setId("event-type");
        TextField title = new TextField(getTranslation("event.field.title"));
        title.setMaxLength(200);
        title.setId("event-title");
        TextArea description = new TextArea(getTranslation("event.field.description"));
        description.setMaxLength(5000);
        description.setId("event-description");
        TextField location = new TextField(getTranslation("event.field.location"));
        location.setMaxLength(200);
        location.setId("event-location");
        BigDecimalField latitude = Localized.decimalField(new BigDecimalField(getTranslation("event.field.latitude")));
        latitude.setId("event-latitude");
        BigDecimalField longitude = Localized.decimalField(new BigDecimalField(getTranslation("event.field.longitude")));
        longitude.setId("event-longitude");
        TextField link = new TextField(getTranslation("event.field.onlineLink"));
        link.setHelperText(getTranslation("event.field.onlineLink.help"));
        link.setId("event-link");
        ComboBox<String> zone = new ComboBox<>(getTranslation("event.field.zone"));
        zone.setItems(ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") || z.equals("UTC")).sorted().toList());
        zone.setId("event-zone");
        DateTimePicker start = new DateTimePicker(getTranslation("event.field.start"));
        start.setLocale(getLocale());
        start.setId("event-start");
        DateTimePicker end = new DateTimePicker(getTranslation("event.field.end"));
        end.setLocale(getLocale());
        end.setId("event-end");
        ReleasabilityChooser release = new ReleasabilityChooser("event", context.workstream(), workstreams,
                context.viewerTenantId());
        if (context.workstream().releasability() == Releasability.PRIVATE) {
            release.releasability.setValue(Releasability.PRIVATE);
        }
        IntegerField capacity = new IntegerField(getTranslation("event.field.capacity"));
        capacity.setMin(1);
        capacity.setHelperText(getTranslation("event.field.capacity.help"));
        capacity.setId("event-capacity");
        IntegerField quota = new IntegerField(getTranslation("event.field.quota"));
        quota.setMin(1);
        quota.setId("event-quota");
        Checkbox open = new Checkbox(getTranslation("event.field.registrationOpen"), true);
        open.setId("event-registration-open");
        if (current != null) {
            type.setValue(current.type());
            title.setValue(current.title());
            description.setValue(current.description());
            location.setValue(current.locationName());
            latitude.setValue(current.latitude());
            longitude.setValue(current.longitude());
            link.setValue(current.onlineLink() == null ? "" : current.onlineLink());
            zone.setValue(current.zone().getId());
            start.setValue(current.localStart().toLocalDateTime());
            end.setValue(current.localEnd().toLocalDateTime());
            release.releasability.setValue(current.releasability());
            release.relTo.getListDataView().getItems().filter(p -> current.relTo().contains(p.id()))
                    .forEach(release.relTo::select);
            capacity.setValue(current.capacity());
            quota.setValue(current.quotaPerOrg());
            open.setValue(current.registrationOpen());
        } else {
            type.setValue(EventType.MEETING);
            zone.setValue("UTC");
        }
        FormLayout form = new FormLayout(type, title, start, end, zone, location, latitude, longitude, link,
                release.releasability, release.relTo, capacity, quota, open, description);
        form.setColspan(description, 2);
        add(form);
        Map<String, HasValidation> fields = Map.ofEntries(Map.entry("type", type), Map.entry("title", title),
                Map.entry("description", description), Map.entry("location", location),
                Map.entry("latitude", latitude), Map.entry("longitude", longitude), Map.entry("onlineLink", link),
                Map.entry("zone", zone), Map.entry("start", start), Map.entry("end", end),
                Map.entry("releasability", release.releasability), Map.entry("relTo", release.relTo),
                Map.entry("capacity", capacity), Map.entry("quotaPerOrg", quota));
        Button save = new Button(getTranslation("action.save"), click -> {
            Feedback.clear(fields);
            EventDraft draft = new EventDraft(type.getValue(), title.getValue(), description.getValue(),
                    location.getValue(), latitude.getValue(), longitude.getValue(), link.getValue(), start.getValue(),
                    end.getValue(), zone.getValue(), release.value(), release.relToIds(), capacity.getValue(),
                    quota.getValue(), open.getValue());
            try {
                if (current == null) {
                    events.create(context.workstream().ref(), draft);
                } else {
                    events.update(current, draft);
                }
                close();
                saved.run();
            } catch (RuntimeException failure) {
                Feedback.show(failure, fields, () -> {
                    close();
                    saved.run();
                });
            }
        });
        save.setId("save-event");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button close = new Button(getTranslation("action.cancel"), click -> close());
        close.setId("close-event");
        getFooter().add(close, save);
    }

}
