package org.entente.analytics.engine.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.entente.analytics.engine.EngineTexts;
import org.entente.analytics.engine.Kpi;
import org.junit.jupiter.api.Test;

/**
 * The catalogue's English (Rollups.java, beside the SQL) and the bundle's are the same text, so the Analytics screen
 * reads the same whichever a change edits first, and every title, question, heading and KPI label has a French text.
 */
class CatalogueTextsTest {

    @Test
    void theBundleHasEveryTextOfTheCatalogueInEnglishAndFrench() {
        for (Rollups.File file : Rollups.FILES) {
            for (CubeSpec spec : file.cubes()) {
                Cube cube = new Cube(spec);
                for (CubeSpec.View view : spec.views()) {
                    RollupTable english = new RollupTable(view.id(), view.title(), view.question(),
                            view.columns().stream().map(cube::column).toList(), java.util.List.of(), view.chart());
                    assertThat(Wording.table(english, Locale.UK)).as(view.id()).isEqualTo(english);
                    RollupTable french = Wording.table(english, Locale.FRANCE);
                    assertThat(EngineTexts.has("table." + view.id() + ".title")).as(view.id()).isTrue();
                    assertThat(EngineTexts.has("table." + view.id() + ".question")).as(view.id()).isTrue();
                    for (int c = 0; c < english.columns().size(); c++) {
                        String column = english.columns().get(c).id();
                        assertThat(EngineTexts.has("column." + column)
                                || EngineTexts.has("table." + view.id() + ".column." + column))
                                .as(view.id() + " " + column).isTrue();
                        assertThat(french.columns().get(c).label()).as(view.id() + " " + column)
                                .isNotBlank();
                    }
                }
            }
        }
        for (Rollups.KpiSpec spec : Rollups.KPIS) {
            Kpi kpi = new Kpi(spec.id(), spec.label(), spec.kind(), null);
            assertThat(EngineTexts.has("kpi." + spec.id())).as(spec.id()).isTrue();
            assertThat(Wording.kpi(kpi, Locale.UK)).isEqualTo(kpi);
        }
    }

    @Test
    void aFrenchReaderReadsFrenchTitlesHeadingsAndCells() {
        RollupTable table = new RollupTable("burden-sharing", "Burden sharing", "?",
                java.util.List.of(new Column("partner", "Partner", Column.Kind.TEXT),
                        new Column("delivered_eur", "Delivered (EUR)", Column.Kind.MONEY_EUR)),
                java.util.List.of(), null);
        RollupTable french = Wording.table(table, Locale.FRANCE);
        assertThat(french.title()).isEqualTo("Partage des charges");
        assertThat(french.columns()).extracting(Column::label).containsExactly("Partenaire", "Fourni (EUR)");
        assertThat(CellText.label(RollupTable.TOTAL, Locale.FRANCE)).isEqualTo("Total");
        assertThat(CellText.label(RollupTable.otherPartners(4), Locale.FRANCE)).isEqualTo("Autres partenaires (4)");
        assertThat(CellText.label("RND_PROJECT", Locale.FRANCE)).isEqualTo("Projet commun de R-D");
        assertThat(CellText.label("RND_PROJECT", Locale.UK)).isEqualTo("Joint R&D project");
        assertThat(CellText.label(BurdenFigures.ABOVE, Locale.FRANCE)).isEqualTo("Au-dessus");
        assertThat(CellText.label(BurdenFigures.ABOVE, Locale.UK)).isEqualTo("Above");
        assertThat(CellText.percent(0.254, Locale.FRANCE)).isEqualTo("25,4\u00a0%");
        assertThat(CellText.percent(0.254)).isEqualTo("25.4 %");
    }
}
