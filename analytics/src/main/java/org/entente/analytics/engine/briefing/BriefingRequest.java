package org.entente.analytics.engine.briefing;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.entente.analytics.engine.AnalyticsFilter;
import org.entente.analytics.engine.BurdenGuideline;
import org.entente.analytics.engine.EngineTexts;
import org.entente.analytics.engine.Viewer;

/**
 * What to write.
 *
 * @param kind             which briefing
 * @param scope            how the figures and detail rows are cut (null = everything), as on the Analytics screen
 * @param viewer           who the figures are for: a coordinator's federation view (under disclosure control) or an
 *                         organization's member view; the detail rows are always what {@code viewer.tenantId()}'s
 *                         organization may see
 * @param organizationName the viewer's organization, for the cover
 * @param generatedBy      who asked for it (a person's name or "Subscription ..."), for the cover and properties
 * @param generatedAt      when
 * @param guideline        the viewer organization's burden guideline (none for a member view)
 * @param language         the language of the person who asked (English or French): every sheet name, title,
 *                         heading, note and marking of the workbook is written in it
 */
public record BriefingRequest(BriefingKind kind, AnalyticsFilter scope, Viewer viewer, String organizationName,
                              String generatedBy, Instant generatedAt, BurdenGuideline guideline, Locale language) {

    public BriefingRequest(BriefingKind kind, AnalyticsFilter scope, Viewer viewer, String organizationName,
                           String generatedBy, Instant generatedAt, BurdenGuideline guideline) {
        this(kind, scope, viewer, organizationName, generatedBy, generatedAt, guideline, Locale.UK);
    }

    public BriefingRequest(BriefingKind kind, AnalyticsFilter scope, Viewer viewer, String organizationName,
                           String generatedBy, Instant generatedAt) {
        this(kind, scope, viewer, organizationName, generatedBy, generatedAt, BurdenGuideline.none());
    }

    public BriefingRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(viewer, "viewer");
        Objects.requireNonNull(generatedAt, "generatedAt");
        scope = scope == null ? AnalyticsFilter.everything() : scope;
        organizationName = organizationName == null ? "" : organizationName;
        generatedBy = generatedBy == null ? "" : generatedBy;
        guideline = guideline == null ? BurdenGuideline.none() : guideline;
        language = EngineTexts.formats(language);
    }
}
