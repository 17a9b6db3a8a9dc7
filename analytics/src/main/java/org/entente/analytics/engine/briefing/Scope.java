package org.entente.analytics.engine.briefing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.entente.analytics.engine.AnalyticsFilter;
import org.entente.analytics.engine.EngineTexts;

/** How a briefing's scope reads on the cover and in the properties. */
final class Scope {

    private Scope() {
    }

    static String yearsText(AnalyticsFilter scope, Locale locale) {
        Integer from = scope.yearFrom();
        Integer to = scope.yearTo();
        if (from == null && to == null) {
            return EngineTexts.text(locale, "scope.allYears");
        }
        if (from == null) {
            return EngineTexts.text(locale, "scope.until", String.valueOf(to));
        }
        if (to == null) {
            return EngineTexts.text(locale, "scope.from", String.valueOf(from));
        }
        return from.equals(to) ? Integer.toString(from) : from + "–" + to;
    }

    static String text(AnalyticsFilter scope, Function<Object, String> labels, Locale locale) {
        List<String> parts = new ArrayList<>();
        String all = EngineTexts.text(locale, "scope.all");
        parts.add(EngineTexts.text(locale, "scope.years", yearsText(scope, locale)));
        parts.add(EngineTexts.text(locale, "scope.region",
                scope.region() == null ? all : labels.apply(scope.region())));
        parts.add(EngineTexts.text(locale, "scope.partnerKind",
                scope.partnerKind() == null ? all : labels.apply(scope.partnerKind())));
        parts.add(EngineTexts.text(locale, "scope.workstreamKind",
                scope.workstreamKind() == null ? all : labels.apply(scope.workstreamKind())));
        return String.join(" · ", parts);
    }
}
