/**
 * Disclosure control, the one implementation used by the screen, the Excel briefing and every export:
 * {@link org.entente.analytics.engine.disclosure.DisclosureControl} decides which figures of a
 * {@link org.entente.analytics.engine.disclosure.DisclosureProblem} (tables as
 * {@link org.entente.analytics.engine.disclosure.DisclosureCube cubes} with their totals, or a plain
 * {@link org.entente.analytics.engine.disclosure.DisclosureTable}) a viewer gets, and why the others are withheld
 * ({@link org.entente.analytics.engine.disclosure.SuppressionReason}).
 */
package org.entente.analytics.engine.disclosure;
