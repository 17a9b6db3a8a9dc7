/**
 * The Excel briefing: one workbook ({@link org.entente.analytics.engine.briefing.BriefingWriter}) from one snapshot
 * with the rollups under the same disclosure control as the Analytics screen, native charts, the marking on every
 * sheet and streamed detail sheets. Apache POI; no UI, no Spring.
 */
package org.entente.analytics.engine.briefing;
