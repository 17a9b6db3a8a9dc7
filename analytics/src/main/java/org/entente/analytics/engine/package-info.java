/**
 * The analytical engine: a DuckDB snapshot of every tenant's data ({@code snapshot}), the releasability rule
 * for it ({@code visibility.sql}), rollups in {@code .sql} resources ({@code rollup}), and disclosure
 * control ({@code disclosure}). No UI, no Spring: the app's {@code org.entente.analytics} feature package
 * wires it and draws the screens.
 */
package org.entente.analytics.engine;
