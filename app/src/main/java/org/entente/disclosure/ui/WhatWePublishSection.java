package org.entente.disclosure.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.entente.disclosure.ConsentChange;
import org.entente.disclosure.GrantToUs;
import org.entente.disclosure.PreviewUnavailable;
import org.entente.disclosure.Publication;
import org.entente.disclosure.PublicationConsent;
import org.entente.disclosure.PublicationPreview;
import org.entente.disclosure.Recipient;
import org.entente.platform.i18n.Language;
import org.entente.platform.i18n.Translations;
import org.entente.platform.ui.Feedback;
import org.entente.tenant.TenantKind;

/**
 * "What we publish" on My organization: the organizations with coordinators, ticked where the organization publishes
 * its own figures to them; tenant administrators change the ticks, preview what each organization's coordinators will
 * see, and save (confirming a revocation); everyone else reads. Below: who changed it, the history, and which
 * organizations publish to this one's coordinators.
 */
final class WhatWePublishSection extends VerticalLayout {

    /** A moment as the page's language writes it, in the server's zone ("7 Dec 2026, 14:05:09"). */
    static DateTimeFormatter when(Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(Language.orDefault(locale).locale()).withZone(ZoneId.systemDefault());
    }

    private static final int HISTORY = 200;

    private final PublicationConsent consent;
    private final PublicationPreview previews;
    private final FigureText figures;

    private final Span version = new Span();
    private final VerticalLayout recipientList = new VerticalLayout();
    private final DateTimeFormatter when = when(getLocale());
    private final Button save = new Button(getTranslation("disclosure.publish.save"));
    private final Button discard = new Button(getTranslation("disclosure.publish.undo"));
    private final Grid<ConsentChange> history = new Grid<>(ConsentChange.class, false);
    private final VerticalLayout toUs = new VerticalLayout();
    private final Map<UUID, Checkbox> ticks = new LinkedHashMap<>();
    private Publication shown;

    WhatWePublishSection(PublicationConsent consent, PublicationPreview previews, FigureText figures) {
        this.consent = consent;
        this.previews = previews;
        this.figures = figures;
        setId("what-we-publish");
        setPadding(false);

        H2 title = new H2(getTranslation("disclosure.publish.title"));
        title.setId("what-we-publish-heading");
        Paragraph explanation = new Paragraph(getTranslation("disclosure.publish.explanation"));
        version.setId("publication-version");
        recipientList.setId("publication-recipients");
        recipientList.setPadding(false);
        recipientList.setSpacing(false);

        save.setId("save-publication");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> saveOrConfirm());
        discard.setId("discard-publication");
        discard.addClickListener(click -> reload());
        HorizontalLayout actions = new HorizontalLayout(save, discard);
        actions.setId("publication-actions");

        history.setId("publication-history");
        history.addColumn(ConsentChange::version)
                .setHeader(getTranslation("disclosure.publish.history.version")).setAutoWidth(true).setFlexGrow(0);
        history.addColumn(c -> when.format(c.changedAt()))
                .setHeader(getTranslation("disclosure.publish.history.when")).setAutoWidth(true);
        history.addColumn(ConsentChange::granteeName)
                .setHeader(getTranslation("disclosure.publish.history.organization")).setAutoWidth(true);
        history.addColumn(c -> getTranslation(c.action() == ConsentChange.Action.GRANT
                        ? "disclosure.publish.history.granted" : "disclosure.publish.history.revoked"))
                .setHeader(getTranslation("disclosure.publish.history.change")).setAutoWidth(true);
        history.addColumn(ConsentChange::changedBy)
                .setHeader(getTranslation("disclosure.publish.history.by")).setAutoWidth(true);
        history.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        history.setEmptyStateText(getTranslation("disclosure.publish.history.empty"));
        history.setAllRowsVisible(true);
        toUs.setId("published-to-us");
        toUs.setPadding(false);

        add(title, explanation, version, recipientList, actions, new H3(getTranslation("disclosure.publish.history")),
                history, toUs);
        reload();
    }

    /** Reads the current version and shows it, dropping any unsaved ticks. */
    private void reload() {
        shown = consent.current();
        Publication.LastChange last = shown.lastChange();
        version.setText(last == null
                ? getTranslation("disclosure.publish.version.none")
                : getTranslation("disclosure.publish.version", String.valueOf(shown.version()), last.by(),
                        when.format(last.at())));
        ticks.clear();
        recipientList.removeAll();
        if (shown.recipients().isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("disclosure.publish.noRecipients"));
            empty.setId("publication-empty");
            recipientList.add(empty);
        }
        shown.recipients().forEach(recipient -> recipientList.add(row(recipient)));
        save.setVisible(shown.mayChange() && !shown.recipients().isEmpty());
        discard.setVisible(save.isVisible());
        if (!shown.mayChange()) {
            Paragraph readOnly = new Paragraph(getTranslation("disclosure.publish.readOnly"));
            readOnly.setId("publication-read-only");
            recipientList.add(readOnly);
        }
        updateActions();
        history.setItems(consent.history(HISTORY));
        showPublishingToUs(consent.publishingToUs(), shown.ownHasCoordinators());
    }

    private HorizontalLayout row(Recipient recipient) {
        Checkbox tick = new Checkbox(recipient.hasCoordinators() ? recipient.name()
                : getTranslation("disclosure.publish.noCoordinatorsNow", recipient.name()));
        tick.setId("publish-to-" + recipient.alias());
        tick.setValue(recipient.granted());
        // Read-only, not disabled: it stays focusable and is read out with its state.
        tick.setReadOnly(!shown.mayChange() || (!recipient.hasCoordinators() && !recipient.granted()));
        tick.addValueChangeListener(change -> updateActions());
        ticks.put(recipient.id(), tick);
        Span kind = new Span(recipient.kind() == null ? "" : kindLabel(recipient.kind()));
        kind.getElement().getThemeList().add("badge contrast");
        Span since = new Span(recipient.granted()
                ? getTranslation("disclosure.publish.since", when.format(recipient.grantedAt()), recipient.grantedBy())
                : getTranslation("disclosure.publish.notPublished"));
        since.setId("granted-" + recipient.alias());
        since.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        HorizontalLayout row = new HorizontalLayout(tick, kind, since);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (shown.mayChange() && recipient.hasCoordinators()) {
            Button preview = new Button(getTranslation("disclosure.publish.preview"), click -> preview(recipient));
            preview.setId("preview-" + recipient.alias());
            preview.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            preview.setTooltipText(getTranslation("disclosure.publish.preview.tooltip", recipient.name()));
            row.add(preview);
        }
        return row;
    }

    private Set<UUID> ticked() {
        return ticks.entrySet().stream().filter(e -> e.getValue().getValue()).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    private void updateActions() {
        boolean changed = shown != null && !ticked().equals(shown.granted());
        save.setEnabled(changed);
        discard.setEnabled(changed);
    }

    private void saveOrConfirm() {
        Set<UUID> wanted = ticked();
        List<Recipient> revoked = shown.recipients().stream().filter(r -> r.granted() && !wanted.contains(r.id()))
                .toList();
        if (revoked.isEmpty()) {
            save(wanted);
            return;
        }
        String names = revoked.stream().map(Recipient::name)
                .reduce((a, b) -> getTranslation("disclosure.publish.namesAnd", a, b)).orElse("");
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("confirm-revoke");
        confirm.setHeader(getTranslation("disclosure.publish.revoke.header", names));
        Paragraph text = new Paragraph(getTranslation("disclosure.publish.revoke.text", names));
        text.setId("confirm-revoke-text");
        confirm.setText(text);
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("disclosure.publish.revoke.keep"));
        // A button of our own (with an id for tests): a custom confirm button neither closes the dialog nor fires its
        // confirm listeners, so it does both itself.
        Button stop = new Button(getTranslation("disclosure.publish.revoke.stop"), click -> {
            confirm.close();
            save(wanted);
        });
        stop.setId("confirm-stop-publishing");
        stop.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.setConfirmButton(stop);
        confirm.open();
    }

    private void save(Set<UUID> wanted) {
        try {
            Publication before = shown;
            consent.save(before.version(), wanted);
            String granted = names(before, r -> !r.granted() && wanted.contains(r.id()));
            String revoked = names(before, r -> r.granted() && !wanted.contains(r.id()));
            List<String> said = new ArrayList<>(List.of(getTranslation("disclosure.publish.saved")));
            if (!granted.isEmpty()) {
                said.add(getTranslation("disclosure.publish.saved.granted", granted));
            }
            if (!revoked.isEmpty()) {
                said.add(getTranslation("disclosure.publish.saved.revoked", revoked));
            }
            said.add(getTranslation("disclosure.publish.saved.next"));
            Feedback.success(String.join(" ", said));
            reload();
        } catch (RuntimeException e) {
            Feedback.show(e, Map.of(), this::reload);
        }
    }

    private String kindLabel(TenantKind kind) {
        return getTranslation(Translations.enumKey(kind));
    }

    private static String names(Publication publication, java.util.function.Predicate<Recipient> which) {
        return publication.recipients().stream().filter(which).map(Recipient::name)
                .collect(Collectors.joining(", "));
    }

    private void preview(Recipient recipient) {
        try {
            new PreviewDialog(previews.of(recipient.id()), figures).open();
        } catch (PreviewUnavailable e) {
            Feedback.error(e.text());
        } catch (RuntimeException e) {
            Feedback.show(e, Map.of(), this::reload);
        }
    }

    /** For an organization with coordinators (or anyone published to): who publishes to it. */
    private void showPublishingToUs(List<GrantToUs> grants, boolean ownHasCoordinators) {
        toUs.removeAll();
        toUs.setVisible(ownHasCoordinators || !grants.isEmpty());
        if (!toUs.isVisible()) {
            return;
        }
        toUs.add(new H3(getTranslation("disclosure.toUs.title")));
        Paragraph list = new Paragraph(grants.isEmpty()
                ? getTranslation("disclosure.toUs.none")
                : getTranslation("disclosure.toUs.list", grants.size(),
                        grants.stream().map(GrantToUs::name).collect(Collectors.joining(", "))));
        list.setId("published-to-us-list");
        toUs.add(list);
    }
}
