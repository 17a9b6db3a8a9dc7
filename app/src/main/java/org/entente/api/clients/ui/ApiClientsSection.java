package org.entente.api.clients.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import org.entente.api.clients.ApiClient;
import org.entente.api.clients.ApiClientService;
import org.entente.api.clients.IssuedSecret;
import org.entente.platform.i18n.Formats;
import org.entente.platform.i18n.ui.Localized;
import org.entente.platform.keycloak.KeycloakRequestException;
import org.entente.platform.keycloak.KeycloakUnavailableException;
import org.entente.platform.ui.Feedback;
import org.entente.platform.ui.FocusReturn;

/**
 * The organization's API clients on Members: create one (its secret shown once, with a copy button), rotate its
 * secret (the new one shown once), revoke it (after a confirmation). The service checks that the caller administers the
 * organization; this only lays it out.
 */
class ApiClientsSection extends VerticalLayout {

    private final ApiClientService clients;
    private final Grid<ApiClient> grid = new Grid<>(ApiClient.class, false);
    private final Paragraph empty = new Paragraph();
    private final Button rotate = new Button();
    private final Button revoke = new Button();

    ApiClientsSection(ApiClientService clients) {
        this.clients = clients;
        setPadding(false);
        setId("api-clients");

        TextField name = new TextField(getTranslation("api.clients.field.name"));
        name.setId("api-client-name");
        name.setMaxLength(100);
        Button create = new Button(getTranslation("api.clients.create"), click -> create(name));
        create.setId("create-api-client");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(name, create);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setId("api-client-grid");
        grid.addColumn(ApiClient::displayName).setHeader(getTranslation("api.clients.column.name")).setAutoWidth(true);
        grid.addColumn(ApiClient::clientId).setHeader(getTranslation("api.clients.column.clientId")).setAutoWidth(true);
        grid.addColumn(c -> Formats.dateTimeUtc(getLocale(), c.createdAt()))
                .setHeader(getTranslation("api.clients.column.created")).setAutoWidth(true);
        grid.addColumn(c -> c.rotatedAt() == null ? "" : Formats.dateTimeUtc(getLocale(), c.rotatedAt()))
                .setHeader(getTranslation("api.clients.column.rotated")).setAutoWidth(true);
        grid.addColumn(c -> getTranslation(c.revoked() ? "api.clients.status.revoked" : "api.clients.status.active"))
                .setHeader(getTranslation("api.clients.column.status")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addSelectionListener(e -> actionsFor(e.getFirstSelectedItem().orElse(null)));

        rotate.setText(getTranslation("api.clients.rotate"));
        rotate.setId("rotate-api-client");
        rotate.addClickListener(click -> grid.getSelectedItems().stream().findFirst().ifPresent(this::rotate));
        revoke.setText(getTranslation("api.clients.revoke"));
        revoke.setId("revoke-api-client");
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
        revoke.addClickListener(click -> grid.getSelectedItems().stream().findFirst().ifPresent(this::confirmRevoke));
        actionsFor(null);

        empty.setText(getTranslation("api.clients.empty"));
        empty.setId("api-clients-empty");

        add(new H2(getTranslation("api.clients.heading")), new Paragraph(getTranslation("api.clients.intro")), form,
                empty, grid, new HorizontalLayout(rotate, revoke));
        refresh();
    }

    private void actionsFor(ApiClient selected) {
        boolean usable = selected != null && !selected.revoked();
        rotate.setEnabled(usable);
        revoke.setEnabled(usable);
    }

    private void refresh() {
        List<ApiClient> all = clients.list();
        grid.setItems(all);
        grid.setVisible(!all.isEmpty());
        empty.setVisible(all.isEmpty());
        actionsFor(null);
    }

    private void create(TextField name) {
        try {
            IssuedSecret issued = clients.create(name.getValue());
            name.clear();
            refresh();
            showSecret(getTranslation("api.clients.created.header", issued.client().displayName()), issued);
        } catch (RuntimeException e) {
            fail(e, Map.of("displayName", name));
        }
    }

    private void rotate(ApiClient client) {
        try {
            IssuedSecret issued = clients.rotate(client.id());
            refresh();
            showSecret(getTranslation("api.clients.rotated.header", client.displayName()), issued);
        } catch (RuntimeException e) {
            fail(e, Map.of());
        }
    }

    private void confirmRevoke(ApiClient client) {
        ConfirmDialog confirm = Localized.confirmDialog(
                getTranslation("api.clients.revoke.header", client.displayName()),
                getTranslation("api.clients.revoke.text", client.clientId()),
                getTranslation("api.clients.revoke"));
        confirm.setId("confirm-revoke-api-client");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            try {
                clients.revoke(client.id());
                Feedback.success(getTranslation("api.clients.revoked", client.displayName()));
            } catch (RuntimeException failure) {
                fail(failure, Map.of());
            }
            refresh();
        });
        confirm.open();
    }

    /** The client id and secret, once: Entente does not keep the secret, so closing the dialog is the last look. */
    private void showSecret(String header, IssuedSecret issued) {
        Dialog dialog = FocusReturn.to(new Dialog());
        dialog.setId("api-client-secret-dialog");
        dialog.setHeaderTitle(header);
        TextField clientId = new TextField(getTranslation("api.clients.column.clientId"));
        clientId.setValue(issued.client().clientId());
        clientId.setReadOnly(true);
        clientId.setId("api-client-id");
        clientId.setWidthFull();
        TextField secret = new TextField(getTranslation("api.clients.secret"));
        secret.setValue(issued.secret());
        secret.setReadOnly(true);
        secret.setId("api-client-secret");
        secret.setWidthFull();
        Button copy = new Button(getTranslation("api.clients.copy"), click -> {
            secret.getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", issued.secret());
            Feedback.success(getTranslation("api.clients.copied"));
        });
        copy.setId("copy-api-client-secret");
        Span once = new Span(getTranslation("api.clients.secretOnce"));
        VerticalLayout content = new VerticalLayout(once, clientId, secret, copy);
        content.setPadding(false);
        dialog.add(content);
        Button close = new Button(getTranslation("api.clients.close"), click -> dialog.close());
        close.setId("close-api-client-secret");
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(close);
        dialog.setWidth("36em");
        dialog.open();
    }

    private void fail(RuntimeException e, Map<String, TextField> fields) {
        if (e instanceof KeycloakUnavailableException || e instanceof KeycloakRequestException) {
            Feedback.error(getTranslation("api.clients.error.keycloak"));
            return;
        }
        Feedback.show(e, fields, this::refresh);
    }
}
