-- Milestones: are workstreams keeping their dates? Reads v_milestone, scope_workstream (region and kind of the
-- filter; milestones are cut by the year of planned_date, not by the workstream's period) and snapshot_info.
-- The partner behind a milestone is its workstream's lead; the filter's partner kind is the lead's kind.
-- Cancelled milestones are left out. One result set (see burden-sharing.sql for the two aggregation steps):
--
--   kind, kind_is_total            the workstream kind; is_total = 1 over all kinds
--   lead_kind, lead_kind_is_total  the lead tenant's kind; is_total = 1 over all leads
--   lead, lead_is_total            the lead's name; is_total = 1 on lead-kind totals and over all leads
--   lead_id                        the lead's tenant id (null on total rows)
--   milestones                     milestones (not cancelled)
--   on_time                        DONE on or before the planned date (DONE without an actual date counts here)
--   late                           DONE after the planned date
--   overdue                        not DONE and the planned date is before the snapshot's as_of_date
--   on_time_rate                   on_time / (on_time + late + overdue): the share of due milestones met in time;
--                                  null when none is due yet
--   partners                       distinct leads behind the figure
--   top_milestones                 the largest single lead's number of milestones
--   hidden_records                 milestones behind the figure the viewer may not see
--   releasability_rank             most restrictive marking of their workstreams (scope.sql)
WITH facts AS (
    SELECT w.tenant_id AS partner_id,
           w.kind,
           w.lead_kind,
           w.lead_name,
           CASE WHEN m.status = 'DONE' AND (m.actual_date IS NULL OR m.actual_date <= m.planned_date)
                THEN 1 ELSE 0 END AS on_time,
           CASE WHEN m.status = 'DONE' AND m.actual_date > m.planned_date THEN 1 ELSE 0 END AS late,
           CASE WHEN m.status <> 'DONE' AND m.planned_date < s.as_of_date THEN 1 ELSE 0 END AS overdue,
           w.visible AND m.visible AS visible,
           w.releasability_rank
      FROM v_milestone m
      JOIN scope_workstream w ON w.tenant_id = m.tenant_id AND w.workstream_id = m.workstream_id
     CROSS JOIN analysis_filter f
     CROSS JOIN snapshot_info s
     WHERE m.status <> 'CANCELLED'
       AND (f.year_from IS NULL OR EXTRACT(YEAR FROM m.planned_date) >= f.year_from)
       AND (f.year_to IS NULL OR EXTRACT(YEAR FROM m.planned_date) <= f.year_to)
       AND (f.partner_kind IS NULL OR w.lead_kind = f.partner_kind)
),
per_partner AS (
    SELECT kind, lead_kind, lead_name, partner_id,
           GROUPING(kind) AS g_kind,
           GROUPING(lead_kind) AS g_lead_kind,
           GROUPING(lead_name) AS g_lead,
           COUNT(*) AS milestones,
           SUM(on_time) AS on_time,
           SUM(late) AS late,
           SUM(overdue) AS overdue,
           SUM(CASE WHEN visible THEN 0 ELSE 1 END) AS hidden_records,
           MAX(releasability_rank) AS releasability_rank
      FROM facts
     GROUP BY GROUPING SETS ((kind, lead_kind, lead_name, partner_id), (kind, lead_kind, partner_id),
                             (kind, partner_id),
                             (lead_kind, lead_name, partner_id), (lead_kind, partner_id), (partner_id))
)
SELECT kind,
       g_kind AS kind_is_total,
       lead_kind,
       g_lead_kind AS lead_kind_is_total,
       lead_name AS lead,
       g_lead AS lead_is_total,
       CASE WHEN g_lead = 0 THEN partner_id END AS lead_id,
       CAST(SUM(milestones) AS BIGINT) AS milestones,
       CAST(SUM(on_time) AS BIGINT) AS on_time,
       CAST(SUM(late) AS BIGINT) AS late,
       CAST(SUM(overdue) AS BIGINT) AS overdue,
       CASE WHEN SUM(on_time) + SUM(late) + SUM(overdue) > 0
            THEN CAST(SUM(on_time) AS DOUBLE PRECISION)
                 / CAST(SUM(on_time) + SUM(late) + SUM(overdue) AS DOUBLE PRECISION) END AS on_time_rate,
       COUNT(*) AS partners,
       CAST(MAX(milestones) AS BIGINT) AS top_milestones,
       CAST(SUM(hidden_records) AS BIGINT) AS hidden_records,
       MAX(releasability_rank) AS releasability_rank
  FROM per_partner
 GROUP BY kind, g_kind, lead_kind, g_lead_kind, lead_name, g_lead, CASE WHEN g_lead = 0 THEN partner_id END
 ORDER BY g_kind, kind, g_lead_kind, lead_kind, g_lead, lead_name, CASE WHEN g_lead = 0 THEN partner_id END;
