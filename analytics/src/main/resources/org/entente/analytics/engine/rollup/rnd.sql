-- R&D: where the research projects stand, per technology area. Reads scope_workstream (R&D projects whose period
-- overlaps the filter's years), v_rnd_project, v_work_package, v_deliverable, scope_contribution and snapshot_info.
-- The filter's partner kind is the kind of the project's lead; a project in scope brings all its work packages,
-- deliverables and (in scope) contributions. One result set (see burden-sharing.sql for the two aggregation steps).
-- The records behind a figure are of four sorts, each with its own partner: a project (its lead), a work package
-- (its lead tenant), a deliverable (its work package's lead) and a contribution (its contributor).
--
--   technology_area, technology_area_is_total   CYBER, AI, ...; is_total = 1 on the row over all areas
--   projects                 number of R&D projects
--   avg_trl_start            mean technology readiness level at the start (1-9)
--   avg_trl_current          mean TRL now
--   avg_trl_target           mean target TRL
--   avg_trl_gain             mean of (TRL now - TRL at start)
--   budget_eur               pledged budget: work package budget_eur summed
--   delivered_eur            delivered: delivered_eur of contributions (pledged in the filter's years) to the projects
--   deliverables_on_time     deliverables submitted on or before their due date (or without one)
--   deliverables_late        deliverables submitted after their due date, or not submitted and past due on as_of_date
--   partners                 distinct partners behind the figure (over the four sorts of records)
--   top_projects, top_budget_eur, top_delivered_eur   the largest single partner's part of those measures
--   hidden_records           records behind the figure the viewer may not see
--   releasability_rank       most restrictive marking of those records (scope.sql)
WITH projects AS (
    SELECT w.tenant_id, w.workstream_id, r.technology_area, r.trl_start, r.trl_current, r.trl_target,
           w.visible AND r.visible AS visible, w.releasability_rank
      FROM scope_workstream w
      JOIN v_rnd_project r ON r.tenant_id = w.tenant_id AND r.workstream_id = w.workstream_id
     CROSS JOIN analysis_filter f
     WHERE w.in_years
       AND (f.partner_kind IS NULL OR w.lead_kind = f.partner_kind)
),
facts AS (
    SELECT p.technology_area, p.tenant_id AS partner_id,
           1 AS projects, p.trl_start, p.trl_current, p.trl_target,
           CAST(0 AS DECIMAL(18, 2)) AS budget_eur, CAST(0 AS DECIMAL(18, 2)) AS delivered_eur,
           0 AS on_time, 0 AS late, p.visible, p.releasability_rank
      FROM projects p
    UNION ALL
    SELECT p.technology_area, wp.lead_tenant_id,
           0, 0, 0, 0,
           wp.budget_eur, CAST(0 AS DECIMAL(18, 2)),
           0, 0, p.visible AND wp.visible, p.releasability_rank
      FROM projects p
      JOIN v_work_package wp ON wp.tenant_id = p.tenant_id AND wp.workstream_id = p.workstream_id
    UNION ALL
    SELECT p.technology_area, wp.lead_tenant_id,
           0, 0, 0, 0,
           CAST(0 AS DECIMAL(18, 2)), CAST(0 AS DECIMAL(18, 2)),
           CASE WHEN d.submitted_on IS NOT NULL AND (d.due_date IS NULL OR d.submitted_on <= d.due_date)
                THEN 1 ELSE 0 END,
           CASE WHEN d.submitted_on > d.due_date OR (d.submitted_on IS NULL AND d.due_date < s.as_of_date)
                THEN 1 ELSE 0 END,
           p.visible AND d.visible AND wp.visible, p.releasability_rank
      FROM projects p
      JOIN v_deliverable d ON d.tenant_id = p.tenant_id AND d.workstream_id = p.workstream_id
      JOIN v_work_package wp ON wp.tenant_id = d.tenant_id AND wp.workstream_id = d.workstream_id
                            AND wp.id = d.work_package_id
     CROSS JOIN snapshot_info s
    UNION ALL
    SELECT p.technology_area, c.partner_id,
           0, 0, 0, 0,
           CAST(0 AS DECIMAL(18, 2)), c.delivered_eur,
           0, 0, p.visible AND c.visible, GREATEST(p.releasability_rank, c.releasability_rank)
      FROM projects p
      JOIN scope_contribution c ON c.tenant_id = p.tenant_id AND c.workstream_id = p.workstream_id
),
per_partner AS (
    SELECT technology_area, partner_id,
           GROUPING(technology_area) AS g_area,
           SUM(projects) AS projects,
           SUM(trl_start) AS trl_start,
           SUM(trl_current) AS trl_current,
           SUM(trl_target) AS trl_target,
           SUM(budget_eur) AS budget_eur,
           SUM(delivered_eur) AS delivered_eur,
           SUM(on_time) AS on_time,
           SUM(late) AS late,
           SUM(CASE WHEN visible THEN 0 ELSE 1 END) AS hidden_records,
           MAX(releasability_rank) AS releasability_rank
      FROM facts
     GROUP BY GROUPING SETS ((technology_area, partner_id), (partner_id))
)
SELECT technology_area,
       g_area AS technology_area_is_total,
       CAST(SUM(projects) AS BIGINT) AS projects,
       CAST(SUM(trl_start) AS DOUBLE PRECISION) / CAST(NULLIF(SUM(projects), 0) AS DOUBLE PRECISION) AS avg_trl_start,
       CAST(SUM(trl_current) AS DOUBLE PRECISION) / CAST(NULLIF(SUM(projects), 0) AS DOUBLE PRECISION)
           AS avg_trl_current,
       CAST(SUM(trl_target) AS DOUBLE PRECISION) / CAST(NULLIF(SUM(projects), 0) AS DOUBLE PRECISION) AS avg_trl_target,
       CAST(SUM(trl_current) - SUM(trl_start) AS DOUBLE PRECISION) / CAST(NULLIF(SUM(projects), 0) AS DOUBLE PRECISION)
           AS avg_trl_gain,
       CAST(SUM(budget_eur) AS DECIMAL(18, 2)) AS budget_eur,
       CAST(SUM(delivered_eur) AS DECIMAL(18, 2)) AS delivered_eur,
       CAST(SUM(on_time) AS BIGINT) AS deliverables_on_time,
       CAST(SUM(late) AS BIGINT) AS deliverables_late,
       COUNT(*) AS partners,
       CAST(MAX(projects) AS BIGINT) AS top_projects,
       CAST(MAX(budget_eur) AS DECIMAL(18, 2)) AS top_budget_eur,
       CAST(MAX(delivered_eur) AS DECIMAL(18, 2)) AS top_delivered_eur,
       CAST(SUM(hidden_records) AS BIGINT) AS hidden_records,
       MAX(releasability_rank) AS releasability_rank
  FROM per_partner
 GROUP BY technology_area, g_area
 ORDER BY g_area, technology_area;
