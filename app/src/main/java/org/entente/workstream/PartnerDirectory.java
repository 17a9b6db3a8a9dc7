package org.entente.workstream;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.entente.db.jooq.Tables;
import org.entente.tenant.TenantKind;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Names and kinds of the active partner organizations (not secret; their people are). */
@Service
public class PartnerDirectory {

    private final DSLContext dsl;

    PartnerDirectory(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Transactional(readOnly = true)
    public List<Partner> all() {
        return dsl.selectFrom(Tables.PARTNER_DIRECTORY()).fetch(r -> new Partner(r.getId(), r.getAlias(),
                        r.getName(), TenantKind.valueOf(r.getKind()), r.getRegion()))
                .stream().sorted(Comparator.comparing(Partner::name)).toList();
    }

    @Transactional(readOnly = true)
    public Map<UUID, Partner> byId() {
        return all().stream().collect(Collectors.toMap(Partner::id, Function.identity()));
    }

    /** A partner no longer in the directory (suspended or offboarded) still has a recognizable entry. */
    public static Partner unknown(UUID id) {
        return new Partner(id, "unavailable", "Partner no longer active", null, null);
    }

    public Optional<Partner> find(UUID id) {
        return Optional.ofNullable(byId().get(id));
    }

    /** "REL TO NORWAY, KENYA" style marking for a record's releasability. */
    public String marking(Releasability releasability, List<UUID> relTo, UUID ownTenantId) {
        if (releasability != Releasability.REL_TO) {
            return releasability.marking();
        }
        Map<UUID, Partner> partners = byId();
        String audience = java.util.stream.Stream.concat(java.util.stream.Stream.of(ownTenantId), relTo.stream())
                .distinct()
                .map(id -> partners.containsKey(id) ? partners.get(id).alias().toUpperCase() : "?")
                .collect(Collectors.joining(", "));
        return "REL TO " + audience;
    }
}
