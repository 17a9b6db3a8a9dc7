package org.entente.workstream;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.entente.db.jooq.Tables;
import org.entente.platform.i18n.Language;
import org.entente.platform.i18n.Translations;
import org.entente.tenant.TenantKind;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Names and kinds of the active partner organizations (not secret; their people are). The same for every tenant,
 * so one copy serves everybody for {@link #FRESH_FOR}: every list, feed and marking reads it, and loading it each
 * time was a query per call (bench P4/P5). A rename, suspension or new organization shows within that time.
 *
 * <p>It loads in a transaction of its own when the caller has none (a grid rendering a marking): without one the
 * database sees no tenant and the directory function returns nothing, which drew markings as "REL TO ?, ?".
 */
@Service
public class PartnerDirectory {

    static final Duration FRESH_FOR = Duration.ofSeconds(15);

    private record Loaded(List<Partner> partners, Map<UUID, Partner> byId, long loadedAt) {
    }

    private final DSLContext dsl;
    private final TransactionTemplate readOnly;
    private volatile Loaded loaded;

    PartnerDirectory(DSLContext dsl, PlatformTransactionManager transactionManager) {
        this.dsl = dsl;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    /** The next read loads the directory again (tests; an instance that changed a tenant itself may call it). */
    void forget() {
        loaded = null;
    }

    public List<Partner> all() {
        return current().partners();
    }

    public Map<UUID, Partner> byId() {
        return current().byId();
    }

    /**
     * The organization a person wrote in a spreadsheet cell, by its name or short name (alias), in any case; empty when
     * no organization is called that.
     */
    public java.util.Optional<Partner> named(String nameOrAlias) {
        String wanted = nameOrAlias == null ? "" : nameOrAlias.strip().replace('\u00a0', ' ').toLowerCase(java.util.Locale.ROOT);
        return all().stream().filter(p -> wanted.equals(p.alias().toLowerCase(java.util.Locale.ROOT))
                || wanted.equals(p.name().toLowerCase(java.util.Locale.ROOT))).findFirst();
    }

    private Loaded current() {
        Loaded copy = loaded;
        if (copy != null && System.nanoTime() - copy.loadedAt() < FRESH_FOR.toNanos()) {
            return copy;
        }
        return load();
    }

    /** Reads the directory now, and keeps it for the next callers. */
    private Loaded load() {
        List<Partner> partners = readOnly.execute(status -> dsl.selectFrom(Tables.PARTNER_DIRECTORY())
                .fetch(r -> new Partner(r.getId(), r.getAlias(), r.getName(), TenantKind.valueOf(r.getKind()),
                        r.getRegion()))
                .stream().sorted(Comparator.comparing(Partner::name)).toList());
        Loaded fresh = new Loaded(partners, partners.stream().collect(Collectors.toUnmodifiableMap(Partner::id,
                Function.identity())), System.nanoTime());
        if (!partners.isEmpty()) {
            loaded = fresh;   // empty means "no tenant in this transaction" (background work): never keep that
        }
        return fresh;
    }

    /** A partner no longer in the directory (suspended or offboarded) still has a recognizable entry. */
    public static Partner unknown(UUID id) {
        return new Partner(id, "unavailable", "Partner no longer active", null, null);
    }

    /**
     * The partner as the directory says now, not from the copy: decisions (may this organization be invited?) must
     * not rest on a list up to {@link #FRESH_FOR} old, e.g. just after a suspension was lifted.
     */
    public Optional<Partner> find(UUID id) {
        return Optional.ofNullable(load().byId().get(id));
    }

    /** The marking in English; {@link #marking(Locale, Releasability, List, UUID)} writes it for a reader. */
    public String marking(Releasability releasability, List<UUID> relTo, UUID ownTenantId) {
        return marking(Language.EN.locale(), releasability, relTo, ownTenantId);
    }

    /**
     * "REL TO NORWAY, KENYA" style marking for a record's releasability, in the reader's language ("COMMUNICABLE À
     * NORWAY, KENYA"); the organizations are named by their aliases, which are the same in every language.
     */
    public String marking(Locale locale, Releasability releasability, List<UUID> relTo, UUID ownTenantId) {
        if (releasability != Releasability.REL_TO) {
            return Translations.label(locale, releasability);
        }
        Map<UUID, Partner> partners = byId();
        String audience = releasability.audience(ownTenantId, relTo, List.of()).stream()
                .map(id -> partners.containsKey(id) ? partners.get(id).alias().toUpperCase() : "?")
                .collect(Collectors.joining(", "));
        return Translations.text(locale, "workstream.marking.relTo", audience);
    }
}
