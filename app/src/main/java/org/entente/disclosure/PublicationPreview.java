package org.entente.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.entente.analytics.engine.Analytics;
import org.entente.analytics.engine.AnalyticsFilter;
import org.entente.analytics.engine.AnalyticsReport;
import org.entente.analytics.engine.BurdenGuideline;
import org.entente.analytics.engine.ConsentOverride;
import org.entente.analytics.engine.ConsentingPartner;
import org.entente.analytics.engine.Viewer;
import org.entente.analytics.engine.rollup.Cell;
import org.entente.analytics.engine.rollup.Column;
import org.entente.analytics.engine.rollup.RollupTable;
import org.entente.analytics.engine.rollup.Row;
import org.entente.analytics.engine.snapshot.NoSnapshotException;
import org.entente.disclosure.OwnOrganization.Acting;
import org.entente.platform.i18n.Text;
import org.entente.platform.validation.NotAllowed;
import org.entente.tenant.Tenant;
import org.entente.tenant.TenantService;
import org.entente.workstream.PartnerDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * "What NATO ACT's coordinators will see of us": the grantee's federation view on the current snapshot, computed by
 * the engine as if the organization had already consented ({@link ConsentOverride}), then cut to the organization's
 * own rows and own figures. Only its tenant administrators may ask, and only about an organization with coordinators.
 *
 * <p>The tables' rows name their partner, not its id, so the own rows are found by the organization's name (as the
 * snapshot spells it, else as PostgreSQL does). Two active organizations with one name would make that ambiguous: then
 * the preview is refused rather than show someone else's row.
 *
 * <p>Kept: pledged, delivered, delivery rate, capacity, intensity, participation counts. Left out: shares of the
 * delivered total, fair share, burden ratio and the guideline mark, which compare the organization with the others'
 * totals: the preview would let its administrators work out figures of partners that never consented to them.
 */
@Service
public class PublicationPreview {

    private static final Logger log = LoggerFactory.getLogger(PublicationPreview.class);

    /** The tables with a row per partner that consent publishes. */
    static final List<String> TABLES = List.of("burden-sharing", "burden-sharing-by-year", "partner-degree");
    /** The columns about the organization alone. */
    static final Set<String> OWN_FIGURES = Set.of("partner_kind", "partner", "pledged_year", "pledged_eur",
            "delivered_eur", "delivery_rate", "capacity_eur", "intensity", "degree", "workstreams");
    private static final String PARTNER = "partner";

    private final Analytics analytics;
    private final OwnOrganization organization;
    private final PublicationConsent consent;
    private final TenantService tenants;
    private final PartnerDirectory partners;

    PublicationPreview(Analytics analytics, OwnOrganization organization, PublicationConsent consent,
            TenantService tenants, PartnerDirectory partners) {
        this.analytics = analytics;
        this.organization = organization;
        this.consent = consent;
        this.tenants = tenants;
        this.partners = partners;
    }

    /**
     * What the coordinators of {@code grantee} will see of the signed-in person's organization once it publishes to
     * them, on the current snapshot.
     *
     * @throws NotAllowed          for anyone but a tenant administrator, or a grantee without coordinators
     * @throws PreviewUnavailable  when the snapshot cannot be read, or the own rows cannot be told apart
     */
    public PreviewFigures of(UUID grantee) {
        Acting admin = organization.requireTenantAdmin();
        Recipient recipient = consent.current().recipients().stream()
                .filter(r -> r.id().equals(grantee) && r.hasCoordinators()).findFirst()
                .orElseThrow(() -> new NotAllowed("disclosure.error.previewNoCoordinators"));
        Tenant own = tenants.currentTenant().orElseThrow(() -> new NotAllowed("disclosure.error.organizationUnavailable"));
        if (partners.all().stream().anyMatch(p -> !p.id().equals(own.id()) && p.name().equals(own.name()))) {
            throw new PreviewUnavailable(Text.of("disclosure.preview.error.sameName", own.name()));
        }
        AnalyticsReport report;
        try {
            // The partner kind of the own organization: the figures about it are the same, and the ranked views
            // list one kind.
            report = analytics.preview(Viewer.federation(grantee),
                    new AnalyticsFilter(null, null, null, own.kind().name(), null), BurdenGuideline.none(),
                    new ConsentOverride(admin.tenantId(), true));
        } catch (NoSnapshotException e) {
            return new PreviewFigures(grantee, recipient.name(), own.name(), null, List.of(), List.of());
        } catch (RuntimeException e) {
            log.warn("Publication preview failed for {} → {}", admin.tenantId(), grantee, e);
            throw new PreviewUnavailable(Text.of("disclosure.preview.error.cannotCompute", String.valueOf(e.getMessage())));
        }
        String name = report.publishedByConsent().stream().filter(p -> p.tenantId().equals(own.id()))
                .map(ConsentingPartner::name).findFirst().orElse(own.name());
        List<RollupTable> tables = new ArrayList<>();
        for (String id : TABLES) {
            report.table(id).flatMap(table -> ownRows(table, name)).ifPresent(tables::add);
        }
        return new PreviewFigures(grantee, recipient.name(), own.name(), report.snapshot().takenAt(), tables,
                report.notes().stream().filter(note -> note.contains(name)).toList());
    }

    /** {@code table} cut to the rows of partner {@code name} and the columns about it alone; empty without such a row. */
    static java.util.Optional<RollupTable> ownRows(RollupTable table, String name) {
        int partner = table.columnIndex(PARTNER);
        if (partner < 0) {
            return java.util.Optional.empty();
        }
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            if (OWN_FIGURES.contains(table.columns().get(i).id())) {
                kept.add(i);
            }
        }
        List<Column> columns = kept.stream().map(table.columns()::get).toList();
        List<Row> rows = new ArrayList<>();
        for (Row row : table.rows()) {
            Cell cell = row.cell(partner);
            if (!row.total() && cell != null && name.equals(cell.value())) {
                rows.add(new Row(kept.stream().map(row::cell).toList(), false));
            }
        }
        return rows.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(new RollupTable(table.id(), table.title(), table.question(), columns, rows,
                        null));
    }
}
