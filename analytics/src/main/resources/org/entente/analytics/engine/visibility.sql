-- The releasability rule of PostgreSQL's row-level security (V2__workstreams.sql: releasable_to,
-- workstream_access, can_see_workstream, is_accepted_participant, can_see_item; V51's policies of the results
-- chain), written once for the analytics snapshot. Standard SQL over the snapshot tables, so it runs on DuckDB and
-- on the Parquet copy.
--
-- Input: the one-row table analysis_viewer(tenant_id UUID, federation BOOLEAN), created by the caller
-- for its own connection.
--   federation = false: every v_* view holds only the rows the viewer's tenant may see (as RLS would
--                       show them); visible is then always true.
--   federation = true:  every v_* view holds every row, and visible says whether the viewer's tenant
--                       may see it. Disclosure control publishes a figure exactly when all rows behind
--                       it are visible, and otherwise applies its threshold and dominance rules.
-- Rollups read only these views, never the base tables.

-- How the viewer takes part in each workstream: 'OWNER', 'ACCEPTED', 'INVITED' (only when the
-- workstream's releasability admits the viewer), or null (workstream_access in V2).
CREATE OR REPLACE TEMP VIEW workstream_access AS
SELECT w.tenant_id,
       w.id AS workstream_id,
       CASE
           WHEN w.tenant_id = v.tenant_id THEN 'OWNER'
           WHEN p.status IN ('INVITED', 'ACCEPTED')
                AND (w.releasability IN ('PARTICIPANTS', 'ALL_PARTNERS')
                     OR (w.releasability = 'REL_TO' AND EXISTS (
                             SELECT 1 FROM workstream_rel_to r
                              WHERE r.tenant_id = w.tenant_id AND r.workstream_id = w.id
                                AND r.rel_tenant_id = v.tenant_id)))
               THEN p.status
       END AS access
  FROM workstream w
 CROSS JOIN analysis_viewer v
  LEFT JOIN participation p
         ON p.tenant_id = w.tenant_id AND p.workstream_id = w.id AND p.participant_tenant_id = v.tenant_id;

-- can_see_workstream and is_accepted_participant per workstream. A table, computed once per viewer: every v_*
-- view below joins it, and as a view it was computed again for each of them (a third of the rollup suite's time
-- at SF10, measured by the bench module's P1).
DROP TABLE IF EXISTS workstream_visibility;
CREATE TEMPORARY TABLE workstream_visibility AS
SELECT a.tenant_id,
       a.workstream_id,
       a.access IS NOT NULL AS can_see,
       coalesce(a.access IN ('OWNER', 'ACCEPTED'), false) AS accepted
  FROM workstream_access a;

-- Every tenant is in the partner directory (names, kinds, regions); partner_directory() in V2.
CREATE OR REPLACE TEMP VIEW v_tenant AS
SELECT t.*, true AS visible FROM tenant t;

CREATE OR REPLACE TEMP VIEW v_workstream AS
SELECT w.*, s.can_see AS visible
  FROM workstream w
  JOIN workstream_visibility s ON s.tenant_id = w.tenant_id AND s.workstream_id = w.id
 WHERE s.can_see OR (SELECT federation FROM analysis_viewer);

-- participation_select: can_see_workstream.
CREATE OR REPLACE TEMP VIEW v_participation AS
SELECT p.*, s.can_see AS visible
  FROM participation p
  JOIN workstream_visibility s ON s.tenant_id = p.tenant_id AND s.workstream_id = p.workstream_id
 WHERE s.can_see OR (SELECT federation FROM analysis_viewer);

-- Kind details and milestones: is_accepted_participant.
CREATE OR REPLACE TEMP VIEW v_initiative AS
SELECT d.*, s.accepted AS visible
  FROM initiative d
  JOIN workstream_visibility s ON s.tenant_id = d.tenant_id AND s.workstream_id = d.workstream_id
 WHERE s.accepted OR (SELECT federation FROM analysis_viewer);

CREATE OR REPLACE TEMP VIEW v_rnd_project AS
SELECT d.*, s.accepted AS visible
  FROM rnd_project d
  JOIN workstream_visibility s ON s.tenant_id = d.tenant_id AND s.workstream_id = d.workstream_id
 WHERE s.accepted OR (SELECT federation FROM analysis_viewer);

CREATE OR REPLACE TEMP VIEW v_work_package AS
SELECT d.*, s.accepted AS visible
  FROM work_package d
  JOIN workstream_visibility s ON s.tenant_id = d.tenant_id AND s.workstream_id = d.workstream_id
 WHERE s.accepted OR (SELECT federation FROM analysis_viewer);

CREATE OR REPLACE TEMP VIEW v_deliverable AS
SELECT d.*, s.accepted AS visible
  FROM deliverable d
  JOIN workstream_visibility s ON s.tenant_id = d.tenant_id AND s.workstream_id = d.workstream_id
 WHERE s.accepted OR (SELECT federation FROM analysis_viewer);

CREATE OR REPLACE TEMP VIEW v_engagement AS
SELECT d.*, s.accepted AS visible
  FROM engagement d
  JOIN workstream_visibility s ON s.tenant_id = d.tenant_id AND s.workstream_id = d.workstream_id
 WHERE s.accepted OR (SELECT federation FROM analysis_viewer);

CREATE OR REPLACE TEMP VIEW v_milestone AS
SELECT d.*, s.accepted AS visible
  FROM milestone d
  JOIN workstream_visibility s ON s.tenant_id = d.tenant_id AND s.workstream_id = d.workstream_id
 WHERE s.accepted OR (SELECT federation FROM analysis_viewer);

-- can_see_item: the item's own tenant, or an accepted participant the item is released to.
CREATE OR REPLACE TEMP VIEW v_contribution AS
SELECT c.*, x.visible
  FROM contribution c
  JOIN (SELECT c2.tenant_id, c2.workstream_id, c2.id,
               c2.contributor_tenant_id = v.tenant_id
               OR (s.accepted
                   AND (c2.releasability IN ('PARTICIPANTS', 'ALL_PARTNERS')
                        OR (c2.releasability = 'REL_TO' AND EXISTS (
                                SELECT 1 FROM contribution_rel_to r
                                 WHERE r.tenant_id = c2.tenant_id AND r.workstream_id = c2.workstream_id
                                   AND r.contribution_id = c2.id AND r.rel_tenant_id = v.tenant_id)))) AS visible
          FROM contribution c2
         CROSS JOIN analysis_viewer v
          JOIN workstream_visibility s ON s.tenant_id = c2.tenant_id AND s.workstream_id = c2.workstream_id) x
    ON x.tenant_id = c.tenant_id AND x.workstream_id = c.workstream_id AND x.id = c.id
 WHERE x.visible OR (SELECT federation FROM analysis_viewer);

CREATE OR REPLACE TEMP VIEW v_activity AS
SELECT a.*, x.visible
  FROM activity a
  JOIN (SELECT a2.tenant_id, a2.workstream_id, a2.id,
               a2.item_tenant_id = v.tenant_id
               OR (s.accepted
                   AND (a2.releasability IN ('PARTICIPANTS', 'ALL_PARTNERS')
                        OR (a2.releasability = 'REL_TO' AND EXISTS (
                                SELECT 1 FROM activity_rel_to r
                                 WHERE r.tenant_id = a2.tenant_id AND r.workstream_id = a2.workstream_id
                                   AND r.activity_id = a2.id AND r.rel_tenant_id = v.tenant_id)))) AS visible
          FROM activity a2
         CROSS JOIN analysis_viewer v
          JOIN workstream_visibility s ON s.tenant_id = a2.tenant_id AND s.workstream_id = a2.workstream_id) x
    ON x.tenant_id = a.tenant_id AND x.workstream_id = a.workstream_id AND x.id = a.id
 WHERE x.visible OR (SELECT federation FROM analysis_viewer);

-- The results chain (V51). indicator and assessment: can_see_item with the item tenant = the workstream's lead (their
-- own releasability and rel_to), as their policies indicator_select and assessment_select.
CREATE OR REPLACE TEMP VIEW v_indicator AS
SELECT i.*, x.visible
  FROM indicator i
  JOIN (SELECT i2.tenant_id, i2.workstream_id, i2.id,
               i2.tenant_id = v.tenant_id
               OR (s.accepted
                   AND (i2.releasability IN ('PARTICIPANTS', 'ALL_PARTNERS')
                        OR (i2.releasability = 'REL_TO' AND EXISTS (
                                SELECT 1 FROM indicator_rel_to r
                                 WHERE r.tenant_id = i2.tenant_id AND r.workstream_id = i2.workstream_id
                                   AND r.indicator_id = i2.id AND r.rel_tenant_id = v.tenant_id)))) AS visible
          FROM indicator i2
         CROSS JOIN analysis_viewer v
          JOIN workstream_visibility s ON s.tenant_id = i2.tenant_id AND s.workstream_id = i2.workstream_id) x
    ON x.tenant_id = i.tenant_id AND x.workstream_id = i.workstream_id AND x.id = i.id
 WHERE x.visible OR (SELECT federation FROM analysis_viewer);

-- indicator_progress is security_invoker in PostgreSQL: a reader sees the rows of the indicators it may see.
CREATE OR REPLACE TEMP VIEW v_indicator_progress AS
SELECT p.*, i.visible
  FROM indicator_progress p
  JOIN v_indicator i ON i.tenant_id = p.tenant_id AND i.workstream_id = p.workstream_id AND i.id = p.indicator_id;

CREATE OR REPLACE TEMP VIEW v_assessment AS
SELECT a.*, x.visible
  FROM assessment a
  JOIN (SELECT a2.tenant_id, a2.workstream_id, a2.id,
               a2.tenant_id = v.tenant_id
               OR (s.accepted
                   AND (a2.releasability IN ('PARTICIPANTS', 'ALL_PARTNERS')
                        OR (a2.releasability = 'REL_TO' AND EXISTS (
                                SELECT 1 FROM assessment_rel_to r
                                 WHERE r.tenant_id = a2.tenant_id AND r.workstream_id = a2.workstream_id
                                   AND r.assessment_id = a2.id AND r.rel_tenant_id = v.tenant_id)))) AS visible
          FROM assessment a2
         CROSS JOIN analysis_viewer v
          JOIN workstream_visibility s ON s.tenant_id = a2.tenant_id AND s.workstream_id = a2.workstream_id) x
    ON x.tenant_id = a.tenant_id AND x.workstream_id = a.workstream_id AND x.id = a.id
 WHERE x.visible OR (SELECT federation FROM analysis_viewer);

-- assessment_recommendation_select: assessment_visible, i.e. the recommendation follows its assessment.
CREATE OR REPLACE TEMP VIEW v_assessment_recommendation AS
SELECT r.*, a.visible
  FROM assessment_recommendation r
  JOIN v_assessment a ON a.tenant_id = r.tenant_id AND a.workstream_id = r.workstream_id AND a.id = r.assessment_id;
