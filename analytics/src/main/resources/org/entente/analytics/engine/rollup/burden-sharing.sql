-- Burden sharing: who carries the burden, per partner and per partner kind, per year of pledge.
-- Reads scope_contribution (scope.sql). One result set (the "cube" that RollupSuite puts under disclosure control):
--
--   partner_kind, partner_kind_is_total   the contributor's kind; is_total = 1 on the rows over all kinds
--   partner, partner_is_total             the contributor's name; is_total = 1 on kind and grand totals
--   partner_id                            the contributor's tenant id (null on total rows)
--   pledged_year, pledged_year_is_total   the year the contributions were pledged; is_total = 1 over all years
--   pledged_eur                           EUR pledged
--   delivered_eur                         EUR delivered (so far) on those pledges
--   delivery_rate                         delivered_eur / pledged_eur (null when nothing was pledged)
--   share_of_delivered                    delivered_eur / delivered_eur of all partners in the same year (or all years)
--   fair_share                            the capacity index of the cell's partners / the capacity index of all
--                                         partners in scope (those who pledged within the filter in the same year or
--                                         all years); partners without a capacity index count in neither
--   burden_ratio                          share_of_delivered / fair_share: 1 = carries its fair share, > 1 = more
--   partners                              distinct contributors behind the figure
--   top_pledged_eur, top_delivered_eur    the largest single contributor's part of pledged_eur / delivered_eur
--   hidden_records                        contributions behind the figure the viewer may not see
--   releasability_rank                    most restrictive marking of those contributions (scope.sql)
--
-- Why two aggregation steps: "distinct partners" and "largest partner" are not additive, so a subtotal cannot be
-- computed from the cells below it. per_partner therefore aggregates with GROUPING SETS over (dimensions ..., partner)
-- - one row per partner and grouping level - and the final SELECT aggregates those rows per grouping level:
-- COUNT(*) is the number of distinct partners and MAX() the largest partner's part, right for subtotals too.
-- The GROUPING() flags travel with the rows so that a null dimension value is never mistaken for a total.
-- Standard SQL: CTEs, GROUPING SETS, GROUPING(), window functions (GREATEST is in every engine we target).
WITH per_partner AS (
    SELECT partner_kind,
           partner_name,
           pledged_year,
           partner_id,
           GROUPING(partner_kind) AS g_kind,
           GROUPING(partner_name) AS g_partner,
           GROUPING(pledged_year) AS g_year,
           SUM(pledged_eur) AS pledged_eur,
           SUM(delivered_eur) AS delivered_eur,
           MAX(capacity_index) AS capacity_index,
           SUM(CASE WHEN visible THEN 0 ELSE 1 END) AS hidden_records,
           MAX(releasability_rank) AS releasability_rank
      FROM scope_contribution
     GROUP BY GROUPING SETS ((partner_kind, partner_name, pledged_year, partner_id),
                             (partner_kind, partner_name, partner_id),
                             (partner_kind, pledged_year, partner_id),
                             (partner_kind, partner_id),
                             (pledged_year, partner_id),
                             (partner_id))
),
cells AS (
    SELECT partner_kind, g_kind,
           partner_name, g_partner,
           -- the contributor itself on partner rows, so that two partners with the same name stay apart
           CASE WHEN g_partner = 0 THEN partner_id END AS partner_key,
           pledged_year, g_year,
           SUM(pledged_eur) AS pledged_eur,
           SUM(delivered_eur) AS delivered_eur,
           SUM(capacity_index) AS capacity_index,
           COUNT(*) AS partners,
           MAX(pledged_eur) AS top_pledged_eur,
           MAX(delivered_eur) AS top_delivered_eur,
           SUM(hidden_records) AS hidden_records,
           MAX(releasability_rank) AS releasability_rank
      FROM per_partner
     GROUP BY partner_kind, g_kind, partner_name, g_partner, CASE WHEN g_partner = 0 THEN partner_id END,
              pledged_year, g_year
),
with_totals AS (
    SELECT c.*,
           CAST(pledged_eur AS DOUBLE PRECISION) AS pledged,
           CAST(delivered_eur AS DOUBLE PRECISION) AS delivered,
           CAST(capacity_index AS DOUBLE PRECISION) AS capacity,
           -- the same year's (or all years') figures over all partners: the denominators of the shares
           CAST(MAX(CASE WHEN g_kind = 1 THEN delivered_eur END) OVER (PARTITION BY g_year, pledged_year)
                AS DOUBLE PRECISION) AS all_delivered,
           CAST(MAX(CASE WHEN g_kind = 1 THEN capacity_index END) OVER (PARTITION BY g_year, pledged_year)
                AS DOUBLE PRECISION) AS all_capacity
      FROM cells c
)
SELECT partner_kind,
       g_kind AS partner_kind_is_total,
       partner_name AS partner,
       g_partner AS partner_is_total,
       partner_key AS partner_id,
       pledged_year,
       g_year AS pledged_year_is_total,
       CAST(pledged_eur AS DECIMAL(18, 2)) AS pledged_eur,
       CAST(delivered_eur AS DECIMAL(18, 2)) AS delivered_eur,
       CASE WHEN pledged > 0 THEN delivered / pledged END AS delivery_rate,
       CASE WHEN all_delivered > 0 THEN delivered / all_delivered END AS share_of_delivered,
       CASE WHEN all_capacity > 0 THEN capacity / all_capacity END AS fair_share,
       CASE WHEN all_delivered > 0 AND capacity > 0 AND all_capacity > 0
            THEN (delivered / all_delivered) / (capacity / all_capacity) END AS burden_ratio,
       partners,
       CAST(top_pledged_eur AS DECIMAL(18, 2)) AS top_pledged_eur,
       CAST(top_delivered_eur AS DECIMAL(18, 2)) AS top_delivered_eur,
       CAST(hidden_records AS BIGINT) AS hidden_records,
       releasability_rank
  FROM with_totals
 ORDER BY g_kind, partner_kind NULLS LAST, g_partner, partner_name NULLS LAST, partner_key, g_year, pledged_year;
