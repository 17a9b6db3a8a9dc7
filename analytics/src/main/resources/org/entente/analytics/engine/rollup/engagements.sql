-- Engagements with non-state parties. Reads scope_workstream (engagements whose period overlaps the filter's years),
-- v_engagement, v_tenant and snapshot_info. The partner behind an engagement is the workstream's lead (who owns the
-- record); the filter's partner kind is the engaged party's kind. Two result sets, in this order.
-- Common columns (see burden-sharing.sql for why two aggregation steps):
--   <dim>_is_total      1 on the rows that total over <dim>
--   partners            distinct leads behind the figure
--   top_engagements     the largest single lead's number of engagements
--   hidden_records      engagements behind the figure the viewer may not see
--   releasability_rank  most restrictive marking of their workstreams (scope.sql)
--
-- 1. engagements: two crossings that share their grand total - party kind x engagement type, and vetting status x
--    risk rating. On the rows of the first crossing vetting_status and risk_rating are totals, and the other way round.
--   party_kind          the engaged party's tenant kind; EXTERNAL for a party outside Entente
--   engagement_type     HUMANITARIAN_COORDINATION, LOGISTICS_SUPPORT, TECHNOLOGY_PARTNERSHIP, TRAINING, ADVISORY,
--                       SECURITY_SERVICES
--   vetting_status      NOT_STARTED, IN_REVIEW, CLEARED, REJECTED
--   risk_rating         LOW, MEDIUM, HIGH, CRITICAL; null = not rated
--   engagements         number of engagements
--
-- 2. expiring-agreements: agreements that end within 90 days of the snapshot's as_of_date (as_of_date itself
--    included), per engagement type.
--   engagement_type     as above
--   agreements          number of such agreements
--   top_agreements      the largest single lead's number of them
WITH facts AS (
    SELECT w.tenant_id AS partner_id,
           COALESCE(party.kind, 'EXTERNAL') AS party_kind,
           e.engagement_type,
           e.vetting_status,
           e.risk_rating,
           w.visible AND e.visible AS visible,
           w.releasability_rank
      FROM scope_workstream w
      JOIN v_engagement e ON e.tenant_id = w.tenant_id AND e.workstream_id = w.workstream_id
      LEFT JOIN v_tenant party ON party.id = e.party_tenant_id
     CROSS JOIN analysis_filter f
     WHERE w.in_years
       AND (f.partner_kind IS NULL OR party.kind = f.partner_kind)
),
per_partner AS (
    SELECT party_kind, engagement_type, vetting_status, risk_rating, partner_id,
           GROUPING(party_kind) AS g_party_kind,
           GROUPING(engagement_type) AS g_type,
           GROUPING(vetting_status) AS g_vetting,
           GROUPING(risk_rating) AS g_risk,
           COUNT(*) AS engagements,
           SUM(CASE WHEN visible THEN 0 ELSE 1 END) AS hidden_records,
           MAX(releasability_rank) AS releasability_rank
      FROM facts
     GROUP BY GROUPING SETS ((party_kind, engagement_type, partner_id), (party_kind, partner_id),
                             (engagement_type, partner_id),
                             (vetting_status, risk_rating, partner_id), (vetting_status, partner_id),
                             (risk_rating, partner_id),
                             (partner_id))
)
SELECT party_kind,
       g_party_kind AS party_kind_is_total,
       engagement_type,
       g_type AS engagement_type_is_total,
       vetting_status,
       g_vetting AS vetting_status_is_total,
       risk_rating,
       g_risk AS risk_rating_is_total,
       CAST(SUM(engagements) AS BIGINT) AS engagements,
       COUNT(*) AS partners,
       CAST(MAX(engagements) AS BIGINT) AS top_engagements,
       CAST(SUM(hidden_records) AS BIGINT) AS hidden_records,
       MAX(releasability_rank) AS releasability_rank
  FROM per_partner
 GROUP BY party_kind, g_party_kind, engagement_type, g_type, vetting_status, g_vetting, risk_rating, g_risk
 ORDER BY g_party_kind, party_kind, g_type, engagement_type, g_vetting, vetting_status, g_risk, risk_rating NULLS LAST;

WITH facts AS (
    SELECT w.tenant_id AS partner_id,
           e.engagement_type,
           w.visible AND e.visible AS visible,
           w.releasability_rank
      FROM scope_workstream w
      JOIN v_engagement e ON e.tenant_id = w.tenant_id AND e.workstream_id = w.workstream_id
      LEFT JOIN v_tenant party ON party.id = e.party_tenant_id
     CROSS JOIN analysis_filter f
     CROSS JOIN snapshot_info s
     WHERE w.in_years
       AND (f.partner_kind IS NULL OR party.kind = f.partner_kind)
       AND e.agreement_valid_to >= s.as_of_date
       AND e.agreement_valid_to <= s.as_of_date + INTERVAL '90' DAY
),
per_partner AS (
    SELECT engagement_type, partner_id,
           GROUPING(engagement_type) AS g_type,
           COUNT(*) AS agreements,
           SUM(CASE WHEN visible THEN 0 ELSE 1 END) AS hidden_records,
           MAX(releasability_rank) AS releasability_rank
      FROM facts
     GROUP BY GROUPING SETS ((engagement_type, partner_id), (partner_id))
)
SELECT engagement_type,
       g_type AS engagement_type_is_total,
       CAST(SUM(agreements) AS BIGINT) AS agreements,
       COUNT(*) AS partners,
       CAST(MAX(agreements) AS BIGINT) AS top_agreements,
       CAST(SUM(hidden_records) AS BIGINT) AS hidden_records,
       MAX(releasability_rank) AS releasability_rank
  FROM per_partner
 GROUP BY engagement_type, g_type
 ORDER BY g_type, engagement_type;
