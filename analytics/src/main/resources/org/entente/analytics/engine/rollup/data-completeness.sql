-- Data completeness: how much of each partner's register lacks key facts. Reads scope_workstream (workstreams
-- whose period overlaps the filter's years), v_engagement, scope_contribution and v_tenant. A partner's records are
-- the workstreams it leads, the engagements of those workstreams, and the contributions it made; the filter's
-- partner kind is that partner's kind. One result set (see burden-sharing.sql for the two aggregation steps):
--
--   partner_kind, partner_kind_is_total   the partner's tenant kind; is_total = 1 over all kinds
--   partner, partner_is_total             the partner's name; is_total = 1 on kind totals and the grand total
--   partner_id                            the partner's tenant id (null on total rows)
--   records                    workstreams + engagements + contributions of the partner(s)
--   incomplete_records         records with at least one of the gaps below
--   share_incomplete           incomplete_records / records
--   missing_dates              workstreams without a start or end date; contributions with EUR delivered but no
--                              delivery date
--   missing_region             workstreams without a region
--   missing_vetting            engagements whose vetting has not started, or without a risk rating
--   delivery_after_end         contributions last delivered after their workstream's end date
--   partners                   distinct partners behind the figure
--   top_records, top_incomplete_records   the largest single partner's part of records / incomplete_records
--   hidden_records             records behind the figure the viewer may not see
--   releasability_rank         most restrictive marking of those records (scope.sql)
WITH facts AS (
    SELECT w.tenant_id AS partner_id,
           CASE WHEN w.start_date IS NULL OR w.end_date IS NULL THEN 1 ELSE 0 END AS missing_dates,
           CASE WHEN w.region IS NULL THEN 1 ELSE 0 END AS missing_region,
           0 AS missing_vetting,
           0 AS delivery_after_end,
           w.visible,
           w.releasability_rank
      FROM scope_workstream w
     WHERE w.in_years
    UNION ALL
    SELECT w.tenant_id,
           0, 0,
           CASE WHEN e.vetting_status = 'NOT_STARTED' OR e.risk_rating IS NULL THEN 1 ELSE 0 END,
           0,
           w.visible AND e.visible,
           w.releasability_rank
      FROM scope_workstream w
      JOIN v_engagement e ON e.tenant_id = w.tenant_id AND e.workstream_id = w.workstream_id
     WHERE w.in_years
    UNION ALL
    SELECT c.partner_id,
           CASE WHEN c.delivered_eur > 0 AND c.delivered_on IS NULL THEN 1 ELSE 0 END,
           0, 0,
           CASE WHEN c.delivered_on > c.workstream_end THEN 1 ELSE 0 END,
           c.visible,
           c.releasability_rank
      FROM scope_contribution c
),
named AS (
    SELECT f.*, t.name AS partner_name, t.kind AS partner_kind,
           CASE WHEN f.missing_dates + f.missing_region + f.missing_vetting + f.delivery_after_end > 0
                THEN 1 ELSE 0 END AS incomplete
      FROM facts f
      JOIN v_tenant t ON t.id = f.partner_id
     CROSS JOIN analysis_filter a
     WHERE a.partner_kind IS NULL OR t.kind = a.partner_kind
),
per_partner AS (
    SELECT partner_kind, partner_name, partner_id,
           GROUPING(partner_kind) AS g_kind,
           GROUPING(partner_name) AS g_partner,
           COUNT(*) AS records,
           SUM(incomplete) AS incomplete_records,
           SUM(missing_dates) AS missing_dates,
           SUM(missing_region) AS missing_region,
           SUM(missing_vetting) AS missing_vetting,
           SUM(delivery_after_end) AS delivery_after_end,
           SUM(CASE WHEN visible THEN 0 ELSE 1 END) AS hidden_records,
           MAX(releasability_rank) AS releasability_rank
      FROM named
     GROUP BY GROUPING SETS ((partner_kind, partner_name, partner_id), (partner_kind, partner_id), (partner_id))
)
SELECT partner_kind,
       g_kind AS partner_kind_is_total,
       partner_name AS partner,
       g_partner AS partner_is_total,
       CASE WHEN g_partner = 0 THEN partner_id END AS partner_id,
       CAST(SUM(records) AS BIGINT) AS records,
       CAST(SUM(incomplete_records) AS BIGINT) AS incomplete_records,
       CAST(SUM(incomplete_records) AS DOUBLE PRECISION) / CAST(SUM(records) AS DOUBLE PRECISION) AS share_incomplete,
       CAST(SUM(missing_dates) AS BIGINT) AS missing_dates,
       CAST(SUM(missing_region) AS BIGINT) AS missing_region,
       CAST(SUM(missing_vetting) AS BIGINT) AS missing_vetting,
       CAST(SUM(delivery_after_end) AS BIGINT) AS delivery_after_end,
       COUNT(*) AS partners,
       CAST(MAX(records) AS BIGINT) AS top_records,
       CAST(MAX(incomplete_records) AS BIGINT) AS top_incomplete_records,
       CAST(SUM(hidden_records) AS BIGINT) AS hidden_records,
       MAX(releasability_rank) AS releasability_rank
  FROM per_partner
 GROUP BY partner_kind, g_kind, partner_name, g_partner, CASE WHEN g_partner = 0 THEN partner_id END
 ORDER BY g_kind, partner_kind, g_partner, partner_name, CASE WHEN g_partner = 0 THEN partner_id END;
