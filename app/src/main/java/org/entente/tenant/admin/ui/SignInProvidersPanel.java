package org.entente.tenant.admin.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.VaadinService;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.entente.platform.i18n.ui.Localized;
import org.entente.platform.ui.FocusReturn;
import org.entente.tenant.admin.AdministrationException;
import org.entente.tenant.admin.SignInProvider;
import org.entente.tenant.admin.SignInProviderDraft;
import org.entente.tenant.admin.SignInProviders;
import org.entente.tenant.admin.TenantSummary;

/**
 * An organization's own identity provider (issue 19): the provider linked to it, adding one (OpenID Connect or SAML),
 * unlinking it after a confirmation. The same panel serves a tenant admin on Members (their own organization: the
 * service takes it from their token) and the platform administrator on Tenants (the tenant they picked).
 */
public final class SignInProvidersPanel extends VerticalLayout {

    /** What the panel may do, bound to the signed-in tenant admin's organization or to one tenant. */
    record Scope(Supplier<List<SignInProvider>> list,
            Function<SignInProviderDraft, SignInProvider> link, Consumer<String> unlink) {
    }

    private final Scope scope;
    private final Grid<SignInProvider> grid = new Grid<>(SignInProvider.class, false);
    private final Button add = new Button();
    private final Paragraph onlyOne = new Paragraph();

    /** The tenant admin's section on Members: their own organization (the service reads it from the token). */
    public static SignInProvidersPanel forMyOrganization() {
        SignInProviders providers = service();
        SignInProvidersPanel panel = new SignInProvidersPanel(new Scope(providers::ofMyOrganization,
                providers::linkToMyOrganization, providers::unlinkFromMyOrganization));
        panel.addComponentAsFirst(new H2(panel.getTranslation("admin.signIn.heading")));
        return panel;
    }

    /** The platform administrator's dialog on Tenants for one tenant. */
    static Dialog dialogFor(TenantSummary tenant) {
        SignInProviders providers = service();
        Dialog dialog = FocusReturn.to(new Dialog());
        dialog.setId("sign-in-providers-dialog");
        dialog.setHeaderTitle(dialog.getTranslation("admin.signIn.dialogHeader", tenant.name()));
        dialog.setWidth("64rem");
        SignInProvidersPanel panel = new SignInProvidersPanel(new Scope(() -> providers.of(tenant.id()),
                draft -> providers.link(tenant.id(), draft), alias -> providers.unlink(tenant.id(), alias)));
        panel.setPadding(false);
        dialog.add(panel);
        Button close = new Button(dialog.getTranslation("action.close"), click -> dialog.close());
        close.setId("close-sign-in-providers");
        dialog.getFooter().add(close);
        return dialog;
    }

    /**
     * The service from Spring, so that the views hosting this panel add it with one line and no constructor
     * parameter (Vaadin's Spring instantiator returns the singleton bean).
     */
    private static SignInProviders service() {
        return VaadinService.getCurrent().getInstantiator().getOrCreate(SignInProviders.class);
    }

    private SignInProvidersPanel(Scope scope) {
        this.scope = scope;
        setId("sign-in-section");
        setPadding(false);
        Paragraph about = new Paragraph(getTranslation("admin.signIn.about"));
        about.getStyle().set("margin-top", "0");

        grid.setId("sign-in-providers");
        // Fits the section and the dialog without sideways scrolling: long texts wrap, Unlink stays in view.
        grid.addColumn(p -> p.displayName().equals(p.alias()) ? p.alias() : p.displayName() + " (" + p.alias() + ")")
                .setHeader(getTranslation("admin.signIn.column.provider")).setFlexGrow(2);
        grid.addColumn(p -> getTranslation(p.saml() ? "admin.signIn.protocol.saml" : "admin.signIn.protocol.oidc"))
                .setHeader(getTranslation("admin.signIn.column.protocol")).setFlexGrow(1);
        grid.addColumn(SignInProvider::emailDomain).setHeader(getTranslation("admin.signIn.column.domain"))
                .setFlexGrow(2);
        grid.addColumn(p -> getTranslation(p.redirectWhenEmailMatches() ? "admin.signIn.redirects"
                        : "admin.signIn.noRedirect"))
                .setHeader(getTranslation("admin.signIn.column.redirect")).setFlexGrow(1);
        grid.addColumn(p -> getTranslation(p.hiddenOnLoginPage() ? "admin.signIn.hidden" : "admin.signIn.shown"))
                .setHeader(getTranslation("admin.signIn.column.loginPage")).setFlexGrow(1);
        grid.addColumn(p -> p.issuer() == null ? "" : p.issuer()).setHeader(getTranslation("admin.signIn.column.issuer"))
                .setFlexGrow(3);
        grid.addComponentColumn(this::unlinkButton).setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText(getTranslation("admin.signIn.empty"));
        grid.setAllRowsVisible(true);

        add.setText(getTranslation("admin.signIn.add"));
        add.setId("add-sign-in-provider");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(click -> new SignInProviderDialog(scope.link(), this::linked).open());
        onlyOne.setText(getTranslation("admin.signIn.onlyOne"));
        onlyOne.setId("sign-in-only-one");

        add(about, grid, add, onlyOne);
        refresh();
    }

    private void linked(SignInProvider provider) {
        TenantsView.success(getTranslation("admin.signIn.linked", provider.displayName(), provider.emailDomain()));
        refresh();
    }

    private Component unlinkButton(SignInProvider provider) {
        Button unlink = new Button(getTranslation("admin.signIn.unlink"), click -> confirmUnlink(provider));
        unlink.setId("unlink-" + provider.alias());
        unlink.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        return unlink;
    }

    private void confirmUnlink(SignInProvider provider) {
        ConfirmDialog confirm = Localized.confirmDialog(
                getTranslation("admin.signIn.unlink.header", provider.displayName()),
                getTranslation("admin.signIn.unlink.text", provider.displayName(), provider.emailDomain()),
                getTranslation("admin.signIn.unlink"));
        confirm.setId("confirm-unlink-provider");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            try {
                scope.unlink().accept(provider.alias());
                TenantsView.success(getTranslation("admin.signIn.unlinked", provider.displayName()));
            } catch (AdministrationException failure) {
                TenantsView.error(failure);
            }
            refresh();
        });
        confirm.open();
    }

    private void refresh() {
        try {
            List<SignInProvider> providers = scope.list().get();
            grid.setItems(providers);
            // Entente links one provider per organization: adding is offered only while there is none.
            add.setVisible(providers.isEmpty());
            onlyOne.setVisible(!providers.isEmpty());
        } catch (AdministrationException e) {
            grid.setItems(List.of());
            add.setVisible(false);
            onlyOne.setVisible(false);
            TenantsView.error(e);
        }
    }
}
