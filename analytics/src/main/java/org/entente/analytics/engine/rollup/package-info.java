/**
 * The rollup suite: the {@code .sql} files under {@code org/entente/analytics/engine/rollup/} (one per rollup, each
 * with a header saying what every column means), run by {@link org.entente.analytics.engine.rollup.RollupSuite} on
 * the viewer's {@code v_*} views, and the tables cut from them under disclosure control
 * ({@link org.entente.analytics.engine.rollup.RollupTable}, with a {@link org.entente.analytics.engine.rollup.Chart}
 * hint each).
 */
package org.entente.analytics.engine.rollup;
