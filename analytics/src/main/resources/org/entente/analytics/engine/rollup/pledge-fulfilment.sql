-- Pledge fulfilment over time, and pledges overdue. Reads scope_contribution and analysis_consent (scope.sql) and
-- snapshot_info.
-- Two result sets, in this order. Common columns (see burden-sharing.sql for why two aggregation steps):
--   <dim>_is_total      1 on the rows that total over <dim>
--   partners            distinct contributors behind the figure
--   top_<measure>       the largest single contributor's part of <measure>
--   hidden_records      contributions behind the figure the viewer may not see (in pledge-fulfilment: pledge and
--                       delivery events, so a contribution pledged and delivered within the figure counts twice)
--   releasability_rank  most restrictive marking of those contributions (scope.sql)
--   restricted_partners, restricted_<measure>, restricted_top_<measure>, restricted_hidden_records
--                       the same for the restricted part: the contributors that are neither the viewer's organization
--                       nor consented to it (analysis_consent), which disclosure control protects
--
-- 1. pledge-fulfilment: per calendar month and contribution type.
--   month                      the month as the integer YYYYMM; pledges count in the month of pledged_on,
--                              deliveries in the month of delivered_on (a delivery without a date in the month of
--                              its pledge, so that the totals equal those of burden-sharing)
--   type                       FUNDING, PERSONNEL, EQUIPMENT, IN_KIND
--   pledged_eur                EUR pledged in the month
--   delivered_eur              EUR delivered in the month (on pledges in scope)
--   cumulative_pledged_eur     pledged_eur summed over the months up to and including this one (same type, or all
--                              types on the type-total rows); null on the all-months rows
--   cumulative_delivered_eur   the same for delivered_eur
--   top_pledged_eur, top_delivered_eur
--
-- 2. overdue-pledges: pledges whose workstream ended before the snapshot's as_of_date with less delivered than
--    pledged, per contributor kind and contribution type.
--   partner_kind               the contributor's kind
--   type                       the contribution type
--   overdue_pledges            how many such pledges
--   outstanding_eur            pledged_eur - delivered_eur summed over them
--   top_outstanding_eur
WITH contributions AS (
    SELECT c.*, CASE WHEN k.tenant_id IS NULL THEN 0 ELSE 1 END AS consented
      FROM scope_contribution c
      LEFT JOIN analysis_consent k ON k.tenant_id = c.partner_id
),
events AS (
    SELECT id, partner_id, consented, type,
           CAST(EXTRACT(YEAR FROM pledged_on) * 100 + EXTRACT(MONTH FROM pledged_on) AS INTEGER) AS month,
           pledged_eur,
           CAST(0 AS DECIMAL(18, 2)) AS delivered_eur,
           visible, releasability_rank
      FROM contributions
    UNION ALL
    SELECT id, partner_id, consented, type,
           CAST(EXTRACT(YEAR FROM COALESCE(delivered_on, pledged_on)) * 100
                + EXTRACT(MONTH FROM COALESCE(delivered_on, pledged_on)) AS INTEGER) AS month,
           CAST(0 AS DECIMAL(18, 2)) AS pledged_eur,
           delivered_eur,
           visible, releasability_rank
      FROM contributions
     WHERE delivered_eur <> 0
),
per_partner AS (
    SELECT month, type, partner_id,
           GROUPING(month) AS g_month,
           GROUPING(type) AS g_type,
           MAX(consented) AS consented,
           SUM(pledged_eur) AS pledged_eur,
           SUM(delivered_eur) AS delivered_eur,
           SUM(CASE WHEN visible THEN 0 ELSE 1 END) AS hidden_records,
           MAX(releasability_rank) AS releasability_rank
      FROM events
     GROUP BY GROUPING SETS ((month, type, partner_id), (month, partner_id), (type, partner_id), (partner_id))
),
cells AS (
    SELECT month, g_month, type, g_type,
           SUM(pledged_eur) AS pledged_eur,
           SUM(delivered_eur) AS delivered_eur,
           COUNT(*) AS partners,
           MAX(pledged_eur) AS top_pledged_eur,
           MAX(delivered_eur) AS top_delivered_eur,
           SUM(hidden_records) AS hidden_records,
           SUM(1 - consented) AS restricted_partners,
           SUM(CASE WHEN consented = 0 THEN pledged_eur ELSE 0 END) AS restricted_pledged_eur,
           SUM(CASE WHEN consented = 0 THEN delivered_eur ELSE 0 END) AS restricted_delivered_eur,
           MAX(CASE WHEN consented = 0 THEN pledged_eur END) AS restricted_top_pledged_eur,
           MAX(CASE WHEN consented = 0 THEN delivered_eur END) AS restricted_top_delivered_eur,
           SUM(CASE WHEN consented = 0 THEN hidden_records ELSE 0 END) AS restricted_hidden_records,
           MAX(releasability_rank) AS releasability_rank
      FROM per_partner
     GROUP BY month, g_month, type, g_type
)
SELECT month,
       g_month AS month_is_total,
       type,
       g_type AS type_is_total,
       CAST(pledged_eur AS DECIMAL(18, 2)) AS pledged_eur,
       CAST(delivered_eur AS DECIMAL(18, 2)) AS delivered_eur,
       CASE WHEN g_month = 0 THEN CAST(SUM(pledged_eur) OVER (PARTITION BY g_month, g_type, type ORDER BY month
                                                              ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
                                       AS DECIMAL(18, 2)) END AS cumulative_pledged_eur,
       CASE WHEN g_month = 0 THEN CAST(SUM(delivered_eur) OVER (PARTITION BY g_month, g_type, type ORDER BY month
                                                                ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
                                       AS DECIMAL(18, 2)) END AS cumulative_delivered_eur,
       partners,
       CAST(top_pledged_eur AS DECIMAL(18, 2)) AS top_pledged_eur,
       CAST(top_delivered_eur AS DECIMAL(18, 2)) AS top_delivered_eur,
       CAST(hidden_records AS BIGINT) AS hidden_records,
       CAST(restricted_partners AS BIGINT) AS restricted_partners,
       CAST(restricted_pledged_eur AS DECIMAL(18, 2)) AS restricted_pledged_eur,
       CAST(restricted_delivered_eur AS DECIMAL(18, 2)) AS restricted_delivered_eur,
       CAST(restricted_top_pledged_eur AS DECIMAL(18, 2)) AS restricted_top_pledged_eur,
       CAST(restricted_top_delivered_eur AS DECIMAL(18, 2)) AS restricted_top_delivered_eur,
       CAST(restricted_hidden_records AS BIGINT) AS restricted_hidden_records,
       releasability_rank
  FROM cells
 ORDER BY g_month, month, g_type, type;

WITH overdue AS (
    SELECT c.*, CASE WHEN k.tenant_id IS NULL THEN 0 ELSE 1 END AS consented
      FROM scope_contribution c
      LEFT JOIN analysis_consent k ON k.tenant_id = c.partner_id
     CROSS JOIN snapshot_info s
     WHERE c.workstream_end < s.as_of_date
       AND c.delivered_eur < c.pledged_eur
),
per_partner AS (
    SELECT partner_kind, type, partner_id,
           GROUPING(partner_kind) AS g_kind,
           GROUPING(type) AS g_type,
           MAX(consented) AS consented,
           COUNT(*) AS overdue_pledges,
           SUM(pledged_eur - delivered_eur) AS outstanding_eur,
           SUM(CASE WHEN visible THEN 0 ELSE 1 END) AS hidden_records,
           MAX(releasability_rank) AS releasability_rank
      FROM overdue
     GROUP BY GROUPING SETS ((partner_kind, type, partner_id), (partner_kind, partner_id), (type, partner_id),
                             (partner_id))
)
SELECT partner_kind,
       g_kind AS partner_kind_is_total,
       type,
       g_type AS type_is_total,
       CAST(SUM(overdue_pledges) AS BIGINT) AS overdue_pledges,
       CAST(SUM(outstanding_eur) AS DECIMAL(18, 2)) AS outstanding_eur,
       COUNT(*) AS partners,
       CAST(MAX(outstanding_eur) AS DECIMAL(18, 2)) AS top_outstanding_eur,
       CAST(SUM(hidden_records) AS BIGINT) AS hidden_records,
       CAST(SUM(1 - consented) AS BIGINT) AS restricted_partners,
       CAST(SUM(CASE WHEN consented = 0 THEN outstanding_eur ELSE 0 END) AS DECIMAL(18, 2)) AS restricted_outstanding_eur,
       CAST(MAX(CASE WHEN consented = 0 THEN outstanding_eur END) AS DECIMAL(18, 2)) AS restricted_top_outstanding_eur,
       CAST(SUM(CASE WHEN consented = 0 THEN hidden_records ELSE 0 END) AS BIGINT) AS restricted_hidden_records,
       MAX(releasability_rank) AS releasability_rank
  FROM per_partner
 GROUP BY partner_kind, g_kind, type, g_type
 ORDER BY g_kind, partner_kind, g_type, type;
