-- Collaboration network: who works with whom. Reads scope_workstream (workstreams whose period overlaps the filter's
-- years), v_participation and v_tenant. Two partners are linked by every workstream in which both take part:
-- an ACCEPTED participation, or the lead itself (which always takes part in its own workstream). The partner behind
-- a link is the workstream's lead, who owns the participation records. The filter's partner kind keeps the links
-- with at least one partner of that kind (and, in partner-degree, the partners of that kind).
-- First the TEMP table scope_member (below), read by both result sets; RollupSuite drops it after the run.
-- Two result sets, in this order. Common columns (see burden-sharing.sql for why two aggregation steps):
--   partners            distinct leads behind the figure
--   hidden_records      participations behind the figure the viewer may not see
--   releasability_rank  most restrictive marking of their workstreams (scope.sql)
--
-- 1. collaboration-network: one row per linked pair, in its link class, with class totals and a grand total.
--   link_class, link_class_is_total   STATE_STATE, STATE_NON_STATE or NON_STATE_NON_STATE; 1 on the grand total
--   edge, edge_is_total               "source – target"; 1 on the class totals and the grand total
--   source_id, target_id              the two partners' tenant ids; null on total rows
--   source, target                    the two partners' names (source sorts first); null on total rows
--   source_kind, target_kind          their tenant kinds; null on total rows
--   co_participations                 workstreams both take part in (the edge weight); summed on total rows
--   links                             distinct linked pairs (1 on an edge row)
--   top_co_participations             the largest single lead's part of co_participations
--
-- 2. partner-degree: one row per partner that takes part in a workstream in scope (no totals).
--   partner, partner_is_total         the partner's name; is_total is always 0
--   partner_id                        its tenant id
--   partner_kind                      its tenant kind
--   degree                            distinct partners it shares at least one workstream with
--   workstreams                       workstreams it takes part in
--   top_workstreams                   the largest single lead's part of workstreams
--   restricted_partners, restricted_workstreams, restricted_top_workstreams, restricted_hidden_records
--                                     the same for the part disclosure control protects: none when the partner is the
--                                     viewer's organization or consented to it (analysis_consent, scope.sql) - its
--                                     participation counts are its own figures, published by its consent - else all
DROP TABLE IF EXISTS scope_member;

-- scope_member: who takes part in which workstream in scope (read by both result sets).
--   tenant_id, workstream_id   the workstream (tenant_id is its lead)
--   partner_id                 the taking part tenant
--   visible                    the viewer may see the participation (and the workstream)
--   releasability_rank         the workstream's marking as a rank (scope.sql)
CREATE TEMPORARY TABLE scope_member AS
SELECT DISTINCT m.tenant_id, m.workstream_id, m.partner_id, w.visible AND m.visible AS visible, w.releasability_rank
  FROM (SELECT p.tenant_id, p.workstream_id, p.participant_tenant_id AS partner_id, p.visible
          FROM v_participation p
         WHERE p.status = 'ACCEPTED'
        UNION ALL
        SELECT s.tenant_id, s.workstream_id, s.tenant_id, s.visible
          FROM scope_workstream s) m
  JOIN scope_workstream w ON w.tenant_id = m.tenant_id AND w.workstream_id = m.workstream_id
 WHERE w.in_years;

WITH named AS (
    SELECT m.*, t.name, t.kind
      FROM scope_member m
      JOIN v_tenant t ON t.id = m.partner_id
),
pairs AS (
    SELECT a.tenant_id AS lead_id,
           a.partner_id AS source_id, a.name AS source, a.kind AS source_kind,
           b.partner_id AS target_id, b.name AS target, b.kind AS target_kind,
           CASE WHEN a.kind = 'STATE' AND b.kind = 'STATE' THEN 'STATE_STATE'
                WHEN a.kind = 'STATE' OR b.kind = 'STATE' THEN 'STATE_NON_STATE'
                ELSE 'NON_STATE_NON_STATE' END AS link_class,
           a.visible AND b.visible AS visible,
           a.releasability_rank
      FROM named a
      JOIN named b ON b.tenant_id = a.tenant_id AND b.workstream_id = a.workstream_id
                  AND (a.name < b.name OR (a.name = b.name AND a.partner_id < b.partner_id))
     CROSS JOIN analysis_filter f
     WHERE f.partner_kind IS NULL OR a.kind = f.partner_kind OR b.kind = f.partner_kind
),
per_partner AS (
    SELECT link_class, source_id, target_id, source, target, source_kind, target_kind, lead_id,
           GROUPING(link_class) AS g_class,
           GROUPING(source_id) AS g_edge,
           COUNT(*) AS co_participations,
           SUM(CASE WHEN visible THEN 0 ELSE 2 END) AS hidden_records,
           MAX(releasability_rank) AS releasability_rank
      FROM pairs
     GROUP BY GROUPING SETS ((link_class, source_id, target_id, source, target, source_kind, target_kind, lead_id),
                             (link_class, lead_id),
                             (lead_id))
),
cells AS (
    SELECT link_class, g_class, source_id, target_id, source, target, source_kind, target_kind, g_edge,
           SUM(co_participations) AS co_participations,
           COUNT(*) AS partners,
           MAX(co_participations) AS top_co_participations,
           SUM(hidden_records) AS hidden_records,
           MAX(releasability_rank) AS releasability_rank
      FROM per_partner
     GROUP BY link_class, g_class, source_id, target_id, source, target, source_kind, target_kind, g_edge
),
links AS (
    SELECT link_class, GROUPING(link_class) AS g_class, COUNT(*) AS links
      FROM (SELECT DISTINCT link_class, source_id, target_id FROM pairs) e
     GROUP BY GROUPING SETS ((link_class), ())
)
SELECT c.link_class,
       c.g_class AS link_class_is_total,
       CASE WHEN c.g_edge = 0 THEN c.source || ' – ' || c.target END AS edge,
       c.g_edge AS edge_is_total,
       c.source_id,
       c.target_id,
       c.source,
       c.target,
       c.source_kind,
       c.target_kind,
       CAST(c.co_participations AS BIGINT) AS co_participations,
       CAST(CASE WHEN c.g_edge = 0 THEN 1 ELSE l.links END AS BIGINT) AS links,
       c.partners,
       CAST(c.top_co_participations AS BIGINT) AS top_co_participations,
       CAST(c.hidden_records AS BIGINT) AS hidden_records,
       c.releasability_rank
  FROM cells c
  LEFT JOIN links l ON l.g_class = c.g_class AND (l.link_class = c.link_class OR l.g_class = 1)
 ORDER BY c.g_class, c.link_class, c.g_edge, c.source, c.target, c.source_id, c.target_id;

WITH named AS (
    SELECT m.*, t.name, t.kind
      FROM scope_member m
      JOIN v_tenant t ON t.id = m.partner_id
     CROSS JOIN analysis_filter f
     WHERE f.partner_kind IS NULL OR t.kind = f.partner_kind
),
degrees AS (
    SELECT x.partner_id,
           COUNT(DISTINCT y.partner_id) AS degree,
           COUNT(DISTINCT x.workstream_id) AS workstreams
      FROM named x
      LEFT JOIN scope_member y ON y.tenant_id = x.tenant_id AND y.workstream_id = x.workstream_id
                         AND y.partner_id <> x.partner_id
     GROUP BY x.partner_id
),
per_lead AS (
    SELECT partner_id, tenant_id AS lead_id,
           COUNT(*) AS workstreams,
           SUM(CASE WHEN visible THEN 0 ELSE 1 END) AS hidden_records,
           MAX(releasability_rank) AS releasability_rank
      FROM named
     GROUP BY partner_id, tenant_id
)
SELECT t.name AS partner,
       0 AS partner_is_total,
       d.partner_id,
       t.kind AS partner_kind,
       CAST(d.degree AS BIGINT) AS degree,
       CAST(d.workstreams AS BIGINT) AS workstreams,
       COUNT(*) AS partners,
       CAST(MAX(l.workstreams) AS BIGINT) AS top_workstreams,
       CAST(SUM(l.hidden_records) AS BIGINT) AS hidden_records,
       CAST(CASE WHEN k.tenant_id IS NULL THEN COUNT(*) ELSE 0 END AS BIGINT) AS restricted_partners,
       CAST(CASE WHEN k.tenant_id IS NULL THEN d.workstreams ELSE 0 END AS BIGINT) AS restricted_workstreams,
       CAST(CASE WHEN k.tenant_id IS NULL THEN MAX(l.workstreams) ELSE 0 END AS BIGINT) AS restricted_top_workstreams,
       CAST(CASE WHEN k.tenant_id IS NULL THEN SUM(l.hidden_records) ELSE 0 END AS BIGINT) AS restricted_hidden_records,
       MAX(l.releasability_rank) AS releasability_rank
  FROM degrees d
  JOIN per_lead l ON l.partner_id = d.partner_id
  JOIN v_tenant t ON t.id = d.partner_id
  LEFT JOIN analysis_consent k ON k.tenant_id = d.partner_id
 GROUP BY t.name, t.kind, d.partner_id, d.degree, d.workstreams, k.tenant_id
 ORDER BY t.name, d.partner_id;
