-- The detail rows of a briefing: every contribution and workstream the viewer's organization may see, cut by the
-- briefing's scope. Run after Visibility.apply(connection, Viewer.organization(tenant)) (member view: the v_* views
-- hold only what that tenant may see) and after the caller filled the one-row TEMP table
-- briefing_filter(year_from, year_to, region, partner_kind, workstream_kind) (null = all).
-- The cut is the one of rollup/scope.sql, so the detail holds the records behind the briefing's figures:
--   contributions: pledged within the years, contributor of the partner kind, on a workstream of the region and kind
--   workstreams:   period overlaps the years (missing start = created, missing end = still running), region, kind;
--                  the partner kind is the lead's (as in the portfolio rollup)
-- releasability_rank: ALL_PARTNERS 1, PARTICIPANTS 2, REL_TO 3, PRIVATE 4 (scope.sql); a contribution row also shows
-- its workstream's lead and kind, so its rank is the higher of the two markings.

-- briefing_contribution: one row per contribution.
--   tenant_id, workstream_id, id      the contribution (tenant_id = the workstream's lead)
--   contributor_tenant_id             who contributes
--   lead_name, contributor_name       tenant names
--   workstream_kind, type, unit, pledged_eur, delivered_eur, pledged_on, delivered_on, releasability   as stored
--   releasability_rank                the higher rank of the contribution's and its workstream's marking
CREATE OR REPLACE TEMP VIEW briefing_contribution AS
SELECT c.tenant_id,
       c.workstream_id,
       c.id,
       c.contributor_tenant_id,
       lead.name AS lead_name,
       p.name AS contributor_name,
       w.kind AS workstream_kind,
       c.type,
       c.unit,
       c.pledged_eur,
       c.delivered_eur,
       c.pledged_on,
       c.delivered_on,
       c.releasability,
       GREATEST(CASE w.releasability WHEN 'PRIVATE' THEN 4 WHEN 'REL_TO' THEN 3 WHEN 'PARTICIPANTS' THEN 2 ELSE 1 END,
                CASE c.releasability WHEN 'PRIVATE' THEN 4 WHEN 'REL_TO' THEN 3 WHEN 'PARTICIPANTS' THEN 2 ELSE 1 END)
           AS releasability_rank
  FROM v_contribution c
  JOIN v_workstream w ON w.tenant_id = c.tenant_id AND w.id = c.workstream_id
  JOIN v_tenant lead ON lead.id = w.tenant_id
  JOIN v_tenant p ON p.id = c.contributor_tenant_id
 CROSS JOIN briefing_filter f
 WHERE (f.region IS NULL OR w.region = f.region)
   AND (f.workstream_kind IS NULL OR w.kind = f.workstream_kind)
   AND (f.year_from IS NULL OR EXTRACT(YEAR FROM c.pledged_on) >= f.year_from)
   AND (f.year_to IS NULL OR EXTRACT(YEAR FROM c.pledged_on) <= f.year_to)
   AND (f.partner_kind IS NULL OR p.kind = f.partner_kind);

-- briefing_workstream: one row per workstream.
--   tenant_id, id, kind, status, region, start_date, end_date, releasability   as stored (tenant_id = the lead)
--   lead_name                         the lead tenant's name
--   releasability_rank                the workstream's marking as a rank
CREATE OR REPLACE TEMP VIEW briefing_workstream AS
SELECT w.tenant_id,
       w.id,
       w.kind,
       w.status,
       lead.name AS lead_name,
       w.region,
       w.start_date,
       w.end_date,
       w.releasability,
       CASE w.releasability WHEN 'PRIVATE' THEN 4 WHEN 'REL_TO' THEN 3 WHEN 'PARTICIPANTS' THEN 2 ELSE 1 END
           AS releasability_rank
  FROM v_workstream w
  JOIN v_tenant lead ON lead.id = w.tenant_id
 CROSS JOIN briefing_filter f
 WHERE (f.region IS NULL OR w.region = f.region)
   AND (f.workstream_kind IS NULL OR w.kind = f.workstream_kind)
   AND (f.year_from IS NULL OR w.end_date IS NULL OR EXTRACT(YEAR FROM w.end_date) >= f.year_from)
   AND (f.year_to IS NULL OR EXTRACT(YEAR FROM COALESCE(w.start_date, CAST(w.created_at AS DATE))) <= f.year_to)
   AND (f.partner_kind IS NULL OR lead.kind = f.partner_kind);
