package org.entente.analytics.engine.rollup;

import java.util.Locale;
import org.entente.analytics.engine.EngineTexts;
import org.entente.analytics.engine.Kpi;

/**
 * The catalogue's titles, questions, column headings and KPI labels in the reader's language. {@link Rollups} keeps
 * them in English beside the SQL; the bundle has each under a key of its ids ({@code table.<id>.title},
 * {@code table.<id>.question}, {@code column.<column>} or, where one table heads a column differently,
 * {@code table.<id>.column.<column>}, {@code kpi.<id>}); CatalogueTextsTest keeps the English of both equal.
 */
final class Wording {

    private Wording() {
    }

    static RollupTable table(RollupTable table, Locale locale) {
        String id = table.id();
        return new RollupTable(id, EngineTexts.textOr(locale, "table." + id + ".title", table.title()),
                table.question() == null ? null
                        : EngineTexts.textOr(locale, "table." + id + ".question", table.question()),
                table.columns().stream().map(c -> new Column(c.id(), column(id, c, locale), c.kind())).toList(),
                table.rows(), table.chart());
    }

    static String column(String tableId, Column column, Locale locale) {
        String own = "table." + tableId + ".column." + column.id();
        return EngineTexts.has(own) ? EngineTexts.text(locale, own)
                : EngineTexts.textOr(locale, "column." + column.id(), column.label());
    }

    static Kpi kpi(Kpi kpi, Locale locale) {
        return new Kpi(kpi.id(), EngineTexts.textOr(locale, "kpi." + kpi.id(), kpi.label()), kpi.kind(), kpi.value());
    }
}
