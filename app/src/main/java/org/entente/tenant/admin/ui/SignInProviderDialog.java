package org.entente.tenant.admin.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.entente.platform.ui.Feedback;
import org.entente.platform.ui.FocusReturn;
import org.entente.platform.validation.InvalidInput;
import org.entente.tenant.admin.AdministrationException;
import org.entente.tenant.admin.SignInProvider;
import org.entente.tenant.admin.SignInProviderDraft;

/**
 * Adding an organization's own identity provider: OpenID Connect (discovery address, or the addresses one by one, and
 * the client) or SAML 2.0 (metadata address); the e-mail domain it serves, whether Keycloak sends people of that domain
 * straight to it, whether it is hidden from the general login page. The service checks every field; its messages
 * appear next to the fields.
 */
final class SignInProviderDialog extends Dialog {

    enum Protocol {
        OIDC, SAML
    }

    private static final java.util.Set<String> ENDPOINT_FIELDS = java.util.Set.of("authorizationUrl", "tokenUrl",
            "jwksUrl", "issuer");

    private final RadioButtonGroup<Protocol> protocol = new RadioButtonGroup<>(getTranslation("admin.signIn.field.protocol"));
    private final TextField alias = field("admin.signIn.field.alias", "provider-alias");
    private final TextField displayName = field("admin.signIn.field.displayName", "provider-name");
    private final TextField discoveryUrl = field("admin.signIn.field.discoveryUrl", "provider-discovery-url");
    private final TextField authorizationUrl = field("admin.signIn.field.authorizationUrl", "provider-authorization-url");
    private final TextField tokenUrl = field("admin.signIn.field.tokenUrl", "provider-token-url");
    private final TextField jwksUrl = field("admin.signIn.field.jwksUrl", "provider-jwks-url");
    private final TextField issuer = field("admin.signIn.field.issuer", "provider-issuer");
    private final TextField clientId = field("admin.signIn.field.clientId", "provider-client-id");
    private final PasswordField clientSecret = new PasswordField(getTranslation("admin.signIn.field.clientSecret"));
    private final TextField metadataUrl = field("admin.signIn.field.metadataUrl", "provider-metadata-url");
    private final TextField emailDomain = field("admin.signIn.field.emailDomain", "provider-domain");
    private final Checkbox redirect = new Checkbox(getTranslation("admin.signIn.field.redirect"), true);
    private final Checkbox hidden = new Checkbox(getTranslation("admin.signIn.field.hidden"), true);
    private final Details endpoints = new Details(getTranslation("admin.signIn.field.endpoints"));
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    SignInProviderDialog(Function<SignInProviderDraft, SignInProvider> link, Consumer<SignInProvider> linked) {
        FocusReturn.to(this);
        setId("sign-in-provider-dialog");
        setHeaderTitle(getTranslation("admin.signIn.add"));
        setWidth("48rem");

        protocol.setId("provider-protocol");
        protocol.setItems(Protocol.values());
        protocol.setItemLabelGenerator(p -> getTranslation(p == Protocol.SAML ? "admin.signIn.protocol.saml"
                : "admin.signIn.protocol.oidc"));
        protocol.setValue(Protocol.OIDC);
        alias.setHelperText(getTranslation("admin.signIn.field.aliasHelp"));
        alias.setMaxLength(63);
        displayName.setMaxLength(100);
        discoveryUrl.setPlaceholder("https://login.example.org/.well-known/openid-configuration"); // i18n-ok: an address
        discoveryUrl.setHelperText(getTranslation("admin.signIn.field.discoveryUrlHelp"));
        clientSecret.setId("provider-client-secret");
        metadataUrl.setPlaceholder("https://login.example.org/saml/metadata"); // i18n-ok: an address
        metadataUrl.setHelperText(getTranslation("admin.signIn.field.metadataUrlHelp"));
        emailDomain.setHelperText(getTranslation("admin.signIn.field.emailDomainHelp"));
        redirect.setId("provider-redirect");
        redirect.setHelperText(getTranslation("admin.signIn.field.redirectHelp"));
        hidden.setId("provider-hidden");
        hidden.setHelperText(getTranslation("admin.signIn.field.hiddenHelp"));

        FormLayout addresses = new FormLayout(authorizationUrl, tokenUrl, jwksUrl, issuer);
        endpoints.add(addresses);
        endpoints.setId("provider-endpoints");
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 2));
        form.add(protocol, 2);
        form.add(alias, displayName);
        form.add(discoveryUrl, 2);
        form.add(endpoints, 2);
        form.add(clientId, clientSecret);
        form.add(metadataUrl, 2);
        form.add(emailDomain, 2);
        form.add(redirect, 2);
        form.add(hidden, 2);
        Paragraph about = new Paragraph(getTranslation("admin.signIn.dialogAbout"));
        about.getStyle().set("margin-top", "0");
        add(about, form);

        fields.put("alias", alias);
        fields.put("displayName", displayName);
        fields.put("discoveryUrl", discoveryUrl);
        fields.put("authorizationUrl", authorizationUrl);
        fields.put("tokenUrl", tokenUrl);
        fields.put("jwksUrl", jwksUrl);
        fields.put("issuer", issuer);
        fields.put("clientId", clientId);
        fields.put("clientSecret", clientSecret);
        fields.put("samlMetadataUrl", metadataUrl);
        fields.put("emailDomain", emailDomain);
        protocol.addValueChangeListener(e -> showProtocol());
        showProtocol();

        Button save = new Button(getTranslation("admin.signIn.save"), click -> {
            Feedback.clear(fields);
            try {
                SignInProvider provider = link.apply(draft());
                close();
                linked.accept(provider);
            } catch (InvalidInput invalid) {
                if (invalid.fieldTexts().keySet().stream().anyMatch(ENDPOINT_FIELDS::contains)) {
                    endpoints.setOpened(true); // a message inside the folded addresses must be seen
                }
                Feedback.show(invalid, fields, () -> { });
            } catch (AdministrationException e) {
                TenantsView.error(e);
            }
        });
        save.setId("save-sign-in-provider");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        cancel.setId("cancel-sign-in-provider");
        getFooter().add(cancel, save);
    }

    /** What is typed, for the chosen protocol only (the other protocol's fields stay out of the request). */
    private SignInProviderDraft draft() {
        boolean saml = protocol.getValue() == Protocol.SAML;
        return new SignInProviderDraft(alias.getValue(), displayName.getValue(),
                saml ? null : discoveryUrl.getValue(), saml ? null : authorizationUrl.getValue(),
                saml ? null : tokenUrl.getValue(), saml ? null : jwksUrl.getValue(), saml ? null : issuer.getValue(),
                saml ? null : clientId.getValue(), saml ? null : clientSecret.getValue(), emailDomain.getValue(),
                saml ? metadataUrl.getValue() : null, redirect.getValue(), hidden.getValue());
    }

    private void showProtocol() {
        boolean saml = protocol.getValue() == Protocol.SAML;
        discoveryUrl.setVisible(!saml);
        endpoints.setVisible(!saml);
        clientId.setVisible(!saml);
        clientSecret.setVisible(!saml);
        metadataUrl.setVisible(saml);
    }

    private TextField field(String key, String id) {
        TextField field = new TextField(getTranslation(key));
        field.setId(id);
        field.setWidthFull();
        return field;
    }
}
