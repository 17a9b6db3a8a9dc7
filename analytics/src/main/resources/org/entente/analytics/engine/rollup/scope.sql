-- The analysis scope shared by every rollup: the viewer's rows (the v_* views of visibility.sql) cut by the
-- filter (the one-row TEMP table analysis_filter; a null column means "all"). Run once, before the rollups, on the
-- same connection. Everything here is standard SQL (CREATE TEMPORARY TABLE ... AS, CTEs, CASE, EXTRACT).
--
-- Filter semantics (one place, so that every rollup cuts the same way):
--   region         -> the workstream's region (a contribution, milestone, ... is in the region of its workstream)
--   workstream_kind-> the workstream's kind
--   year_from/to   -> workstreams: their period [start, end] overlaps the years; a missing start counts from the day
--                     the workstream was created, a missing end means "still running".
--                     contributions: the year they were pledged (pledged_on), whatever the workstream's period.
--                     milestones: the year they are planned for (milestones.sql).
--   partner_kind   -> the partner dimension of each rollup; for contributions that is always the contributor, so
--                     scope_contribution applies it here; the other rollups apply it to their own partner column.
--
-- releasability_rank orders the markings from least to most restrictive: ALL_PARTNERS 1, PARTICIPANTS 2, REL_TO 3,
-- PRIVATE 4. Each rollup carries the highest rank of the records behind a figure, so that the report can show the
-- most restrictive marking of what it publishes.
--
-- Consent (analysis_consent below): an organization may publish its own aggregate figures to the coordinators of
-- another (publication_consent). The contribution rollups split each figure into the part from the viewer's own
-- organization and the organizations that consented to it, which the viewer may know, and the rest (the "restricted
-- part"), which disclosure control protects (see org.entente.analytics.engine.disclosure).
--
-- visible: whether the viewer may see the record (always true in member mode, where the views hold only visible
-- rows). A figure built from a record on a workstream the viewer cannot see also depends on that workstream's
-- region and kind, so a contribution counts as visible only when its workstream is visible too.

DROP TABLE IF EXISTS scope_workstream;

-- scope_workstream: workstreams in the region and kind of the filter, with their lead.
--   tenant_id, workstream_id  the workstream (tenant_id is its lead)
--   kind, status, region, start_date, end_date  as in the snapshot
--   lead_name, lead_kind      the lead tenant's name and kind
--   in_years                  the workstream's period overlaps the filter's years (true without a year filter)
--   releasability_rank        the workstream's marking as a rank (see above)
--   visible                   the viewer may see the workstream
CREATE TEMPORARY TABLE scope_workstream AS
SELECT w.tenant_id,
       w.id AS workstream_id,
       w.kind,
       w.status,
       w.region,
       w.start_date,
       w.end_date,
       lead.name AS lead_name,
       lead.kind AS lead_kind,
       (f.year_from IS NULL OR w.end_date IS NULL OR EXTRACT(YEAR FROM w.end_date) >= f.year_from)
           AND (f.year_to IS NULL
                OR EXTRACT(YEAR FROM COALESCE(w.start_date, CAST(w.created_at AS DATE))) <= f.year_to) AS in_years,
       CASE w.releasability WHEN 'PRIVATE' THEN 4 WHEN 'REL_TO' THEN 3 WHEN 'PARTICIPANTS' THEN 2 ELSE 1 END
           AS releasability_rank,
       w.visible
  FROM v_workstream w
  JOIN v_tenant lead ON lead.id = w.tenant_id
 CROSS JOIN analysis_filter f
 WHERE (f.region IS NULL OR w.region = f.region)
   AND (f.workstream_kind IS NULL OR w.kind = f.workstream_kind);

DROP TABLE IF EXISTS scope_contribution;

-- scope_contribution: contributions pledged in the filter's years, by contributors of the filter's partner kind, to
-- workstreams of scope_workstream.
--   tenant_id, workstream_id, id        the contribution
--   partner_id, partner_name, partner_kind   the contributor
--   type, pledged_eur, delivered_eur, pledged_on, delivered_on   as in the snapshot
--   pledged_year                        EXTRACT(YEAR FROM pledged_on)
--   workstream_kind, workstream_end     the workstream's kind and end date
--   releasability_rank                  the higher rank of the contribution's and its workstream's marking
--   visible                             the viewer may see the contribution and its workstream
CREATE TEMPORARY TABLE scope_contribution AS
SELECT c.tenant_id,
       c.workstream_id,
       c.id,
       c.contributor_tenant_id AS partner_id,
       p.name AS partner_name,
       p.kind AS partner_kind,
       c.type,
       c.pledged_eur,
       c.delivered_eur,
       c.pledged_on,
       c.delivered_on,
       CAST(EXTRACT(YEAR FROM c.pledged_on) AS INTEGER) AS pledged_year,
       w.kind AS workstream_kind,
       w.end_date AS workstream_end,
       GREATEST(w.releasability_rank,
                CASE c.releasability WHEN 'PRIVATE' THEN 4 WHEN 'REL_TO' THEN 3 WHEN 'PARTICIPANTS' THEN 2 ELSE 1 END)
           AS releasability_rank,
       c.visible AND w.visible AS visible
  FROM v_contribution c
  JOIN scope_workstream w ON w.tenant_id = c.tenant_id AND w.workstream_id = c.workstream_id
  JOIN v_tenant p ON p.id = c.contributor_tenant_id
 CROSS JOIN analysis_filter f
 WHERE (f.year_from IS NULL OR EXTRACT(YEAR FROM c.pledged_on) >= f.year_from)
   AND (f.year_to IS NULL OR EXTRACT(YEAR FROM c.pledged_on) <= f.year_to)
   AND (f.partner_kind IS NULL OR p.kind = f.partner_kind);

DROP TABLE IF EXISTS analysis_consent;

-- analysis_consent: the organizations whose own figures the viewer may know: its own organization and every
-- organization that consented to publish to it (publication_consent, as of the snapshot). For a preview
-- (ConsentOverride) RollupSuite adds or removes one organization here after this script, before the rollups run.
--   tenant_id   the organization
CREATE TEMPORARY TABLE analysis_consent AS
SELECT v.tenant_id
  FROM analysis_viewer v
UNION
SELECT c.tenant_id
  FROM publication_consent c
  JOIN analysis_viewer v ON v.tenant_id = c.grantee_tenant_id;

DROP TABLE IF EXISTS scope_capacity;

-- scope_capacity: the capacity of each contributor of scope_contribution in each year it pledged in: the figure of
-- tenant_capacity for that year, else of the nearest earlier year, else of the nearest later year. A contributor
-- without any capacity figure has no row (it then counts in no capacity, see burden-sharing.sql).
--   partner_id      the contributor
--   year            the pledge year
--   capacity_eur    its capacity in EUR
--   capacity_year   the year the figure is from (RollupSuite notes every year that is not the pledge year)
CREATE TEMPORARY TABLE scope_capacity AS
WITH pairs AS (
    SELECT DISTINCT partner_id, pledged_year
      FROM scope_contribution
),
candidates AS (
    SELECT p.partner_id,
           p.pledged_year,
           c.year AS capacity_year,
           c.capacity_eur,
           ROW_NUMBER() OVER (PARTITION BY p.partner_id, p.pledged_year
                              ORDER BY CASE WHEN c.year = p.pledged_year THEN 0
                                            WHEN c.year < p.pledged_year THEN 1
                                            ELSE 2 END,
                                       ABS(c.year - p.pledged_year)) AS preference
      FROM pairs p
      JOIN tenant_capacity c ON c.tenant_id = p.partner_id
)
SELECT partner_id,
       pledged_year AS year,
       capacity_eur,
       capacity_year
  FROM candidates
 WHERE preference = 1;
