-- Results: are we achieving what we set out to do? Reads v_indicator_progress (visibility.sql; status and overdue as
-- PostgreSQL's view indicator_progress computed them in the snapshot's transaction: the one definition of progress
-- and status), v_assessment and v_assessment_recommendation, the kind details (v_initiative, v_rnd_project,
-- v_engagement), scope_workstream and analysis_consent (scope.sql) and snapshot_info.
--
-- The partner behind an indicator or an assessment is its workstream's lead (the organization whose item it is); the
-- filter's partner kind is the lead's kind. Region and workstream kind are the workstream's (scope_workstream). Years:
--   indicators   on workstreams whose period overlaps the years (scope_workstream.in_years), as the portfolio: their
--                status is that of the snapshot's day whatever the years
--   assessments  assessed (assessed_on) in the years, as milestones are cut by their date
-- An indicator's status and an assessment's recommendations are their lead's own figures: disclosure control decides
-- these cubes on their restricted part (CubeSpec.byConsent), as the contribution cubes.
--
-- Two TEMP tables first (dropped after each run, Rollups.SCOPE_TABLES), then three result sets.
--
-- Common columns of the result sets (see burden-sharing.sql for the two aggregation steps):
--   <dim>_is_total       1 on the rows that total over <dim>
--   partners             distinct leads behind the figure
--   top_<measure>        the largest single lead's part of <measure>
--   hidden_records       indicators (assessments) behind the figure the viewer may not see
--   releasability_rank   most restrictive marking of those indicators (assessments) and their workstreams (scope.sql)
--   restricted_partners, restricted_<measure>, restricted_top_<measure>, restricted_hidden_records
--                        the same for the restricted part: the leads that are neither the viewer's organization nor
--                        consented to it (analysis_consent), which disclosure control protects
--
-- Indicator figures (results, results-by-lead):
--   indicators            indicators
--   on_track              status ON_TRACK: at most ten points of the way behind a straight path from baseline to target
--   at_risk               status AT_RISK: at most 25 points behind
--   off_track             status OFF_TRACK: further behind, or the target date passed short of the target
--   not_measured          status NOT_MEASURED: a baseline but no value yet
--   no_baseline           status NO_BASELINE: no baseline, so progress cannot be judged
--   overdue               indicators whose last ended reporting period has no value yet (measurement overdue)
--   on_track_rate         on_track / (on_track + at_risk + off_track): the share of the judged indicators that are on
--                         track; null when none is judged
--   workstreams           workstreams with indicators
--   workstreams_off_track workstreams with at least one indicator off track
--
-- 1. results: indicators by workstream kind > subtype (hierarchy) x region.
--   kind                  INITIATIVE, RND_PROJECT, ENGAGEMENT
--   subtype               the initiative's mechanism, the R&D project's technology area, the engagement's type; null
--                         without a detail row; subtype_is_total is 1 whenever kind_is_total is
--   region                the workstream's region (null = not set)
--
-- 2. results-by-lead: the same figures by lead kind > lead.
--   lead_kind             the lead's tenant kind
--   lead, lead_id         the lead's name and tenant id (null on total rows)
--
-- 3. recommendations: assessments and their recommendations by workstream kind x lead kind > lead.
--   kind, lead_kind, lead, lead_id   as above
--   assessments                   assessments (initial, periodic, final)
--   external_assessments          of them by a named organization (mode EXTERNAL)
--   with_open_recommendations     assessments with at least one OPEN recommendation
--   open_recommendations          OPEN recommendations
--   overdue_recommendations       OPEN recommendations whose due date is before the snapshot's as_of_date
--   done_recommendations          DONE recommendations
--   (dominance on assessments and on open_recommendations)

DROP TABLE IF EXISTS scope_indicator;

-- scope_indicator: the indicators in scope, one row each.
--   partner_id                  the lead (= tenant_id)
--   tenant_id, workstream_id, indicator_id
--   kind, subtype, region, lead_kind, lead_name   of the workstream and its lead
--   status, overdue             from indicator_progress (overdue as 1 or 0)
--   consented                   1 if the lead is in analysis_consent
--   visible                     the viewer may see the indicator (and its workstream and kind detail)
--   releasability_rank          the higher rank of the indicator's and its workstream's marking
CREATE TEMPORARY TABLE scope_indicator AS
SELECT p.tenant_id AS partner_id,
       p.tenant_id,
       p.workstream_id,
       p.indicator_id,
       w.kind,
       COALESCE(i.mechanism, r.technology_area, e.engagement_type) AS subtype,
       w.region,
       w.lead_kind,
       w.lead_name,
       p.status,
       CASE WHEN p.overdue THEN 1 ELSE 0 END AS overdue,
       CASE WHEN k.tenant_id IS NULL THEN 0 ELSE 1 END AS consented,
       w.visible AND p.visible AND COALESCE(i.visible, r.visible, e.visible, true) AS visible,
       GREATEST(w.releasability_rank,
                CASE p.releasability WHEN 'PRIVATE' THEN 4 WHEN 'REL_TO' THEN 3 WHEN 'PARTICIPANTS' THEN 2 ELSE 1 END)
           AS releasability_rank
  FROM v_indicator_progress p
  JOIN scope_workstream w ON w.tenant_id = p.tenant_id AND w.workstream_id = p.workstream_id
 CROSS JOIN analysis_filter f
  LEFT JOIN v_initiative i
         ON w.kind = 'INITIATIVE' AND i.tenant_id = w.tenant_id AND i.workstream_id = w.workstream_id
  LEFT JOIN v_rnd_project r
         ON w.kind = 'RND_PROJECT' AND r.tenant_id = w.tenant_id AND r.workstream_id = w.workstream_id
  LEFT JOIN v_engagement e
         ON w.kind = 'ENGAGEMENT' AND e.tenant_id = w.tenant_id AND e.workstream_id = w.workstream_id
  LEFT JOIN analysis_consent k ON k.tenant_id = p.tenant_id
 WHERE w.in_years
   AND (f.partner_kind IS NULL OR w.lead_kind = f.partner_kind);

DROP TABLE IF EXISTS scope_assessment;

-- scope_assessment: the assessments in scope, one row each, with their recommendations counted (a recommendation
-- follows its assessment: visible with it).
--   partner_id                  the lead (= tenant_id)
--   tenant_id, workstream_id, assessment_id
--   kind, lead_kind, lead_name  of the workstream and its lead
--   external                    1 for an EXTERNAL assessment
--   open_recommendations, overdue_recommendations, done_recommendations   its recommendations (see above)
--   consented, visible, releasability_rank   as in scope_indicator
CREATE TEMPORARY TABLE scope_assessment AS
WITH recommendations AS (
    SELECT r.tenant_id,
           r.workstream_id,
           r.assessment_id,
           SUM(CASE WHEN r.status = 'OPEN' THEN 1 ELSE 0 END) AS open_recommendations,
           SUM(CASE WHEN r.status = 'OPEN' AND r.due_date < s.as_of_date THEN 1 ELSE 0 END) AS overdue_recommendations,
           SUM(CASE WHEN r.status = 'DONE' THEN 1 ELSE 0 END) AS done_recommendations
      FROM v_assessment_recommendation r
     CROSS JOIN snapshot_info s
     GROUP BY r.tenant_id, r.workstream_id, r.assessment_id
)
SELECT a.tenant_id AS partner_id,
       a.tenant_id,
       a.workstream_id,
       a.id AS assessment_id,
       w.kind,
       w.lead_kind,
       w.lead_name,
       CASE WHEN a.mode = 'EXTERNAL' THEN 1 ELSE 0 END AS external,
       COALESCE(c.open_recommendations, 0) AS open_recommendations,
       COALESCE(c.overdue_recommendations, 0) AS overdue_recommendations,
       COALESCE(c.done_recommendations, 0) AS done_recommendations,
       CASE WHEN k.tenant_id IS NULL THEN 0 ELSE 1 END AS consented,
       w.visible AND a.visible AS visible,
       GREATEST(w.releasability_rank,
                CASE a.releasability WHEN 'PRIVATE' THEN 4 WHEN 'REL_TO' THEN 3 WHEN 'PARTICIPANTS' THEN 2 ELSE 1 END)
           AS releasability_rank
  FROM v_assessment a
  JOIN scope_workstream w ON w.tenant_id = a.tenant_id AND w.workstream_id = a.workstream_id
 CROSS JOIN analysis_filter f
  LEFT JOIN recommendations c
         ON c.tenant_id = a.tenant_id AND c.workstream_id = a.workstream_id AND c.assessment_id = a.id
  LEFT JOIN analysis_consent k ON k.tenant_id = a.tenant_id
 WHERE (f.year_from IS NULL OR EXTRACT(YEAR FROM a.assessed_on) >= f.year_from)
   AND (f.year_to IS NULL OR EXTRACT(YEAR FROM a.assessed_on) <= f.year_to)
   AND (f.partner_kind IS NULL OR w.lead_kind = f.partner_kind);

WITH per_partner AS (
    SELECT kind, subtype, region, partner_id,
           GROUPING(kind) AS g_kind,
           GROUPING(subtype) AS g_subtype,
           GROUPING(region) AS g_region,
           MAX(consented) AS consented,
           COUNT(*) AS indicators,
           SUM(CASE WHEN status = 'ON_TRACK' THEN 1 ELSE 0 END) AS on_track,
           SUM(CASE WHEN status = 'AT_RISK' THEN 1 ELSE 0 END) AS at_risk,
           SUM(CASE WHEN status = 'OFF_TRACK' THEN 1 ELSE 0 END) AS off_track,
           SUM(CASE WHEN status = 'NOT_MEASURED' THEN 1 ELSE 0 END) AS not_measured,
           SUM(CASE WHEN status = 'NO_BASELINE' THEN 1 ELSE 0 END) AS no_baseline,
           SUM(overdue) AS overdue,
           COUNT(DISTINCT workstream_id) AS workstreams,
           COUNT(DISTINCT CASE WHEN status = 'OFF_TRACK' THEN workstream_id END) AS workstreams_off_track,
           SUM(CASE WHEN visible THEN 0 ELSE 1 END) AS hidden_records,
           MAX(releasability_rank) AS releasability_rank
      FROM scope_indicator
     GROUP BY GROUPING SETS ((kind, subtype, region, partner_id), (kind, subtype, partner_id),
                             (kind, region, partner_id), (kind, partner_id),
                             (region, partner_id), (partner_id))
)
SELECT kind,
       g_kind AS kind_is_total,
       subtype,
       g_subtype AS subtype_is_total,
       region,
       g_region AS region_is_total,
       CAST(SUM(indicators) AS BIGINT) AS indicators,
       CAST(SUM(on_track) AS BIGINT) AS on_track,
       CAST(SUM(at_risk) AS BIGINT) AS at_risk,
       CAST(SUM(off_track) AS BIGINT) AS off_track,
       CAST(SUM(not_measured) AS BIGINT) AS not_measured,
       CAST(SUM(no_baseline) AS BIGINT) AS no_baseline,
       CAST(SUM(overdue) AS BIGINT) AS overdue,
       CASE WHEN SUM(on_track) + SUM(at_risk) + SUM(off_track) > 0
            THEN CAST(SUM(on_track) AS DOUBLE PRECISION)
                 / CAST(SUM(on_track) + SUM(at_risk) + SUM(off_track) AS DOUBLE PRECISION) END AS on_track_rate,
       CAST(SUM(workstreams) AS BIGINT) AS workstreams,
       CAST(SUM(workstreams_off_track) AS BIGINT) AS workstreams_off_track,
       COUNT(*) AS partners,
       CAST(MAX(indicators) AS BIGINT) AS top_indicators,
       CAST(SUM(hidden_records) AS BIGINT) AS hidden_records,
       CAST(SUM(1 - consented) AS BIGINT) AS restricted_partners,
       CAST(SUM(CASE WHEN consented = 0 THEN indicators ELSE 0 END) AS BIGINT) AS restricted_indicators,
       CAST(MAX(CASE WHEN consented = 0 THEN indicators END) AS BIGINT) AS restricted_top_indicators,
       CAST(SUM(CASE WHEN consented = 0 THEN hidden_records ELSE 0 END) AS BIGINT) AS restricted_hidden_records,
       MAX(releasability_rank) AS releasability_rank
  FROM per_partner
 GROUP BY kind, g_kind, subtype, g_subtype, region, g_region
 ORDER BY g_kind, kind, g_subtype, subtype NULLS LAST, g_region, region NULLS LAST;

WITH per_partner AS (
    SELECT lead_kind, lead_name, partner_id,
           GROUPING(lead_kind) AS g_lead_kind,
           GROUPING(lead_name) AS g_lead,
           MAX(consented) AS consented,
           COUNT(*) AS indicators,
           SUM(CASE WHEN status = 'ON_TRACK' THEN 1 ELSE 0 END) AS on_track,
           SUM(CASE WHEN status = 'AT_RISK' THEN 1 ELSE 0 END) AS at_risk,
           SUM(CASE WHEN status = 'OFF_TRACK' THEN 1 ELSE 0 END) AS off_track,
           SUM(CASE WHEN status = 'NOT_MEASURED' THEN 1 ELSE 0 END) AS not_measured,
           SUM(CASE WHEN status = 'NO_BASELINE' THEN 1 ELSE 0 END) AS no_baseline,
           SUM(overdue) AS overdue,
           COUNT(DISTINCT workstream_id) AS workstreams,
           COUNT(DISTINCT CASE WHEN status = 'OFF_TRACK' THEN workstream_id END) AS workstreams_off_track,
           SUM(CASE WHEN visible THEN 0 ELSE 1 END) AS hidden_records,
           MAX(releasability_rank) AS releasability_rank
      FROM scope_indicator
     GROUP BY GROUPING SETS ((lead_kind, lead_name, partner_id), (lead_kind, partner_id), (partner_id))
)
SELECT lead_kind,
       g_lead_kind AS lead_kind_is_total,
       lead_name AS lead,
       g_lead AS lead_is_total,
       CASE WHEN g_lead = 0 THEN partner_id END AS lead_id,
       CAST(SUM(indicators) AS BIGINT) AS indicators,
       CAST(SUM(on_track) AS BIGINT) AS on_track,
       CAST(SUM(at_risk) AS BIGINT) AS at_risk,
       CAST(SUM(off_track) AS BIGINT) AS off_track,
       CAST(SUM(not_measured) AS BIGINT) AS not_measured,
       CAST(SUM(no_baseline) AS BIGINT) AS no_baseline,
       CAST(SUM(overdue) AS BIGINT) AS overdue,
       CASE WHEN SUM(on_track) + SUM(at_risk) + SUM(off_track) > 0
            THEN CAST(SUM(on_track) AS DOUBLE PRECISION)
                 / CAST(SUM(on_track) + SUM(at_risk) + SUM(off_track) AS DOUBLE PRECISION) END AS on_track_rate,
       CAST(SUM(workstreams) AS BIGINT) AS workstreams,
       CAST(SUM(workstreams_off_track) AS BIGINT) AS workstreams_off_track,
       COUNT(*) AS partners,
       CAST(MAX(indicators) AS BIGINT) AS top_indicators,
       CAST(SUM(hidden_records) AS BIGINT) AS hidden_records,
       CAST(SUM(1 - consented) AS BIGINT) AS restricted_partners,
       CAST(SUM(CASE WHEN consented = 0 THEN indicators ELSE 0 END) AS BIGINT) AS restricted_indicators,
       CAST(MAX(CASE WHEN consented = 0 THEN indicators END) AS BIGINT) AS restricted_top_indicators,
       CAST(SUM(CASE WHEN consented = 0 THEN hidden_records ELSE 0 END) AS BIGINT) AS restricted_hidden_records,
       MAX(releasability_rank) AS releasability_rank
  FROM per_partner
 GROUP BY lead_kind, g_lead_kind, lead_name, g_lead, CASE WHEN g_lead = 0 THEN partner_id END
 ORDER BY g_lead_kind, lead_kind, g_lead, lead_name, CASE WHEN g_lead = 0 THEN partner_id END;

WITH per_partner AS (
    SELECT kind, lead_kind, lead_name, partner_id,
           GROUPING(kind) AS g_kind,
           GROUPING(lead_kind) AS g_lead_kind,
           GROUPING(lead_name) AS g_lead,
           MAX(consented) AS consented,
           COUNT(*) AS assessments,
           SUM(external) AS external_assessments,
           SUM(CASE WHEN open_recommendations > 0 THEN 1 ELSE 0 END) AS with_open_recommendations,
           SUM(open_recommendations) AS open_recommendations,
           SUM(overdue_recommendations) AS overdue_recommendations,
           SUM(done_recommendations) AS done_recommendations,
           SUM(CASE WHEN visible THEN 0 ELSE 1 END) AS hidden_records,
           MAX(releasability_rank) AS releasability_rank
      FROM scope_assessment
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
       CAST(SUM(assessments) AS BIGINT) AS assessments,
       CAST(SUM(external_assessments) AS BIGINT) AS external_assessments,
       CAST(SUM(with_open_recommendations) AS BIGINT) AS with_open_recommendations,
       CAST(SUM(open_recommendations) AS BIGINT) AS open_recommendations,
       CAST(SUM(overdue_recommendations) AS BIGINT) AS overdue_recommendations,
       CAST(SUM(done_recommendations) AS BIGINT) AS done_recommendations,
       COUNT(*) AS partners,
       CAST(MAX(assessments) AS BIGINT) AS top_assessments,
       CAST(MAX(open_recommendations) AS BIGINT) AS top_open_recommendations,
       CAST(SUM(hidden_records) AS BIGINT) AS hidden_records,
       CAST(SUM(1 - consented) AS BIGINT) AS restricted_partners,
       CAST(SUM(CASE WHEN consented = 0 THEN assessments ELSE 0 END) AS BIGINT) AS restricted_assessments,
       CAST(MAX(CASE WHEN consented = 0 THEN assessments END) AS BIGINT) AS restricted_top_assessments,
       CAST(SUM(CASE WHEN consented = 0 THEN open_recommendations ELSE 0 END) AS BIGINT)
           AS restricted_open_recommendations,
       CAST(MAX(CASE WHEN consented = 0 THEN open_recommendations END) AS BIGINT) AS restricted_top_open_recommendations,
       CAST(SUM(CASE WHEN consented = 0 THEN hidden_records ELSE 0 END) AS BIGINT) AS restricted_hidden_records,
       MAX(releasability_rank) AS releasability_rank
  FROM per_partner
 GROUP BY kind, g_kind, lead_kind, g_lead_kind, lead_name, g_lead, CASE WHEN g_lead = 0 THEN partner_id END
 ORDER BY g_kind, kind, g_lead_kind, lead_kind, g_lead, lead_name, CASE WHEN g_lead = 0 THEN partner_id END;
