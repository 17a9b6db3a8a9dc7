-- Burden sharing: who carries the burden, measured against their capacity, per partner and per partner kind, per
-- year of pledge. Reads scope_contribution, analysis_consent and scope_capacity (scope.sql). One result set (the
-- "cube" that RollupSuite puts under disclosure control; it also cuts the ranked table burden-ranking from it):
--
--   partner_kind, partner_kind_is_total   the contributor's kind; is_total = 1 on the rows over all kinds
--   partner, partner_is_total             the contributor's name; is_total = 1 on kind and grand totals; null on the
--                                         "Other partners" row of a kind (see below; RollupSuite names it)
--   partner_id                            the contributor's tenant id (null on total and "Other partners" rows)
--   pledged_year, pledged_year_is_total   the year the contributions were pledged; is_total = 1 over all years
--   pledged_eur                           EUR pledged
--   delivered_eur                         EUR delivered (so far) on those pledges
--   delivery_rate                         delivered_eur / pledged_eur (null when nothing was pledged)
--   capacity_eur                          the capacity behind the figure: the sum, over its partners and the years
--                                         they pledged in, of the partner's capacity in that year (scope_capacity);
--                                         partners without any capacity figure count in neither this nor intensity
--   measured_delivered_eur                delivered_eur of the partners with a capacity figure
--   intensity                             delivered as a share of capacity: measured_delivered_eur / capacity_eur
--                                         (null without capacity)
--   share_of_delivered                    delivered_eur / delivered_eur of the row's group in the same year (or all
--                                         years): a partner's group is its partner kind (states with states), a
--                                         kind's group is all kinds, so kind totals read as shares across kinds
--   fair_share                            capacity_eur / capacity_eur of the same group (null without capacity)
--   burden_ratio                          share_of_delivered / fair_share: 1 = carries its fair share, > 1 = more
--   partners                              distinct contributors behind the figure
--   top_pledged_eur, top_delivered_eur    the largest single contributor's part of pledged_eur / delivered_eur
--   hidden_records                        contributions behind the figure the viewer may not see
--   restricted_partners                   distinct contributors behind the figure that are neither the viewer's
--                                         organization nor consented to it (analysis_consent): the restricted part
--                                         disclosure control protects
--   restricted_pledged_eur, restricted_delivered_eur           the restricted part's pledged_eur / delivered_eur
--   restricted_top_pledged_eur, restricted_top_delivered_eur   its largest single contributor's part of them
--   restricted_hidden_records             contributions of the restricted part the viewer may not see
--   releasability_rank                    most restrictive marking of the contributions (scope.sql)
--
-- Named partners and "Other partners": a partner has a row of its own when the viewer may know its figures - the
-- viewer's own organization, a partner that consented to it, or a partner all of whose contributions in scope the
-- viewer may see (in the member view: every partner). The other partners of a kind share ONE row (partner_id null),
-- in every year and over all years, so that a kind's total is still the sum of its rows and a row's all-years figure
-- the sum of its years: the lines disclosure control protects stay whole.
--
-- Why two aggregation steps: "distinct partners" and "largest partner" are not additive, so a subtotal cannot be
-- computed from the cells below it. per_partner therefore aggregates with GROUPING SETS over (dimensions ..., partner)
-- - one row per partner and grouping level - and cells aggregates those rows per grouping level: COUNT(*) is the
-- number of distinct partners and MAX() the largest partner's part, right for subtotals too. A partner's capacity is
-- per year, so partner_years first makes one row per partner and year, which per_partner then sums over the years.
-- The GROUPING() flags travel with the rows so that a null dimension value is never mistaken for a total.
-- Standard SQL: CTEs, GROUPING SETS, GROUPING(), window functions.
WITH consent AS (
    -- per contributor: consented (1: the viewer's organization or consented to it), all_visible (1: the viewer may
    -- see every one of its contributions in scope)
    SELECT c.partner_id,
           MAX(CASE WHEN k.tenant_id IS NULL THEN 0 ELSE 1 END) AS consented,
           MIN(CASE WHEN c.visible THEN 1 ELSE 0 END) AS all_visible
      FROM scope_contribution c
      LEFT JOIN analysis_consent k ON k.tenant_id = c.partner_id
     GROUP BY c.partner_id
),
records AS (
    -- every contribution with the row it is shown in: row_id / row_name the partner's own, null for "Other partners"
    SELECT c.partner_kind,
           CASE WHEN n.consented = 1 OR n.all_visible = 1 THEN c.partner_id END AS row_id,
           CASE WHEN n.consented = 1 OR n.all_visible = 1 THEN c.partner_name END AS row_name,
           c.pledged_year,
           c.partner_id,
           n.consented,
           c.pledged_eur,
           c.delivered_eur,
           s.capacity_eur,
           c.visible,
           c.releasability_rank
      FROM scope_contribution c
      JOIN consent n ON n.partner_id = c.partner_id
      LEFT JOIN scope_capacity s ON s.partner_id = c.partner_id AND s.year = c.pledged_year
),
partner_years AS (
    SELECT partner_kind, row_id, row_name, pledged_year, partner_id,
           MAX(consented) AS consented,
           SUM(pledged_eur) AS pledged_eur,
           SUM(delivered_eur) AS delivered_eur,
           MAX(capacity_eur) AS capacity_eur,
           SUM(CASE WHEN capacity_eur IS NULL THEN 0 ELSE delivered_eur END) AS measured_delivered_eur,
           SUM(CASE WHEN visible THEN 0 ELSE 1 END) AS hidden_records,
           MAX(releasability_rank) AS releasability_rank
      FROM records
     GROUP BY partner_kind, row_id, row_name, pledged_year, partner_id
),
per_partner AS (
    SELECT partner_kind,
           row_id,
           row_name,
           pledged_year,
           partner_id,
           GROUPING(partner_kind) AS g_kind,
           GROUPING(row_id) AS g_partner,
           GROUPING(pledged_year) AS g_year,
           MAX(consented) AS consented,
           SUM(pledged_eur) AS pledged_eur,
           SUM(delivered_eur) AS delivered_eur,
           SUM(capacity_eur) AS capacity_eur,
           SUM(measured_delivered_eur) AS measured_delivered_eur,
           SUM(hidden_records) AS hidden_records,
           MAX(releasability_rank) AS releasability_rank
      FROM partner_years
     GROUP BY GROUPING SETS ((partner_kind, row_id, row_name, pledged_year, partner_id),
                             (partner_kind, row_id, row_name, partner_id),
                             (partner_kind, pledged_year, partner_id),
                             (partner_kind, partner_id),
                             (pledged_year, partner_id),
                             (partner_id))
),
cells AS (
    SELECT partner_kind, g_kind,
           row_id, row_name, g_partner,
           pledged_year, g_year,
           SUM(pledged_eur) AS pledged_eur,
           SUM(delivered_eur) AS delivered_eur,
           SUM(capacity_eur) AS capacity_eur,
           SUM(measured_delivered_eur) AS measured_delivered_eur,
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
     GROUP BY partner_kind, g_kind, row_id, row_name, g_partner, pledged_year, g_year
),
with_groups AS (
    SELECT c.*,
           CAST(pledged_eur AS DOUBLE PRECISION) AS pledged,
           CAST(delivered_eur AS DOUBLE PRECISION) AS delivered,
           CAST(capacity_eur AS DOUBLE PRECISION) AS capacity,
           CAST(measured_delivered_eur AS DOUBLE PRECISION) AS measured_delivered,
           -- the row's group in the same year (or all years): a partner row's kind total, else the grand total
           CAST(CASE WHEN g_partner = 0
                     THEN MAX(CASE WHEN g_partner = 1 THEN delivered_eur END)
                              OVER (PARTITION BY g_year, pledged_year, g_kind, partner_kind)
                     ELSE MAX(CASE WHEN g_kind = 1 THEN delivered_eur END) OVER (PARTITION BY g_year, pledged_year)
                END AS DOUBLE PRECISION) AS group_delivered,
           CAST(CASE WHEN g_partner = 0
                     THEN MAX(CASE WHEN g_partner = 1 THEN capacity_eur END)
                              OVER (PARTITION BY g_year, pledged_year, g_kind, partner_kind)
                     ELSE MAX(CASE WHEN g_kind = 1 THEN capacity_eur END) OVER (PARTITION BY g_year, pledged_year)
                END AS DOUBLE PRECISION) AS group_capacity
      FROM cells c
)
SELECT partner_kind,
       g_kind AS partner_kind_is_total,
       row_name AS partner,
       g_partner AS partner_is_total,
       row_id AS partner_id,
       pledged_year,
       g_year AS pledged_year_is_total,
       CAST(pledged_eur AS DECIMAL(18, 2)) AS pledged_eur,
       CAST(delivered_eur AS DECIMAL(18, 2)) AS delivered_eur,
       CASE WHEN pledged > 0 THEN delivered / pledged END AS delivery_rate,
       CAST(capacity_eur AS DECIMAL(20, 2)) AS capacity_eur,
       CAST(measured_delivered_eur AS DECIMAL(18, 2)) AS measured_delivered_eur,
       CASE WHEN capacity > 0 THEN measured_delivered / capacity END AS intensity,
       CASE WHEN group_delivered > 0 THEN delivered / group_delivered END AS share_of_delivered,
       CASE WHEN group_capacity > 0 THEN capacity / group_capacity END AS fair_share,
       CASE WHEN group_delivered > 0 AND capacity > 0 AND group_capacity > 0
            THEN (delivered / group_delivered) / (capacity / group_capacity) END AS burden_ratio,
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
  FROM with_groups
 ORDER BY g_kind, partner_kind NULLS LAST, g_partner, row_name NULLS LAST, row_id, g_year, pledged_year;
