package org.entente.analytics.engine.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import org.entente.analytics.engine.EngineTexts;
import org.junit.jupiter.api.Test;

/** A refresh's progress names every table it copies in the reader's language: each has its words in the bundles. */
class RefreshTextsTest {

    @Test
    void everyCopiedTableHasItsWords() {
        assertThat(SnapshotTable.COPIED).allSatisfy(table ->
                assertThat(EngineTexts.has("refresh.table." + table.name())).as(table.name()).isTrue());
    }
}
