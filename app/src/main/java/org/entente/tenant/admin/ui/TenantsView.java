package org.entente.tenant.admin.ui;

import com.vaadin.flow.component.Component;
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
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.entente.platform.audit.AuditChain;
import org.entente.tenant.TenantKind;
import org.entente.tenant.TenantStatus;
import org.entente.tenant.admin.AdministrationException;
import org.entente.tenant.admin.Reconciliation;
import org.entente.tenant.admin.TenantCapacities;
import org.entente.tenant.admin.TenantAdministration;
import org.entente.tenant.admin.TenantDraft;
import org.entente.tenant.admin.TenantSummary;

/**
 * The platform administrator's tenants: list, search and filter, create, edit, suspend, reactivate, offboard; each
 * organization's capacity by year, edited here or loaded from a CSV file.
 */
@Route("tenants")
@PageTitle("Tenants · Entente")
@Menu(title = "Tenants", order = 10, icon = "vaadin:globe")
@RolesAllowed("platform-admin")
public class TenantsView extends VerticalLayout {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withZone(ZoneId.systemDefault());

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
        search.setPlaceholder("Search name, alias or region");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.EAGER);
        search.addValueChangeListener(e -> refresh());
        kindFilter.setId("kind-filter");
        kindFilter.setPlaceholder("Any kind");
        kindFilter.setItems(TenantKind.values());
        kindFilter.setItemLabelGenerator(TenantKind::label);
        kindFilter.setClearButtonVisible(true);
        kindFilter.addValueChangeListener(e -> refresh());
        statusFilter.setId("status-filter");
        statusFilter.setPlaceholder("Any status");
        statusFilter.setItems(TenantStatus.values());
        statusFilter.setClearButtonVisible(true);
        statusFilter.addValueChangeListener(e -> refresh());

        Button create = new Button("New tenant", click -> openEditor(null));
        create.setId("new-tenant");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button reconcile = new Button("Reconcile with Keycloak", click -> reconcile());
        reconcile.setId("reconcile");
        Button checkAudit = new Button("Check audit logs", click -> checkAuditChains());
        checkAudit.setId("check-audit-chains");
        Button loadCapacities = new Button("Load capacities (CSV)",
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
        grid.addColumn(TenantSummary::name).setHeader("Name").setSortable(true).setFlexGrow(3);
        grid.addColumn(TenantSummary::alias).setHeader("Alias").setSortable(true).setFlexGrow(1);
        grid.addColumn(t -> t.kind().name().replace('_', ' ').toLowerCase(Locale.ROOT)).setHeader("Kind")
                .setSortable(true).setFlexGrow(1);
        grid.addComponentColumn(TenantsView::statusBadge).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(TenantSummary::memberCount).setHeader("Members").setSortable(true).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(t -> t.lastActivityAt() == null ? "None" : WHEN.format(t.lastActivityAt()))
                .setHeader("Last activity").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText("No tenant matches.");

        add(new H1("Tenants"), toolbar, grid);
        expand(grid);
        refresh();
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
        actions.add(small("Capacity", "capacity-" + tenant.alias(), () -> new CapacityDialog(capacities, tenant).open()));
        if (tenant.status() == TenantStatus.OFFBOARDED) {
            return actions;
        }
        actions.add(small("Edit", "edit-" + tenant.alias(), () -> openEditor(tenant)));
        if (tenant.status() == TenantStatus.ACTIVE) {
            actions.add(small("Suspend", "suspend-" + tenant.alias(), () -> run(() -> administration.suspend(tenant.id()),
                    tenant.name() + " is suspended.")));
        } else {
            actions.add(small("Reactivate", "reactivate-" + tenant.alias(),
                    () -> run(() -> administration.reactivate(tenant.id()), tenant.name() + " is active again.")));
        }
        Button offboard = small("Offboard", "offboard-" + tenant.alias(), () -> confirmOffboarding(tenant));
        offboard.addThemeVariants(ButtonVariant.LUMO_ERROR);
        actions.add(offboard);
        return actions;
    }

    private void confirmOffboarding(TenantSummary tenant) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Offboard " + tenant.name() + "?");
        confirm.setText("Every membership is removed and open invitations are cancelled. The organization's records "
                + "stay its own and remain readable to other participants only as released. This cannot be undone "
                + "from this screen.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Offboard");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> run(() -> administration.offboard(tenant.id()), tenant.name() + " is offboarded."));
        confirm.open();
    }

    private void openEditor(TenantSummary tenant) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(tenant == null ? "New tenant" : "Edit " + tenant.name());
        TextField name = new TextField("Name");
        name.setId("tenant-name");
        TextField alias = new TextField("Alias");
        alias.setId("tenant-alias");
        alias.setHelperText("Keycloak organization alias: lowercase letters, digits, hyphens");
        ComboBox<TenantKind> kind = new ComboBox<>("Kind", TenantKind.values());
        kind.setId("tenant-kind");
        kind.setItemLabelGenerator(TenantKind::label);
        TextField region = new TextField("Region");
        region.setId("tenant-region");
        BigDecimalField capacity = new BigDecimalField("Capacity index");
        capacity.setId("tenant-capacity");
        capacity.setHelperText("One relative figure, kept for reference: the burden analytics use the capacity by year "
                + "(Capacity in the list)");
        TextField domains = new TextField("Email domains");
        domains.setId("tenant-domains");
        domains.setHelperText("Comma-separated, e.g. partner.example.org");
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
                error(e.getMessage());
            }
        }
        FormLayout form = new FormLayout(name, alias, kind, region, capacity, domains);
        dialog.add(form);
        Button save = new Button(tenant == null ? "Create" : "Save", click -> {
            TenantDraft draft = new TenantDraft(name.getValue(), alias.getValue(), kind.getValue(), region.getValue(),
                    capacity.getValue(), Arrays.asList(domains.getValue().split(",")));
            try {
                if (tenant == null) {
                    UUID id = administration.create(draft);
                    success("Tenant " + draft.name().strip() + " created (" + id + ").");
                } else {
                    administration.update(tenant.id(), draft);
                    success(draft.name().strip() + " saved.");
                }
                dialog.close();
                refresh();
            } catch (AdministrationException e) {
                error(e.getMessage());
            }
        });
        save.setId("save-tenant");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
        dialog.open();
    }

    /** The platform's tamper check: every organization's audit log is a hash chain; list where one breaks. */
    private void checkAuditChains() {
        List<AuditChain.Break> breaks = auditChain.federation();
        Map<UUID, String> names = administration.tenants().stream()
                .collect(Collectors.toMap(TenantSummary::id, TenantSummary::name, (a, b) -> a));
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Audit log tamper check");
        dialog.setWidth("50rem");
        Span summary = new Span(breaks.isEmpty() ? "Every organization's audit log is intact."
                : breaks.size() + " organization(s) have an audit log that was changed outside Entente.");
        summary.setId("audit-chain-summary");
        Grid<AuditChain.Break> found = new Grid<>(AuditChain.Break.class, false);
        found.setId("audit-chain-breaks");
        found.addColumn(b -> names.getOrDefault(b.tenantId(), b.tenantId().toString())).setHeader("Organization")
                .setAutoWidth(true);
        found.addColumn(AuditChain.Break::position).setHeader("First broken entry").setAutoWidth(true);
        found.addColumn(AuditChain.Break::problem).setHeader("What is wrong").setFlexGrow(1);
        found.setItems(breaks);
        found.setAllRowsVisible(true);
        found.setVisible(!breaks.isEmpty());
        dialog.add(new VerticalLayout(summary, found));
        dialog.getFooter().add(new Button("Close", click -> dialog.close()));
        dialog.open();
    }

    private void reconcile() {
        try {
            Reconciliation.Report report = reconciliation.reconcileNow();
            Dialog dialog = new Dialog();
            dialog.setHeaderTitle("Reconciliation with Keycloak");
            dialog.setWidth("60rem");
            Span summary = new Span(report.drifts().isEmpty() ? "Keycloak and Entente agree: no drift."
                    : report.drifts().size() + " difference(s) found, " + report.repaired() + " repaired, "
                            + report.unrepaired() + " need a decision.");
            summary.setId("reconciliation-summary");
            Grid<Reconciliation.Drift> drifts = new Grid<>(Reconciliation.Drift.class, false);
            drifts.setId("drifts");
            drifts.addColumn(Reconciliation.Drift::tenantAlias).setHeader("Tenant").setAutoWidth(true);
            drifts.addColumn(d -> d.kind().name().replace('_', ' ').toLowerCase(Locale.ROOT)).setHeader("Drift")
                    .setAutoWidth(true);
            drifts.addColumn(Reconciliation.Drift::subject).setHeader("Who / what").setAutoWidth(true);
            drifts.addColumn(Reconciliation.Drift::detail).setHeader("Detail").setFlexGrow(1);
            drifts.addColumn(d -> d.repaired() ? "repaired" : "reported").setHeader("Result").setAutoWidth(true);
            drifts.setItems(report.drifts());
            drifts.setAllRowsVisible(true);
            dialog.add(new VerticalLayout(summary, drifts));
            dialog.getFooter().add(new Button("Close", click -> dialog.close()));
            dialog.open();
            refresh();
        } catch (AdministrationException e) {
            error(e.getMessage());
        }
    }

    private void run(Runnable action, String done) {
        try {
            action.run();
            success(done);
        } catch (AdministrationException e) {
            error(e.getMessage());
        }
        refresh();
    }

    private static Button small(String text, String id, Runnable action) {
        Button button = new Button(text, click -> action.run());
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    private static Span statusBadge(TenantSummary tenant) {
        Span badge = new Span(tenant.status().name().toLowerCase(Locale.ROOT));
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

    static void error(String message) {
        Notification notification = new Notification(message, 8000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.setId("admin-error");
        notification.open();
    }
}
