package org.entente.analytics.engine.briefing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.entente.analytics.engine.AnalyticsFilter;

/** How a briefing's scope reads on the cover and in the properties. */
final class Scope {

    private Scope() {
    }

    static String yearsText(AnalyticsFilter scope) {
        Integer from = scope.yearFrom();
        Integer to = scope.yearTo();
        if (from == null && to == null) {
            return "all years";
        }
        if (from == null) {
            return "until " + to;
        }
        if (to == null) {
            return "from " + from;
        }
        return from.equals(to) ? Integer.toString(from) : from + "–" + to;
    }

    static String text(AnalyticsFilter scope, Function<Object, String> labels) {
        List<String> parts = new ArrayList<>();
        parts.add("Years: " + yearsText(scope));
        parts.add("Region: " + (scope.region() == null ? "all" : labels.apply(scope.region())));
        parts.add("Partner kind: " + (scope.partnerKind() == null ? "all" : labels.apply(scope.partnerKind())));
        parts.add("Workstream kind: " + (scope.workstreamKind() == null ? "all" : labels.apply(scope.workstreamKind())));
        return String.join(" · ", parts);
    }
}
