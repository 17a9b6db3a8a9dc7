/**
 * Cross-tenant analytics: a DuckDB snapshot of releasable data, rollups in {@code .sql} resources,
 * small-cell suppression, and the Excel briefing writer. No UI and no Spring MVC here.
 * Only the module skeleton exists so far; the rollups come with their own issue.
 */
package org.entente.analytics;
