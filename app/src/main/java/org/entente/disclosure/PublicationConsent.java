package org.entente.disclosure;

import static org.entente.db.jooq.Tables.PUBLICATION_CONSENT;
import static org.entente.db.jooq.Tables.PUBLICATION_CONSENT_CHANGE;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.entente.db.jooq.Routines;
import org.entente.db.jooq.tables.records.PublicationConsentRecord;
import org.entente.disclosure.OwnOrganization.Acting;
import org.entente.platform.audit.AuditTrail;
import org.entente.platform.validation.InvalidInput;
import org.entente.platform.validation.SqlState;
import org.entente.tenant.TenantKind;
import org.entente.workstream.Partner;
import org.entente.workstream.PartnerDirectory;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the signed-in person's organization publishes to which organizations' coordinators: read by every member,
 * changed by its tenant administrators only, always for the organization of the signed-in token. Each save is one new
 * version of the whole set, stored only if nobody saved since the version the page showed; each grant and revocation
 * is a line of the history and an event of the organization's audit log (whose hash chain the database keeps).
 * Revoking takes effect for coordinators at the next analytics snapshot, which copies the grants.
 */
@Service
public class PublicationConsent {

    /** V50: a save whose version is no longer the next one (another save committed first). */
    static final String SAVED_MEANWHILE = "EN061";

    private final DSLContext dsl;
    private final OwnOrganization organization;
    private final PartnerDirectory partners;
    private final AuditTrail audit;

    PublicationConsent(DSLContext dsl, OwnOrganization organization, PartnerDirectory partners, AuditTrail audit) {
        this.dsl = dsl;
        this.organization = organization;
        this.partners = partners;
        this.audit = audit;
    }

    /** The organizations one can publish to, ticked where the organization does, at the current version. */
    @Transactional(readOnly = true)
    public Publication current() {
        return read(organization.require());
    }

    /**
     * Publishes to exactly {@code grantees} from now on (at the next snapshot): grants the new ones, revokes the
     * others, as one new version. Without a difference nothing is stored.
     *
     * @param shownVersion the version the person decided on ({@link Publication#version()})
     * @throws org.entente.platform.validation.NotAllowed for anyone but a tenant administrator of the organization
     * @throws PublicationChangedMeanwhile                 when someone saved since {@code shownVersion}
     * @throws InvalidInput                                (field {@code grantees}) for a new grant to an organization
     *                                                     without coordinators, or to the own
     */
    @Transactional
    public Publication save(int shownVersion, Set<UUID> grantees) {
        Acting admin = organization.requireTenantAdmin();
        Set<UUID> wanted = new HashSet<>(grantees == null ? Set.of() : grantees);
        wanted.remove(null);
        int version = version();
        if (version != shownVersion) {
            throw new PublicationChangedMeanwhile();
        }
        Map<UUID, PublicationConsentRecord> current = grants(admin.tenantId());
        List<UUID> granting = wanted.stream().filter(id -> !current.containsKey(id)).sorted().toList();
        List<UUID> revoking = current.keySet().stream().filter(id -> !wanted.contains(id)).sorted().toList();
        if (granting.isEmpty() && revoking.isEmpty()) {
            return read(admin);
        }
        Map<UUID, CoordinatorOrganization> coordinators = coordinatorOrganizations(admin.tenantId());
        for (UUID grantee : granting) {
            if (!coordinators.containsKey(grantee)) {
                throw grantee.equals(admin.tenantId())
                        ? InvalidInput.of("grantees", "disclosure.error.publishToSelf")
                        : InvalidInput.of("grantees", "disclosure.error.noCoordinators",
                                partnerName(grantee, coordinators));
            }
        }
        int next = version + 1;
        try {
            // The history first: its first row takes the organization's turn (V50's trigger), so that of two saves
            // against one version the second waits for the first, then stops here with nothing stored (EN061).
            granting.forEach(grantee -> change(admin, next, grantee, ConsentChange.Action.GRANT, coordinators));
            revoking.forEach(grantee -> change(admin, next, grantee, ConsentChange.Action.REVOKE, coordinators));
        } catch (RuntimeException e) {
            if (SqlState.is(e, SAVED_MEANWHILE)) {
                throw new PublicationChangedMeanwhile();
            }
            throw e;
        }
        for (UUID grantee : granting) {
            dsl.insertInto(PUBLICATION_CONSENT)
                    .set(PUBLICATION_CONSENT.TENANT_ID, admin.tenantId())
                    .set(PUBLICATION_CONSENT.GRANTEE_TENANT_ID, grantee)
                    .set(PUBLICATION_CONSENT.GRANTED_BY_MEMBER_ID, admin.memberId())
                    .set(PUBLICATION_CONSENT.GRANTED_BY, admin.displayName())
                    .execute();
        }
        if (!revoking.isEmpty()) {
            dsl.deleteFrom(PUBLICATION_CONSENT)
                    .where(PUBLICATION_CONSENT.TENANT_ID.eq(admin.tenantId()),
                            PUBLICATION_CONSENT.GRANTEE_TENANT_ID.in(revoking))
                    .execute();
        }
        return read(admin);
    }

    /** The organization's grants and revocations, newest first. */
    @Transactional(readOnly = true)
    public List<ConsentChange> history(int limit) {
        Acting acting = organization.require();
        Map<UUID, Partner> directory = partners.byId();
        var change = PUBLICATION_CONSENT_CHANGE;
        return dsl.selectFrom(change)
                .where(change.TENANT_ID.eq(acting.tenantId()))
                .orderBy(change.VERSION.desc(), change.ID.desc())
                .limit(limit)
                .fetch(r -> new ConsentChange(r.getVersion(), r.getGranteeTenantId(),
                        name(r.getGranteeTenantId(), directory), ConsentChange.Action.valueOf(r.getAction()),
                        r.getChangedBy(), r.getChangedAt()));
    }

    /**
     * The organizations that publish their own figures to the coordinators of the signed-in person's organization
     * (names and since when only), by name.
     */
    @Transactional(readOnly = true)
    public List<GrantToUs> publishingToUs() {
        Acting acting = organization.require();
        Map<UUID, Partner> directory = partners.byId();
        return dsl.selectFrom(PUBLICATION_CONSENT)
                .where(PUBLICATION_CONSENT.GRANTEE_TENANT_ID.eq(acting.tenantId()))
                .fetch(r -> new GrantToUs(r.getTenantId(), name(r.getTenantId(), directory), r.getGrantedAt()))
                .stream().sorted(Comparator.comparing(GrantToUs::name)).toList();
    }

    private Publication read(Acting acting) {
        Map<UUID, PublicationConsentRecord> grants = grants(acting.tenantId());
        Map<UUID, CoordinatorOrganization> coordinators = coordinatorOrganizations(null);
        boolean ownHasCoordinators = coordinators.remove(acting.tenantId()) != null;
        Map<UUID, Partner> directory = partners.byId();
        List<Recipient> recipients = new ArrayList<>();
        coordinators.values().forEach(c -> recipients.add(recipient(c.id(), c.alias(), c.name(), c.kind(), true,
                grants.get(c.id()))));
        grants.values().stream().filter(g -> !coordinators.containsKey(g.getGranteeTenantId())).forEach(g -> {
            Partner partner = directory.getOrDefault(g.getGranteeTenantId(),
                    PartnerDirectory.unknown(g.getGranteeTenantId()));
            recipients.add(recipient(partner.id(), partner.alias(), partner.name(), partner.kind(), false, g));
        });
        recipients.sort(Comparator.comparing(Recipient::name).thenComparing(Recipient::id));
        var change = PUBLICATION_CONSENT_CHANGE;
        int version = version();
        Publication.LastChange last = dsl.select(change.CHANGED_BY, change.CHANGED_AT).from(change)
                .where(change.TENANT_ID.eq(acting.tenantId()), change.VERSION.eq(version))
                .orderBy(change.ID.desc()).limit(1)
                .fetchOptional(r -> new Publication.LastChange(r.value1(), r.value2())).orElse(null);
        return new Publication(version, recipients, last, acting.tenantAdmin(), ownHasCoordinators);
    }

    private static Recipient recipient(UUID id, String alias, String name, TenantKind kind, boolean hasCoordinators,
            PublicationConsentRecord grant) {
        return new Recipient(id, alias, name, kind, hasCoordinators, grant == null ? null : grant.getGrantedAt(),
                grant == null ? null : grant.getGrantedBy());
    }

    private void change(Acting admin, int version, UUID grantee, ConsentChange.Action action,
            Map<UUID, CoordinatorOrganization> coordinators) {
        var change = PUBLICATION_CONSENT_CHANGE;
        dsl.insertInto(change)
                .set(change.TENANT_ID, admin.tenantId())
                .set(change.VERSION, version)
                .set(change.GRANTEE_TENANT_ID, grantee)
                .set(change.ACTION, action.name())
                .set(change.CHANGED_BY_MEMBER_ID, admin.memberId())
                .set(change.CHANGED_BY, admin.displayName())
                .execute();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", version);
        details.put("grantee", partnerName(grantee, coordinators));
        details.put("published", action == ConsentChange.Action.GRANT);
        audit.record(action == ConsentChange.Action.GRANT ? "CONSENT_GRANTED" : "CONSENT_REVOKED",
                "publication_consent", grantee, null, details);
    }

    /** The organization's current grants (the grantee policy would also show grants made to it: not these). */
    private Map<UUID, PublicationConsentRecord> grants(UUID tenantId) {
        return dsl.selectFrom(PUBLICATION_CONSENT)
                .where(PUBLICATION_CONSENT.TENANT_ID.eq(tenantId))
                .fetchMap(PUBLICATION_CONSENT.GRANTEE_TENANT_ID);
    }

    private int version() {
        return dsl.select(Routines.publicationConsentVersion()).fetchSingle().value1();
    }

    /** Organizations with coordinators, without {@code own} (if given), by id. */
    private Map<UUID, CoordinatorOrganization> coordinatorOrganizations(UUID own) {
        Map<UUID, CoordinatorOrganization> coordinators = new LinkedHashMap<>();
        dsl.selectFrom(Routines.coordinatorOrganizations()).fetch().forEach(r -> {
            if (!Objects.equals(r.getId(), own)) {
                coordinators.put(r.getId(), new CoordinatorOrganization(r.getId(), r.getAlias(), r.getName(),
                        kind(r.getKind())));
            }
        });
        return coordinators;
    }

    private record CoordinatorOrganization(UUID id, String alias, String name, TenantKind kind) {
    }

    private String partnerName(UUID id, Map<UUID, CoordinatorOrganization> coordinators) {
        CoordinatorOrganization coordinator = coordinators.get(id);
        return coordinator != null ? coordinator.name() : name(id, partners.byId());
    }

    private static String name(UUID id, Map<UUID, Partner> directory) {
        return directory.getOrDefault(id, PartnerDirectory.unknown(id)).name();
    }

    private static TenantKind kind(String kind) {
        try {
            return kind == null ? null : TenantKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
