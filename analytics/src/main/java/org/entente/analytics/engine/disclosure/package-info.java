/**
 * Disclosure control, the one implementation used by the screen, the Excel briefing and every export:
 * {@link org.entente.analytics.engine.disclosure.DisclosureControl} decides which figures of a
 * {@link org.entente.analytics.engine.disclosure.DisclosureProblem} (tables as
 * {@link org.entente.analytics.engine.disclosure.DisclosureCube cubes} with their totals, or a plain
 * {@link org.entente.analytics.engine.disclosure.DisclosureTable}) a viewer gets, and why the others are withheld
 * ({@link org.entente.analytics.engine.disclosure.SuppressionReason}). With publication consent a figure is decided on
 * its {@link org.entente.analytics.engine.disclosure.RestrictedPart restricted part}: the records of the partners that
 * did not consent to the viewer's organization.
 */
package org.entente.analytics.engine.disclosure;
