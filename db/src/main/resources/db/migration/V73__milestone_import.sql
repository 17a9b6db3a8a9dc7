-- Spreadsheet import of a workstream's milestone plan (issue #20): a milestone may carry the reference the lead gave
-- it in its own plan (a line of a project schedule). Importing the same file again finds each row by that reference
-- and changes nothing; a changed row updates the milestone it made.
--
-- Who may see / write: as the milestone itself (V2's policies). The import is the lead's (the workstream's tenant,
-- which plans every milestone), so the reference is unique per workstream.

ALTER TABLE milestone ADD COLUMN external_ref text;

ALTER TABLE milestone ADD CONSTRAINT milestone_external_ref_ck CHECK (external_ref IS NULL
    OR (char_length(external_ref) BETWEEN 1 AND 100 AND btrim(external_ref) = external_ref
        AND external_ref !~ '[[:cntrl:]]'));

CREATE UNIQUE INDEX milestone_external_ref_uk ON milestone (tenant_id, workstream_id, external_ref)
    WHERE external_ref IS NOT NULL;

COMMENT ON COLUMN milestone.external_ref IS
    'The lead''s own reference for this milestone (from an imported plan); unique per workstream.';
