package org.entente.workstream.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.Key;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.entente.engagement.EngagementType;
import org.entente.engagement.RiskRating;
import org.entente.engagement.VettingStatus;
import org.entente.initiative.Mechanism;
import org.entente.platform.i18n.Translations;
import org.entente.platform.i18n.ui.Localized;
import org.entente.platform.ui.Feedback;
import org.entente.rnd.TechnologyArea;
import org.entente.workstream.KindDetails;
import org.entente.workstream.Partner;
import org.entente.workstream.Releasability;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamDraft;
import org.entente.workstream.WorkstreamKind;
import org.entente.workstream.WorkstreamService;
import org.entente.platform.ui.FocusReturn;

/** Create or edit a workstream: the common fields, then those of its kind. Errors appear on the fields. */
class WorkstreamEditor extends Dialog {

    private final WorkstreamService workstreams;
    private final Workstream existing;
    private final Consumer<Workstream> onSaved;
    private final Runnable onConflict;

    private final ComboBox<WorkstreamKind> kind = new ComboBox<>(getTranslation("workstream.field.kind"));
    private final TextField title = new TextField(getTranslation("workstream.field.title"));
    private final TextArea description = new TextArea(getTranslation("workstream.field.description"));
    private final ComboBox<Releasability> releasability =
            new ComboBox<>(getTranslation("workstream.field.releasability"));
    private final MultiSelectComboBox<Partner> relTo =
            new MultiSelectComboBox<>(getTranslation("workstream.field.relTo"));
    private final TextField region = new TextField(getTranslation("workstream.field.region"));
    private final DatePicker startDate = Localized.datePicker(getTranslation("workstream.field.start"));
    private final DatePicker endDate = Localized.datePicker(getTranslation("workstream.field.end"));

    private final ComboBox<Mechanism> mechanism = new ComboBox<>(getTranslation("initiative.field.mechanism"));
    private final TextArea objectives = new TextArea(getTranslation("initiative.field.objectives"));

    private final ComboBox<TechnologyArea> technologyArea = new ComboBox<>(getTranslation("rnd.field.technologyArea"));
    private final IntegerField trlStart = trlField(getTranslation("rnd.field.trlStart"));
    private final IntegerField trlCurrent = trlField(getTranslation("rnd.field.trlCurrent"));
    private final IntegerField trlTarget = trlField(getTranslation("rnd.field.trlTarget"));
    private final TextArea backgroundIp = new TextArea(getTranslation("rnd.field.backgroundIp"));
    private final TextArea foregroundIp = new TextArea(getTranslation("rnd.field.foregroundIp"));

    private final ComboBox<Partner> partyTenant = new ComboBox<>(getTranslation("engagement.field.partyTenant"));
    private final TextField partyName = new TextField(getTranslation("engagement.field.partyExternal"));
    private final ComboBox<EngagementType> engagementType = new ComboBox<>(getTranslation("engagement.field.type"));
    private final ComboBox<VettingStatus> vettingStatus = new ComboBox<>(getTranslation("engagement.field.vetting"));
    private final TextField agreementReference = new TextField(getTranslation("engagement.field.agreementReference"));
    private final DatePicker agreementValidFrom = Localized.datePicker(getTranslation("engagement.field.validFrom"));
    private final DatePicker agreementValidTo = Localized.datePicker(getTranslation("engagement.field.validTo"));
    private final ComboBox<RiskRating> riskRating = new ComboBox<>(getTranslation("engagement.field.riskRating"));
    private final TextArea outcomes = new TextArea(getTranslation("engagement.field.outcomes"));

    private final Map<String, HasValidation> fields = new HashMap<>();
    private final FormLayout kindForm = new FormLayout();

    WorkstreamEditor(WorkstreamService workstreams, List<Partner> partners, List<Partner> participants,
            Workstream existing, KindDetails existingDetails, Consumer<Workstream> onSaved, Runnable onConflict) {
        FocusReturn.to(this);
        this.workstreams = workstreams;
        this.existing = existing;
        this.onSaved = onSaved;
        this.onConflict = onConflict;
        setHeaderTitle(existing == null ? getTranslation("workstream.editor.newTitle")
                : getTranslation("workstream.editor.editTitle", existing.title()));
        setWidth("min(56rem, 95vw)");

        kind.setItems(WorkstreamKind.values());
        kind.setItemLabelGenerator(this::label);
        kind.setRequired(true);
        kind.setId("workstream-kind");
        kind.addValueChangeListener(e -> showKindFields(e.getValue()));
        title.setRequired(true);
        title.setMaxLength(200);
        title.setId("workstream-title");
        description.setMaxLength(10_000);
        description.setId("workstream-description");
        releasability.setItems(Releasability.values());
        releasability.setItemLabelGenerator(this::label);
        releasability.setValue(Releasability.PARTICIPANTS);
        releasability.setId("workstream-releasability");
        relTo.setItems(participants);
        relTo.setItemLabelGenerator(Partner::name);
        relTo.setVisible(false);
        releasability.addValueChangeListener(e -> relTo.setVisible(e.getValue() == Releasability.REL_TO));
        if (existing == null) {
            releasability.setHelperText(getTranslation("workstream.editor.releasabilityHelper"));
        }

        mechanism.setItems(Mechanism.values());
        mechanism.setItemLabelGenerator(this::label);
        mechanism.setId("initiative-mechanism");
        technologyArea.setItems(TechnologyArea.values());
        technologyArea.setItemLabelGenerator(this::label);
        partyTenant.setItems(partners.stream().filter(p -> p.kind() != null && switch (p.kind()) {
            case NGO, PRIVATE_SECURITY, CORPORATION, ACADEMIA -> true;
            default -> false;
        }).toList());
        partyTenant.setItemLabelGenerator(p -> getTranslation("engagement.partyWithKind", p.name(), label(p.kind())));
        engagementType.setItems(EngagementType.values());
        engagementType.setItemLabelGenerator(this::label);
        vettingStatus.setItems(VettingStatus.values());
        vettingStatus.setItemLabelGenerator(this::label);
        vettingStatus.setValue(VettingStatus.NOT_STARTED);
        riskRating.setItems(RiskRating.values());
        riskRating.setItemLabelGenerator(this::label);

        FormLayout common = new FormLayout(kind, title, description, releasability, relTo, region, startDate, endDate);
        common.setColspan(description, 2);
        common.setColspan(title, 2);
        fields.putAll(Map.ofEntries(Map.entry("kind", kind), Map.entry("title", title),
                Map.entry("description", description), Map.entry("releasability", releasability),
                Map.entry("relTo", relTo), Map.entry("region", region), Map.entry("startDate", startDate),
                Map.entry("endDate", endDate), Map.entry("mechanism", mechanism), Map.entry("objectives", objectives),
                Map.entry("technologyArea", technologyArea), Map.entry("trlStart", trlStart),
                Map.entry("trlCurrent", trlCurrent), Map.entry("trlTarget", trlTarget), Map.entry("party", partyTenant),
                Map.entry("engagementType", engagementType), Map.entry("agreementValidTo", agreementValidTo)));

        if (existing != null) {
            fill(existing, existingDetails);
            kind.setReadOnly(true);
        } else {
            kind.setValue(WorkstreamKind.INITIATIVE);
        }
        add(common, kindForm);

        Button save = new Button(getTranslation(existing == null ? "action.create" : "action.save"), click -> save());
        save.setId("save-workstream");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER).listenOn(this);
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        getFooter().add(cancel, save);
    }

    private String label(Enum<?> constant) {
        return getTranslation(Translations.enumKey(constant));
    }

    private static IntegerField trlField(String label) {
        IntegerField field = new IntegerField(label);
        field.setMin(1);
        field.setMax(9);
        field.setStepButtonsVisible(true);
        field.setHelperText("1–9");
        return field;
    }

    private void showKindFields(WorkstreamKind selected) {
        kindForm.removeAll();
        if (selected == null) {
            return;
        }
        switch (selected) {
            case INITIATIVE -> {
                kindForm.add(mechanism, objectives);
                kindForm.setColspan(objectives, 2);
            }
            case RND_PROJECT -> {
                if (trlStart.isEmpty()) {
                    trlStart.setValue(1);
                    trlCurrent.setValue(1);
                    trlTarget.setValue(1);
                }
                kindForm.add(technologyArea, new Div(), trlStart, trlCurrent, trlTarget, new Div(), backgroundIp,
                        foregroundIp);
            }
            case ENGAGEMENT -> kindForm.add(partyTenant, partyName, engagementType, vettingStatus, agreementReference,
                    riskRating, agreementValidFrom, agreementValidTo, outcomes);
        }
    }

    private void fill(Workstream w, KindDetails details) {
        kind.setValue(w.kind());
        title.setValue(w.title());
        description.setValue(w.description() == null ? "" : w.description());
        releasability.setValue(w.releasability());
        relTo.getListDataView().getItems().filter(p -> w.relTo().contains(p.id())).forEach(relTo::select);
        region.setValue(w.region() == null ? "" : w.region());
        startDate.setValue(w.startDate());
        endDate.setValue(w.endDate());
        switch (details) {
            case KindDetails.Initiative i -> {
                mechanism.setValue(i.mechanism());
                objectives.setValue(String.join("\n", i.objectives()));
            }
            case KindDetails.RndProject r -> {
                technologyArea.setValue(r.technologyArea());
                trlStart.setValue(r.trlStart());
                trlCurrent.setValue(r.trlCurrent());
                trlTarget.setValue(r.trlTarget());
                backgroundIp.setValue(r.backgroundIpTerms() == null ? "" : r.backgroundIpTerms());
                foregroundIp.setValue(r.foregroundIpTerms() == null ? "" : r.foregroundIpTerms());
            }
            case KindDetails.Engagement e -> {
                partyTenant.getListDataView().getItems().filter(p -> p.id().equals(e.partyTenantId())).findFirst()
                        .ifPresent(partyTenant::setValue);
                partyName.setValue(e.partyName() == null ? "" : e.partyName());
                engagementType.setValue(e.engagementType());
                vettingStatus.setValue(e.vettingStatus());
                agreementReference.setValue(e.agreementReference() == null ? "" : e.agreementReference());
                agreementValidFrom.setValue(e.agreementValidFrom());
                agreementValidTo.setValue(e.agreementValidTo());
                riskRating.setValue(e.riskRating());
                outcomes.setValue(e.outcomes() == null ? "" : e.outcomes());
            }
            case null -> {
            }
        }
    }

    private void save() {
        Feedback.clear(fields);
        if (kind.getValue() == null) {
            kind.setErrorMessage(getTranslation("workstream.editor.kindMissing"));
            kind.setInvalid(true);
            return;
        }
        WorkstreamDraft draft = new WorkstreamDraft(title.getValue(), description.getValue(), releasability.getValue(),
                relTo.getSelectedItems().stream().map(Partner::id).toList(), region.getValue(), startDate.getValue(),
                endDate.getValue(), details(kind.getValue()));
        try {
            Workstream saved = existing == null ? workstreams.create(draft) : workstreams.update(existing, draft);
            close();
            onSaved.accept(saved);
        } catch (RuntimeException e) {
            Feedback.show(e, fields, () -> {
                close();
                onConflict.run();
            });
        }
    }

    private KindDetails details(WorkstreamKind selected) {
        return switch (selected) {
            case INITIATIVE -> new KindDetails.Initiative(mechanism.getValue(),
                    Arrays.stream(objectives.getValue().split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList());
            case RND_PROJECT -> new KindDetails.RndProject(technologyArea.getValue(), valueOf(trlStart),
                    valueOf(trlCurrent), valueOf(trlTarget), backgroundIp.getValue(), foregroundIp.getValue());
            case ENGAGEMENT -> new KindDetails.Engagement(partyTenant.getValue() == null ? null : partyTenant.getValue().id(),
                    partyName.getValue(), engagementType.getValue(), vettingStatus.getValue(),
                    agreementReference.getValue(), agreementValidFrom.getValue(), agreementValidTo.getValue(),
                    riskRating.getValue(), outcomes.getValue());
        };
    }

    /** An empty or unparsable TRL becomes 0, which the service reports as out of range. */
    private static int valueOf(IntegerField field) {
        return field.getValue() == null ? 0 : field.getValue();
    }
}
