package org.entente.tenant.admin;

import static org.entente.db.jooq.Tables.VALUATION_RATE;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.entente.db.jooq.Routines;
import org.entente.db.tenancy.Actor;
import org.entente.db.tenancy.TenantScope;
import org.entente.platform.i18n.Text;
import org.entente.platform.security.SignedInUser;
import org.entente.platform.validation.InvalidInput;
import org.entente.platform.validation.PlainText;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Capacity by year, kept by platform administrators: each organization's capacity (GDP, budget) per year in EUR,
 * edited one year at a time or loaded from a CSV file. Every change goes through the database's platform functions,
 * which write it and its audit event in the organization's own log; a file is stored whole or not at all.
 */
@Service
public class TenantCapacities {

    private static final Logger log = LoggerFactory.getLogger(TenantCapacities.class);
    /** Valuation units that are currencies (ISO 4217 codes); PERSON_DAY values personnel, not money. */
    private static final String CURRENCY_CODE = "^[A-Z]{3}$";

    private final DSLContext dsl;
    private final TransactionTemplate transactions;
    private final Administrators administrators;
    private final TenantAdministration tenants;

    TenantCapacities(DSLContext dsl, PlatformTransactionManager transactionManager, Administrators administrators,
            TenantAdministration tenants) {
        this.dsl = dsl;
        this.transactions = new TransactionTemplate(transactionManager);
        this.administrators = administrators;
        this.tenants = tenants;
    }

    /** One organization's capacities, newest year first. */
    public List<TenantCapacity> of(UUID tenantId) {
        SignedInUser admin = administrators.requirePlatformAdmin();
        tenants.find(tenantId);
        return stored(admin, tenantId);
    }

    /**
     * Sets (adds or replaces) one organization's capacity for one year.
     *
     * @throws InvalidInput keyed {@code year}, {@code capacityEur}, {@code source}
     */
    public void set(UUID tenantId, Integer year, BigDecimal capacityEur, String source) {
        SignedInUser admin = administrators.requirePlatformAdmin();
        TenantSummary tenant = tenants.find(tenantId);
        String valid = validate(year, capacityEur, source);
        TenantScope.runAs(new Actor(tenantId, admin.memberId()), () -> transactions.executeWithoutResult(status ->
                Routines.platformSetTenantCapacity(dsl.configuration(), tenantId, year, capacityEur, valid,
                        admin.displayName())));
        log.info("Capacity of {} for {} set by {}", tenant.alias(), year, admin.getPreferredUsername());
    }

    /** Removes one organization's capacity for one year; false if there was none. */
    public boolean delete(UUID tenantId, int year) {
        SignedInUser admin = administrators.requirePlatformAdmin();
        tenants.find(tenantId);
        return Boolean.TRUE.equals(TenantScope.callAs(new Actor(tenantId, admin.memberId()), () -> transactions.execute(
                status -> Routines.platformDeleteTenantCapacity(dsl.configuration(), tenantId, year,
                        admin.displayName()))));
    }

    /** The currencies a capacity file may use, with their EUR rate: the valuation rates contributions use. */
    public Map<String, BigDecimal> currencies() {
        administrators.requirePlatformAdmin();
        return rates();
    }

    /**
     * Reads a capacity file and says what loading it would change; stores nothing.
     *
     * @throws CapacityImportException naming every bad line and column
     */
    public CapacityImport read(String fileName, byte[] content) {
        SignedInUser admin = administrators.requirePlatformAdmin();
        List<TenantSummary> all = tenants.overview();
        Map<String, UUID> byAlias = all.stream().collect(Collectors.toMap(TenantSummary::alias, TenantSummary::id));
        Map<UUID, String> names = all.stream().collect(Collectors.toMap(TenantSummary::id, TenantSummary::name));
        List<CapacityCsv.Line> lines = CapacityCsv.read(content, byAlias, rates());

        Map<UUID, Map<Integer, TenantCapacity>> before = new HashMap<>();
        for (UUID tenantId : lines.stream().map(CapacityCsv.Line::tenantId).distinct().toList()) {
            before.put(tenantId, stored(admin, tenantId).stream()
                    .collect(Collectors.toMap(TenantCapacity::year, Function.identity())));
        }
        List<CapacityImport.Change> changes = new ArrayList<>();
        for (CapacityCsv.Line line : lines) {
            changes.add(new CapacityImport.Change(line.line(), line.tenantId(), names.get(line.tenantId()), line.year(),
                    line.amount(), line.currency(), line.capacityEur(), line.source(),
                    before.get(line.tenantId()).get(line.year())));
        }
        return new CapacityImport(fileName, changes);
    }

    /**
     * Stores every line of a file read by {@link #read}, in one transaction: all of them or, if any fails, none.
     * Lines that match what is stored are left alone. Returns how many figures were written.
     */
    public int apply(CapacityImport file) {
        SignedInUser admin = administrators.requirePlatformAdmin();
        List<CapacityImport.Change> writes = file.changes().stream().filter(c -> !c.unchanged()).toList();
        if (writes.isEmpty()) {
            return 0;
        }
        Map<String, CapacityImport.Change> checked = new LinkedHashMap<>();
        for (CapacityImport.Change change : writes) {
            validate(change.year(), change.capacityEur(), change.source());
            if (checked.put(change.tenantId() + "/" + change.year(), change) != null) {
                throw new AdministrationException(Text.of("admin.capacityFile.namesTwice", change.tenantName(),
                        String.valueOf(change.year())));
            }
        }
        // The platform functions name each row's organization themselves (and write its audit event there); the
        // transaction's actor only carries the administrator into those events.
        try {
            TenantScope.runAs(new Actor(writes.getFirst().tenantId(), admin.memberId()),
                    () -> transactions.executeWithoutResult(status -> writes.forEach(change ->
                            Routines.platformSetTenantCapacity(dsl.configuration(), change.tenantId(), change.year(),
                                    change.capacityEur(), change.source().strip(), admin.displayName()))));
        } catch (RuntimeException e) {
            throw new AdministrationException(Text.of("admin.capacityFile.notLoaded", Administrators.databaseMessage(e)), e);
        }
        log.info("Capacity file {} loaded by {}: {} figures", file.fileName(), admin.getPreferredUsername(),
                writes.size());
        return writes.size();
    }

    private List<TenantCapacity> stored(SignedInUser admin, UUID tenantId) {
        return TenantScope.callAs(new Actor(tenantId, admin.memberId()), () -> transactions.execute(status ->
                Routines.platformTenantCapacities(dsl.configuration(), tenantId).map(r -> new TenantCapacity(
                        r.getYear(), r.getCapacityEur(), r.getSource(), r.getUpdatedAt(), r.getUpdatedBy()))));
    }

    private Map<String, BigDecimal> rates() {
        return transactions.execute(status -> dsl.select(VALUATION_RATE.UNIT, VALUATION_RATE.EUR_PER_UNIT)
                .from(VALUATION_RATE)
                .where(VALUATION_RATE.UNIT.likeRegex(CURRENCY_CODE))
                .orderBy(VALUATION_RATE.UNIT)
                .fetchMap(VALUATION_RATE.UNIT, VALUATION_RATE.EUR_PER_UNIT));
    }

    /** The checks of one capacity figure (the table's own, said in words); returns the source as stored. */
    static String validate(Integer year, BigDecimal capacityEur, String source) {
        String text = source == null ? "" : source.strip();
        InvalidInput.Collector errors = new InvalidInput.Collector();
        errors.check(year != null && year >= CapacityCsv.FIRST_YEAR && year <= CapacityCsv.LAST_YEAR, "year",
                "admin.capacity.error.yearRange", String.valueOf(CapacityCsv.FIRST_YEAR), String.valueOf(CapacityCsv.LAST_YEAR));
        errors.check(capacityEur != null && capacityEur.signum() > 0, "capacityEur",
                "admin.capacity.error.amountMissing");
        errors.check(capacityEur == null || capacityEur.stripTrailingZeros().scale() <= 2, "capacityEur",
                "admin.capacity.error.cents");
        errors.check(capacityEur == null || capacityEur.compareTo(new BigDecimal("1e18")) < 0, "capacityEur",
                "admin.capacity.error.tooLarge");
        errors.check(!text.isEmpty(), "source", "admin.capacity.error.sourceMissing");
        errors.check(text.length() <= CapacityCsv.MAX_SOURCE, "source",
                "admin.capacity.error.sourceTooLong", CapacityCsv.MAX_SOURCE);
        errors.check(PlainText.storable(text), "source", PlainText.MESSAGE);
        errors.throwIfAny();
        return text;
    }
}
