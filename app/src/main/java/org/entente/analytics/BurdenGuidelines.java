package org.entente.analytics;

import static org.entente.db.jooq.Tables.BURDEN_GUIDELINE;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.entente.analytics.engine.BurdenGuideline;
import org.entente.db.tenancy.Actor;
import org.entente.keycloak.EntenteRealm;
import org.entente.platform.audit.AuditTrail;
import org.entente.platform.i18n.Text;
import org.entente.platform.security.CurrentUser;
import org.entente.platform.security.SignedInUser;
import org.entente.platform.validation.InvalidInput;
import org.entente.platform.validation.NotAllowed;
import org.entente.tenant.Affiliation;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A coordinator organization's burden guideline: per year, the target intensity (delivered as a share of capacity)
 * its federation view measures partners against, like NATO's 2 % of GDP. Coordinators of the organization read and
 * set it; people type a percent of capacity ("0.05" = 0.05 %), the database keeps the fraction (0.0005). Row-level
 * security keeps each organization's guideline its own.
 */
@Service
public class BurdenGuidelines {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;
    /** burden_guideline.target_intensity is numeric(12, 9): a fraction to 9 places, so a percent to 7. */
    static final int PERCENT_DECIMALS = 7;
    private static final Pattern PERCENT = Pattern.compile("\\d+(\\.\\d+)?");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** One year's target, as people read it. */
    public record Target(int year, BigDecimal percentOfCapacity, String setBy, OffsetDateTime setAt) {
    }

    /** One row of the guideline as typed: a year and a percent of capacity ("0.05", "0,05" or "0.05 %"). */
    public record TargetDraft(Integer year, String percentOfCapacity) {
    }

    private final DSLContext dsl;
    private final TransactionTemplate transactions;
    /** Reads run read-only: a suspended organization still reads its guideline. */
    private final TransactionTemplate reads;
    private final CurrentUser currentUser;
    private final AuditTrail audit;

    BurdenGuidelines(DSLContext dsl, PlatformTransactionManager transactionManager, CurrentUser currentUser,
            AuditTrail audit) {
        this.dsl = dsl;
        this.transactions = new TransactionTemplate(transactionManager);
        this.reads = new TransactionTemplate(transactionManager);
        reads.setReadOnly(true);
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /** The signed-in coordinator's organization's guideline, by year. */
    public List<Target> targets() {
        requireCoordinator();
        // The signed-in person's organization is the transaction's tenant: row-level security shows its rows only.
        return reads.execute(status -> dsl.selectFrom(BURDEN_GUIDELINE)
                .orderBy(BURDEN_GUIDELINE.YEAR)
                .fetch(r -> new Target(r.getYear(), percent(r.getTargetIntensity()), r.getSetBy(), r.getSetAt())));
    }

    /**
     * Replaces the signed-in coordinator's organization's guideline with {@code rows}: years left out are removed,
     * years whose target did not change keep who set them and when. An empty list removes the guideline.
     *
     * @throws InvalidInput keyed {@code year-<i>} and {@code target-<i>} by row index, or {@code targets}
     */
    public void save(List<TargetDraft> rows) {
        Actor coordinator = requireCoordinator();
        String by = currentUser.get().map(SignedInUser::displayName).orElseThrow();
        Map<Integer, BigDecimal> wanted = validate(rows);
        transactions.executeWithoutResult(status -> {
            Map<Integer, BigDecimal> stored = new TreeMap<>(dsl.select(BURDEN_GUIDELINE.YEAR, BURDEN_GUIDELINE.TARGET_INTENSITY)
                    .from(BURDEN_GUIDELINE).forUpdate()
                    .fetchMap(BURDEN_GUIDELINE.YEAR, BURDEN_GUIDELINE.TARGET_INTENSITY));
            List<Integer> removed = stored.keySet().stream().filter(year -> !wanted.containsKey(year)).toList();
            if (!removed.isEmpty()) {
                dsl.deleteFrom(BURDEN_GUIDELINE).where(BURDEN_GUIDELINE.YEAR.in(removed)).execute();
            }
            Map<Integer, BigDecimal> changed = new TreeMap<>();
            wanted.forEach((year, fraction) -> {
                BigDecimal before = stored.get(year);
                if (before == null || before.compareTo(fraction) != 0) {
                    changed.put(year, fraction);
                    dsl.insertInto(BURDEN_GUIDELINE)
                            .set(BURDEN_GUIDELINE.YEAR, year)
                            .set(BURDEN_GUIDELINE.TARGET_INTENSITY, fraction)
                            .set(BURDEN_GUIDELINE.SET_BY, by)
                            .onConflict(BURDEN_GUIDELINE.TENANT_ID, BURDEN_GUIDELINE.YEAR)
                            .doUpdate()
                            .set(BURDEN_GUIDELINE.TARGET_INTENSITY, fraction)
                            .set(BURDEN_GUIDELINE.SET_BY, by)
                            .set(BURDEN_GUIDELINE.SET_AT, DSL.currentOffsetDateTime())
                            .execute();
                }
            });
            if (!removed.isEmpty() || !changed.isEmpty()) {
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("set", changed);
                after.put("removed", removed);
                audit.record("BURDEN_GUIDELINE_SET", "burden_guideline", coordinator.tenantId(), stored, after);
            }
        });
    }

    /**
     * The guideline of the organization acting now — a signed-in coordinator's, or the explicit tenant scope of
     * background work such as a briefing — read under its row-level security; none without an acting organization,
     * and none for a signed-in person who is not a coordinator (the guideline is the coordinators' own).
     */
    public BurdenGuideline current() {
        if (currentUser.get().map(user -> !user.roles().contains(EntenteRealm.ROLE_COORDINATOR)).orElse(false)) {
            return BurdenGuideline.none();
        }
        return reads.execute(status -> {
            Map<Integer, Double> targets = new TreeMap<>();
            dsl.select(BURDEN_GUIDELINE.YEAR, BURDEN_GUIDELINE.TARGET_INTENSITY).from(BURDEN_GUIDELINE)
                    .forEach(r -> targets.put(r.value1(), r.value2().doubleValue()));
            return new BurdenGuideline(targets);
        });
    }

    /** The rows as fractions by year, or every problem keyed by row. */
    static Map<Integer, BigDecimal> validate(List<TargetDraft> rows) {
        Map<String, Text> errors = new LinkedHashMap<>();
        Map<Integer, BigDecimal> targets = new TreeMap<>();
        Map<Integer, Integer> firstRow = new HashMap<>();
        List<TargetDraft> list = rows == null ? List.of() : new ArrayList<>(rows);
        for (int i = 0; i < list.size(); i++) {
            TargetDraft row = list.get(i);
            Integer year = row == null ? null : row.year();
            String typed = row == null || row.percentOfCapacity() == null ? "" : row.percentOfCapacity().strip();
            if (year == null || year < FIRST_YEAR || year > LAST_YEAR) {
                errors.put("year-" + i, Text.of("analytics.guideline.error.yearRange", FIRST_YEAR, LAST_YEAR));
            } else if (firstRow.putIfAbsent(year, i) != null) {
                errors.put("year-" + i, Text.of("analytics.guideline.error.yearTwice", year, firstRow.get(year) + 1));
            }
            BigDecimal fraction = fraction(typed, i, errors);
            if (fraction != null && year != null && !errors.containsKey("year-" + i)) {
                targets.put(year, fraction);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return targets;
    }

    private static BigDecimal fraction(String typed, int row, Map<String, Text> errors) {
        String field = "target-" + row;
        String text = typed.endsWith("%") ? typed.substring(0, typed.length() - 1).strip() : typed;
        if (!text.contains(".") && text.chars().filter(c -> c == ',').count() == 1) {
            text = text.replace(',', '.'); // a decimal comma, as many people type it
        }
        if (text.isEmpty()) {
            errors.put(field, Text.of("analytics.guideline.error.targetMissing"));
            return null;
        }
        if (!PERCENT.matcher(text).matches()) {
            errors.put(field, Text.of("analytics.guideline.error.notAPercent", typed));
            return null;
        }
        BigDecimal percent = new BigDecimal(text);
        if (percent.signum() <= 0 || percent.compareTo(HUNDRED) > 0) {
            errors.put(field, Text.of("analytics.guideline.error.targetRange"));
            return null;
        }
        if (percent.stripTrailingZeros().scale() > PERCENT_DECIMALS) {
            errors.put(field, Text.of("analytics.guideline.error.decimals", PERCENT_DECIMALS));
            return null;
        }
        return percent.divide(HUNDRED).setScale(9, RoundingMode.UNNECESSARY);
    }

    static BigDecimal percent(BigDecimal fraction) {
        return fraction.multiply(HUNDRED).stripTrailingZeros();
    }

    private Actor requireCoordinator() {
        SignedInUser user = currentUser.get().orElseThrow(() -> new NotAllowed("analytics.guideline.notAllowed.signIn"));
        if (!user.roles().contains(EntenteRealm.ROLE_COORDINATOR)
                || !(user.affiliation() instanceof Affiliation.Affiliated affiliated)) {
            throw new NotAllowed("analytics.guideline.notAllowed.coordinatorsOnly");
        }
        return new Actor(affiliated.tenantId(), user.memberId());
    }
}
