-- Portfolio: what the federation works on. Reads scope_workstream (scope.sql; workstreams whose period overlaps the
-- filter's years), the kind details (v_initiative, v_rnd_project, v_engagement) and v_participation.
-- The partner of a workstream is its lead (the owning tenant); the filter's partner kind is the lead's kind.
-- Two result sets, in this order. Common columns (see burden-sharing.sql for why two aggregation steps):
--   <dim>_is_total      1 on the rows that total over <dim>
--   partners            distinct leads behind the figure
--   top_workstreams     the largest single lead's number of workstreams
--   hidden_records      workstreams behind the figure the viewer may not see (or whose kind detail it may not see)
--   releasability_rank  most restrictive marking of those workstreams (scope.sql)
--
-- 1. portfolio: workstreams by kind > subtype (hierarchy) x status x region.
--   kind                         INITIATIVE, RND_PROJECT, ENGAGEMENT
--   subtype                      the kind's own classification: the initiative's mechanism, the R&D project's
--                                technology area, the engagement's type; null when there is no detail row (or the
--                                member may not see it). subtype_is_total is 1 whenever kind_is_total is.
--   status                       PROPOSED, APPROVED, ACTIVE, COMPLETED, CANCELLED
--   region                       the workstream's region (null = not set)
--   workstreams                  number of workstreams
--   participants                 accepted participations (the lead included) summed over those workstreams
--   participants_per_workstream  participants / workstreams
--
-- 2. lead-kinds: the mix of lead kinds, workstreams by kind x the lead's tenant kind.
--   kind, lead_kind              the workstream kind and the lead tenant's kind
--   workstreams                  number of workstreams
--   share_of_kind                workstreams / workstreams of the same kind (all lead kinds)
WITH participants AS (
    SELECT tenant_id, workstream_id, COUNT(*) AS participants
      FROM v_participation
     WHERE status = 'ACCEPTED'
     GROUP BY tenant_id, workstream_id
),
facts AS (
    SELECT w.tenant_id AS partner_id,
           w.kind,
           COALESCE(i.mechanism, r.technology_area, e.engagement_type) AS subtype,
           w.status,
           w.region,
           COALESCE(p.participants, 0) AS participants,
           w.visible AND COALESCE(i.visible, r.visible, e.visible, true) AS visible,
           w.releasability_rank
      FROM scope_workstream w
     CROSS JOIN analysis_filter f
      LEFT JOIN v_initiative i
             ON w.kind = 'INITIATIVE' AND i.tenant_id = w.tenant_id AND i.workstream_id = w.workstream_id
      LEFT JOIN v_rnd_project r
             ON w.kind = 'RND_PROJECT' AND r.tenant_id = w.tenant_id AND r.workstream_id = w.workstream_id
      LEFT JOIN v_engagement e
             ON w.kind = 'ENGAGEMENT' AND e.tenant_id = w.tenant_id AND e.workstream_id = w.workstream_id
      LEFT JOIN participants p ON p.tenant_id = w.tenant_id AND p.workstream_id = w.workstream_id
     WHERE w.in_years
       AND (f.partner_kind IS NULL OR w.lead_kind = f.partner_kind)
),
per_partner AS (
    SELECT kind, subtype, status, region, partner_id,
           GROUPING(kind) AS g_kind,
           GROUPING(subtype) AS g_subtype,
           GROUPING(status) AS g_status,
           GROUPING(region) AS g_region,
           COUNT(*) AS workstreams,
           SUM(participants) AS participants,
           SUM(CASE WHEN visible THEN 0 ELSE 1 END) AS hidden_records,
           MAX(releasability_rank) AS releasability_rank
      FROM facts
     GROUP BY GROUPING SETS ((kind, subtype, status, region, partner_id), (kind, subtype, status, partner_id),
                             (kind, subtype, region, partner_id), (kind, subtype, partner_id),
                             (kind, status, region, partner_id), (kind, status, partner_id),
                             (kind, region, partner_id), (kind, partner_id),
                             (status, region, partner_id), (status, partner_id),
                             (region, partner_id), (partner_id))
)
SELECT kind,
       g_kind AS kind_is_total,
       subtype,
       g_subtype AS subtype_is_total,
       status,
       g_status AS status_is_total,
       region,
       g_region AS region_is_total,
       CAST(SUM(workstreams) AS BIGINT) AS workstreams,
       CAST(SUM(participants) AS BIGINT) AS participants,
       CAST(SUM(participants) AS DOUBLE PRECISION) / CAST(SUM(workstreams) AS DOUBLE PRECISION)
           AS participants_per_workstream,
       COUNT(*) AS partners,
       CAST(MAX(workstreams) AS BIGINT) AS top_workstreams,
       CAST(SUM(hidden_records) AS BIGINT) AS hidden_records,
       MAX(releasability_rank) AS releasability_rank
  FROM per_partner
 GROUP BY kind, g_kind, subtype, g_subtype, status, g_status, region, g_region
 ORDER BY g_kind, kind, g_subtype, subtype NULLS LAST, g_status, status, g_region, region NULLS LAST;

WITH facts AS (
    SELECT w.tenant_id AS partner_id,
           w.kind,
           w.lead_kind,
           w.visible,
           w.releasability_rank
      FROM scope_workstream w
     CROSS JOIN analysis_filter f
     WHERE w.in_years
       AND (f.partner_kind IS NULL OR w.lead_kind = f.partner_kind)
),
per_partner AS (
    SELECT kind, lead_kind, partner_id,
           GROUPING(kind) AS g_kind,
           GROUPING(lead_kind) AS g_lead_kind,
           COUNT(*) AS workstreams,
           SUM(CASE WHEN visible THEN 0 ELSE 1 END) AS hidden_records,
           MAX(releasability_rank) AS releasability_rank
      FROM facts
     GROUP BY GROUPING SETS ((kind, lead_kind, partner_id), (kind, partner_id), (lead_kind, partner_id), (partner_id))
),
cells AS (
    SELECT kind, g_kind, lead_kind, g_lead_kind,
           SUM(workstreams) AS workstreams,
           COUNT(*) AS partners,
           MAX(workstreams) AS top_workstreams,
           SUM(hidden_records) AS hidden_records,
           MAX(releasability_rank) AS releasability_rank
      FROM per_partner
     GROUP BY kind, g_kind, lead_kind, g_lead_kind
)
SELECT kind,
       g_kind AS kind_is_total,
       lead_kind,
       g_lead_kind AS lead_kind_is_total,
       CAST(workstreams AS BIGINT) AS workstreams,
       CAST(workstreams AS DOUBLE PRECISION)
           / CAST(MAX(CASE WHEN g_lead_kind = 1 THEN workstreams END) OVER (PARTITION BY g_kind, kind)
                  AS DOUBLE PRECISION) AS share_of_kind,
       partners,
       CAST(top_workstreams AS BIGINT) AS top_workstreams,
       CAST(hidden_records AS BIGINT) AS hidden_records,
       releasability_rank
  FROM cells
 ORDER BY g_kind, kind, g_lead_kind, lead_kind;
