package org.entente.analytics.engine.briefing;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.entente.analytics.engine.EngineTexts;

/** The briefings a coordinator can generate: a title, the slug of its file name, and the rollup tables it holds. */
public enum BriefingKind {

    BURDEN_SHARING("Burden sharing", "burden-sharing",
            List.of("burden-ranking", "burden-sharing", "burden-by-kind", "burden-sharing-by-year", "pledge-fulfilment",
                    "overdue-pledges")),
    PORTFOLIO_REVIEW("Portfolio review", "portfolio-review",
            List.of("portfolio", "portfolio-by-region", "lead-kinds", "milestones", "milestones-by-lead")),
    RND_STATUS("R&D status", "rnd-status", List.of("rnd")),
    ENGAGEMENT_RISK("Engagement risk", "engagement-risk",
            List.of("engagements", "engagement-vetting", "expiring-agreements")),
    /** Are we achieving what we set out to do: indicators by status, overdue measurements, open recommendations. */
    RESULTS_REVIEW("Results review", "results-review",
            List.of("results", "results-by-region", "results-by-lead", "recommendations", "recommendations-by-lead")),
    /** Every table of the report, in the report's order. */
    FULL("Full briefing", "full", null);

    private final String title;
    private final String slug;
    private final List<String> tableIds;

    BriefingKind(String title, String slug, List<String> tableIds) {
        this.title = title;
        this.slug = slug;
        this.tableIds = tableIds;
    }

    public String title() {
        return title;
    }

    /** The title in {@code locale}'s language (bundle key {@code briefing.kind.<CONSTANT>}). */
    public String title(Locale locale) {
        return EngineTexts.textOr(locale, "briefing.kind." + name(), title);
    }

    /** For file names: {@code entente-<slug>-<yyyy-MM-dd>.xlsx}. */
    public String slug() {
        return slug;
    }

    public boolean includes(String tableId) {
        Objects.requireNonNull(tableId, "tableId");
        return tableIds == null || tableIds.contains(tableId);
    }
}
