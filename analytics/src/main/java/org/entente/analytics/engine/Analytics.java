package org.entente.analytics.engine;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import org.entente.analytics.engine.rollup.RollupSuite;
import org.entente.analytics.engine.snapshot.SnapshotReader;
import org.entente.analytics.engine.snapshot.SnapshotStore;

/**
 * The analytics engine's entry point for the app: the report for a viewer on the current snapshot, under disclosure
 * control, and the values the filters offer. Each call opens its own reader on the snapshot, so calls may run
 * concurrently and a refresh meanwhile does not disturb them.
 */
public final class Analytics {

    private final SnapshotStore store;
    private final RollupSuite suite;

    public Analytics(SnapshotStore store, AnalyticsSettings settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.suite = new RollupSuite(Objects.requireNonNull(settings, "settings"));
    }

    /**
     * The figures {@code viewer} may have, cut by {@code filter} (null = everything).
     *
     * @throws org.entente.analytics.engine.snapshot.NoSnapshotException when there is no snapshot to read
     * @throws InvalidFilterException                                     for a filter out of range
     * @throws AnalyticsFailure                                           when the snapshot cannot be queried
     */
    public AnalyticsReport report(Viewer viewer, AnalyticsFilter filter) {
        return report(viewer, filter, BurdenGuideline.none());
    }

    /** As {@link #report(Viewer, AnalyticsFilter)}, with the burden figures measured against {@code guideline}. */
    public AnalyticsReport report(Viewer viewer, AnalyticsFilter filter, BurdenGuideline guideline) {
        return run(viewer, filter, guideline, null, Locale.UK);
    }

    /**
     * As {@link #report(Viewer, AnalyticsFilter, BurdenGuideline)}, its titles, headings, labels and notes in
     * {@code locale}'s language (the reader's: English or French).
     */
    public AnalyticsReport report(Viewer viewer, AnalyticsFilter filter, BurdenGuideline guideline, Locale locale) {
        return run(viewer, filter, guideline, null, locale);
    }

    /**
     * A coordinator's federation view as it would be if {@code override.grantor()} had (or had not) consented to the
     * viewer's organization: for the granting organization's preview. The caller shows only the grantor's own rows.
     */
    public AnalyticsReport preview(Viewer viewer, AnalyticsFilter filter, BurdenGuideline guideline,
            ConsentOverride override) {
        Objects.requireNonNull(override, "override");
        return run(viewer, filter, guideline, override, Locale.UK);
    }

    /** As {@link #preview(Viewer, AnalyticsFilter, BurdenGuideline, ConsentOverride)}, in {@code locale}'s language. */
    public AnalyticsReport preview(Viewer viewer, AnalyticsFilter filter, BurdenGuideline guideline,
            ConsentOverride override, Locale locale) {
        Objects.requireNonNull(override, "override");
        return run(viewer, filter, guideline, override, locale);
    }

    private AnalyticsReport run(Viewer viewer, AnalyticsFilter filter, BurdenGuideline guideline,
            ConsentOverride override, Locale locale) {
        Objects.requireNonNull(viewer, "viewer");
        try (SnapshotReader reader = store.open()) {
            return suite.run(reader.connection(), reader.info(), viewer, filter, guideline, override, locale);
        } catch (SQLException e) {
            throw new AnalyticsFailure("The figures could not be computed from the snapshot: " + e.getMessage(), e);
        }
    }

    /**
     * Years, regions and kinds of the current snapshot.
     *
     * @throws org.entente.analytics.engine.snapshot.NoSnapshotException when there is no snapshot to read
     */
    public FilterOptions filterOptions() {
        try (SnapshotReader reader = store.open()) {
            return RollupSuite.filterOptions(reader.connection());
        } catch (SQLException e) {
            throw new AnalyticsFailure("The snapshot could not be read: " + e.getMessage(), e);
        }
    }

    /** The snapshot could be opened but not queried (a damaged file, a missing table). */
    public static final class AnalyticsFailure extends RuntimeException {

        public AnalyticsFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
