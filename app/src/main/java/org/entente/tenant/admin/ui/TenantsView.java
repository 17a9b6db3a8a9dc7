package org.entente.tenant.admin.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.entente.platform.audit.AuditChain;
import org.entente.platform.i18n.Formats;
import org.entente.platform.i18n.Translations;
import org.entente.platform.i18n.ui.Localized;
import org.entente.tenant.TenantKind;
import org.entente.tenant.TenantStatus;
import org.entente.tenant.admin.AdministrationException;
import org.entente.tenant.admin.Reconciliation;
import org.entente.tenant.admin.TenantCapacities;
import org.entente.tenant.admin.TenantAdministration;
import org.entente.tenant.admin.TenantDraft;
import org.entente.tenant.admin.TenantSummary;
import org.entente.platform.ui.EmailOffNotice;
import org.entente.platform.ui.FocusReturn;

/**
 * The platform administrator's tenants: list, search and filter, create, edit, suspend, reactivate, offboard; each
 * organization's capacity by year, edited here or loaded from a CSV file.
 */
@Route("tenants")
@Menu(title = "Tenants", order = 10, icon = "vaadin:globe")
@RolesAllowed("platform-admin")
public class TenantsView extends VerticalLayout implements HasDynamicTitle {

    private final TenantAdministration administration;
    private final Reconciliation reconciliation;
    private final AuditChain auditChain;
    private final TenantCapacities capacities;
    private final Grid<TenantSummary> grid = new Grid<>(TenantSummary.class, false);
    private final TextField search = new TextField();
    private final ComboBox<TenantKind> kindFilter = new ComboBox<>();
    private final ComboBox<TenantStatus> statusFilter = new ComboBox<>();

    public TenantsView(TenantAdministration administration, Reconciliation reconciliation, AuditChain auditChain,
            TenantCapacities capacities) {
        this.administration = administration;
        this.reconciliation = reconciliation;
        this.auditChain = auditChain;
        this.capacities = capacities;
        setSizeFull();

        search.setId("tenant-search");
        search.setPlaceholder(getTranslation("admin.tenants.search"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.EAGER);
        search.addValueChangeListener(e -> refresh());
        kindFilter.setId("kind-filter");
        kindFilter.setPlaceholder(getTranslation("admin.tenants.anyKind"));
        kindFilter.setItems(TenantKind.values());
        kindFilter.setItemLabelGenerator(kind -> getTranslation(Translations.enumKey(kind)));
        kindFilter.setClearButtonVisible(true);
        kindFilter.addValueChangeListener(e -> refresh());
        statusFilter.setId("status-filter");
        statusFilter.setPlaceholder(getTranslation("admin.tenants.anyStatus"));
        statusFilter.setItems(TenantStatus.values());
        statusFilter.setItemLabelGenerator(status -> getTranslation(Translations.enumKey(status)));
        statusFilter.setClearButtonVisible(true);
        statusFilter.addValueChangeListener(e -> refresh());

        Button create = new Button(getTranslation("admin.tenants.new"), click -> openEditor(null));
        create.setId("new-tenant");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button reconcile = new Button(getTranslation("admin.tenants.reconcile"), click -> reconcile());
        reconcile.setId("reconcile");
        Button checkAudit = new Button(getTranslation("admin.tenants.checkAudit"), click -> checkAuditChains());
        checkAudit.setId("check-audit-chains");
        Button loadCapacities = new Button(getTranslation("admin.tenants.loadCapacities"),
                click -> new CapacityImportDialog(capacities, this::refresh).open());
        loadCapacities.setId("load-capacities");

        HorizontalLayout toolbar = new HorizontalLayout(search, kindFilter, statusFilter, create, reconcile, checkAudit,
                loadCapacities);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.setWidthFull();
        toolbar.getStyle().set("flex-wrap", "wrap"); // the buttons wrap rather than push the page sideways
        toolbar.expand(search);

        grid.setId("tenants");
        // Region and capacity are in the edit dialog; the list keeps to what fits next to the actions.
        grid.addColumn(TenantSummary::name).setHeader(getTranslation("admin.tenants.column.name")).setSortable(true).setFlexGrow(3);
        grid.addColumn(TenantSummary::alias).setHeader(getTranslation("admin.tenants.column.alias")).setSortable(true).setFlexGrow(1);
        grid.addColumn(t -> getTranslation(Translations.enumKey(t.kind())))
                .setHeader(getTranslation("admin.tenants.column.kind"))
                .setSortable(true).setFlexGrow(1);
        grid.addComponentColumn(this::statusBadge).setHeader(getTranslation("admin.tenants.column.status")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(t -> Formats.number(getLocale(), t.memberCount()))
                .setComparator(TenantSummary::memberCount).setHeader(getTranslation("admin.tenants.column.members")).setSortable(true).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(t -> t.lastActivityAt() == null ? getTranslation("admin.tenants.noActivity")
                        : Formats.dateTimeUtc(getLocale(), t.lastActivityAt()))
                .setHeader(getTranslation("admin.tenants.column.lastActivity")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(getTranslation("admin.tenants.empty"));

        add(new H1(getTranslation("admin.tenants.heading")), toolbar, grid);
        addComponentAtIndex(1, Instantiator.get(UI.getCurrent()).getOrCreate(EmailOffNotice.class));
        expand(grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.tenants.title");
    }

    private void refresh() {
        String text = search.getValue() == null ? "" : search.getValue().strip().toLowerCase(Locale.ROOT);
        List<TenantSummary> tenants = administration.tenants().stream()
                .filter(t -> text.isEmpty() || (t.name() + " " + t.alias() + " " + (t.region() == null ? "" : t.region()))
                        .toLowerCase(Locale.ROOT).contains(text))
                .filter(t -> kindFilter.getValue() == null || t.kind() == kindFilter.getValue())
                .filter(t -> statusFilter.getValue() == null || t.status() == statusFilter.getValue())
                .toList();
        grid.setItems(tenants);
    }

    private Component actions(TenantSummary tenant) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        actions.getStyle().set("gap", "var(--lumo-space-xs)");
        // Capacity is history the analytics keep using, offboarded or not.
        actions.add(small(getTranslation("admin.tenants.action.capacity"), "capacity-" + tenant.alias(), () -> new CapacityDialog(capacities, tenant).open()));
        if (tenant.status() == TenantStatus.OFFBOARDED) {
            return actions;
        }
        actions.add(small(getTranslation("action.edit"), "edit-" + tenant.alias(), () -> openEditor(tenant)));
        actions.add(small(getTranslation("admin.signIn.action"), "sign-in-" + tenant.alias(), () -> SignInProvidersPanel.dialogFor(tenant).open()));
        if (tenant.status() == TenantStatus.ACTIVE) {
            actions.add(small(getTranslation("admin.tenants.action.suspend"), "suspend-" + tenant.alias(),
                    () -> run(() -> administration.suspend(tenant.id()),
                            getTranslation("admin.tenants.suspended", tenant.name()))));
        } else {
            actions.add(small(getTranslation("admin.tenants.action.reactivate"), "reactivate-" + tenant.alias(),
                    () -> run(() -> administration.reactivate(tenant.id()),
                            getTranslation("admin.tenants.reactivated", tenant.name()))));
        }
        Button offboard = small(getTranslation("admin.tenants.action.offboard"), "offboard-" + tenant.alias(), () -> confirmOffboarding(tenant));
        offboard.addThemeVariants(ButtonVariant.LUMO_ERROR);
        actions.add(offboard);
        return actions;
    }

    private void confirmOffboarding(TenantSummary tenant) {
        ConfirmDialog confirm = Localized.confirmDialog(getTranslation("admin.tenants.offboard.header", tenant.name()),
                getTranslation("admin.tenants.offboard.text"), getTranslation("admin.tenants.action.offboard"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> run(() -> administration.offboard(tenant.id()),
                getTranslation("admin.tenants.offboarded", tenant.name())));
        confirm.open();
    }

    private void openEditor(TenantSummary tenant) {
        Dialog dialog = FocusReturn.to(new Dialog());
        dialog.setHeaderTitle(tenant == null ? getTranslation("admin.tenants.new")
                : getTranslation("admin.tenants.edit", tenant.name()));
        TextField name = new TextField(getTranslation("admin.tenants.field.name"));
        name.setId("tenant-name");
        TextField alias = new TextField(getTranslation("admin.tenants.field.alias"));
        alias.setId("tenant-alias");
        alias.setHelperText(getTranslation("admin.tenants.field.aliasHelp"));
        ComboBox<TenantKind> kind = new ComboBox<>(getTranslation("admin.tenants.field.kind"), TenantKind.values());
        kind.setId("tenant-kind");
        kind.setItemLabelGenerator(k -> getTranslation(Translations.enumKey(k)));
        TextField region = new TextField(getTranslation("admin.tenants.field.region"));
        region.setId("tenant-region");
        BigDecimalField capacity = Localized.decimalField(
                new BigDecimalField(getTranslation("admin.tenants.field.capacityIndex")));
        capacity.setI18n(new BigDecimalField.BigDecimalFieldI18n()
                .setBadInputErrorMessage(getTranslation("admin.tenants.field.capacityIndexInvalid")));
        capacity.setId("tenant-capacity");
        capacity.setHelperText(getTranslation("admin.tenants.field.capacityIndexHelp"));
        TextField domains = new TextField(getTranslation("admin.tenants.field.domains"));
        domains.setId("tenant-domains");
        domains.setHelperText(getTranslation("admin.tenants.field.domainsHelp"));
        if (tenant != null) {
            name.setValue(tenant.name());
            alias.setValue(tenant.alias());
            alias.setReadOnly(true);
            kind.setValue(tenant.kind());
            region.setValue(tenant.region() == null ? "" : tenant.region());
            capacity.setValue(tenant.capacityIndex());
            try {
                domains.setValue(String.join(", ", administration.emailDomains(tenant.id())));
            } catch (AdministrationException e) {
                error(e);
            }
        }
        FormLayout form = new FormLayout(name, alias, kind, region, capacity, domains);
        dialog.add(form);
        Button save = new Button(getTranslation(tenant == null ? "action.create" : "action.save"), click -> {
            if (capacity.isInvalid()) {
                return; // typed text that is no number: the field says so (its bad-input message)
            }
            TenantDraft draft = new TenantDraft(name.getValue(), alias.getValue(), kind.getValue(), region.getValue(),
                    capacity.getValue(), Arrays.asList(domains.getValue().split(",")));
            try {
                if (tenant == null) {
                    UUID id = administration.create(draft);
                    success(getTranslation("admin.tenants.created", draft.name().strip(), id.toString()));
                } else {
                    administration.update(tenant.id(), draft);
                    success(getTranslation("admin.tenants.saved", draft.name().strip()));
                }
                dialog.close();
                refresh();
            } catch (AdministrationException e) {
                error(e);
            }
        });
        save.setId("save-tenant");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), save);
        dialog.open();
    }

    /** The platform's tamper check: every organization's audit log is a hash chain; list where one breaks. */
    private void checkAuditChains() {
        List<AuditChain.Break> breaks = auditChain.federation();
        Map<UUID, String> names = administration.tenants().stream()
                .collect(Collectors.toMap(TenantSummary::id, TenantSummary::name, (a, b) -> a));
        Dialog dialog = FocusReturn.to(new Dialog());
        dialog.setHeaderTitle(getTranslation("admin.auditCheck.header"));
        dialog.setWidth("50rem");
        Span summary = new Span(breaks.isEmpty() ? getTranslation("admin.auditCheck.intact")
                : getTranslation("admin.auditCheck.broken", breaks.size()));
        summary.setId("audit-chain-summary");
        Grid<AuditChain.Break> found = new Grid<>(AuditChain.Break.class, false);
        found.setId("audit-chain-breaks");
        found.addColumn(b -> names.getOrDefault(b.tenantId(), b.tenantId().toString())).setHeader(getTranslation("admin.auditCheck.column.organization"))
                .setAutoWidth(true);
        found.addColumn(b -> Formats.number(getLocale(), b.position()))
                .setHeader(getTranslation("admin.auditCheck.column.position")).setAutoWidth(true);
        found.addColumn(b -> b.problemText().in(getLocale())).setHeader(getTranslation("admin.auditCheck.column.problem"))
                .setFlexGrow(1);
        found.setItems(breaks);
        found.setAllRowsVisible(true);
        found.setVisible(!breaks.isEmpty());
        dialog.add(new VerticalLayout(summary, found));
        dialog.getFooter().add(new Button(getTranslation("action.close"), click -> dialog.close()));
        dialog.open();
    }

    private void reconcile() {
        try {
            Reconciliation.Report report = reconciliation.reconcileNow();
            Dialog dialog = FocusReturn.to(new Dialog());
            dialog.setHeaderTitle(getTranslation("admin.reconciliation.header"));
            dialog.setWidth("60rem");
            Span summary = new Span(report.drifts().isEmpty() ? getTranslation("admin.reconciliation.noDrift")
                    : getTranslation("admin.reconciliation.summary", report.drifts().size(), report.repaired(),
                            report.unrepaired()));
            summary.setId("reconciliation-summary");
            Grid<Reconciliation.Drift> drifts = new Grid<>(Reconciliation.Drift.class, false);
            drifts.setId("drifts");
            drifts.addColumn(Reconciliation.Drift::tenantAlias)
                    .setHeader(getTranslation("admin.reconciliation.column.tenant")).setAutoWidth(true);
            drifts.addColumn(d -> getTranslation(Translations.enumKey(d.kind())))
                    .setHeader(getTranslation("admin.reconciliation.column.drift")).setAutoWidth(true);
            drifts.addColumn(Reconciliation.Drift::subject)
                    .setHeader(getTranslation("admin.reconciliation.column.subject")).setAutoWidth(true);
            drifts.addColumn(d -> d.detail().in(getLocale()))
                    .setHeader(getTranslation("admin.reconciliation.column.detail")).setFlexGrow(1);
            drifts.addColumn(d -> getTranslation(d.repaired() ? "admin.reconciliation.repaired"
                            : "admin.reconciliation.reported"))
                    .setHeader(getTranslation("admin.reconciliation.column.result")).setAutoWidth(true);
            drifts.setItems(report.drifts());
            drifts.setAllRowsVisible(true);
            dialog.add(new VerticalLayout(summary, drifts));
            dialog.getFooter().add(new Button(getTranslation("action.close"), click -> dialog.close()));
            dialog.open();
            refresh();
        } catch (AdministrationException e) {
            error(e);
        }
    }

    private void run(Runnable action, String done) {
        try {
            action.run();
            success(done);
        } catch (AdministrationException e) {
            error(e);
        }
        refresh();
    }

    private static Button small(String text, String id, Runnable action) {
        Button button = new Button(text, click -> action.run());
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    private Span statusBadge(TenantSummary tenant) {
        Span badge = new Span(getTranslation(Translations.enumKey(tenant.status())));
        badge.getElement().getThemeList().add(switch (tenant.status()) {
            case ACTIVE -> "badge success";
            case SUSPENDED -> "badge contrast";
            case OFFBOARDED -> "badge error";
        });
        badge.setId("status-" + tenant.alias());
        return badge;
    }

    static void success(String message) {
        Notification notification = Notification.show(message, 4000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    /** An administration failure, in the page's language. */
    static void error(AdministrationException failure) {
        error(failure.in(UI.getCurrent().getLocale()));
    }

    static void error(String message) {
        Notification notification = new Notification(message, 8000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.setId("admin-error");
        notification.open();
    }
}
