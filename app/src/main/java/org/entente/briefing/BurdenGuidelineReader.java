package org.entente.briefing;

import static org.entente.db.jooq.Tables.BURDEN_GUIDELINE;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.entente.analytics.engine.BurdenGuideline;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The burden guideline a briefing's figures are measured against: the target intensity per year its coordinators'
 * organization set ({@code burden_guideline}, V50, readable by that organization only). Read as the requester.
 */
@Component
class BurdenGuidelineReader {

    private final DSLContext dsl;

    BurdenGuidelineReader(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The organization's guideline; {@link BurdenGuideline#none()} when it has set none. */
    @Transactional(readOnly = true)
    public BurdenGuideline of(UUID tenant) {
        Map<Integer, Double> targets = new HashMap<>();
        dsl.select(BURDEN_GUIDELINE.YEAR, BURDEN_GUIDELINE.TARGET_INTENSITY).from(BURDEN_GUIDELINE)
                .where(BURDEN_GUIDELINE.TENANT_ID.eq(tenant))
                .forEach(r -> targets.put(r.value1(), r.value2().doubleValue()));
        return targets.isEmpty() ? BurdenGuideline.none() : new BurdenGuideline(targets);
    }
}
