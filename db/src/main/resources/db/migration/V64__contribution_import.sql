-- Spreadsheet import of contributions (issue #20): a contribution may carry the reference its contributor gave it in
-- its own records (a row id in a national spreadsheet, a finance system's commitment number). Importing the same file
-- again finds each row by that reference and changes nothing; a changed row updates the contribution it made.
--
-- Who may see / write: as the contribution itself (V2's policies; only the contributor writes its rows). The reference
-- is unique per contributor within a workstream, so two organizations may use the same numbering.

ALTER TABLE contribution ADD COLUMN external_ref text;

ALTER TABLE contribution ADD CONSTRAINT contribution_external_ref_ck CHECK (external_ref IS NULL
    OR (char_length(external_ref) BETWEEN 1 AND 100 AND btrim(external_ref) = external_ref
        AND external_ref !~ '[[:cntrl:]]'));

CREATE UNIQUE INDEX contribution_external_ref_uk ON contribution (tenant_id, workstream_id, contributor_tenant_id, external_ref)
    WHERE external_ref IS NOT NULL;

COMMENT ON COLUMN contribution.external_ref IS
    'The contributor''s own reference for this contribution (from an imported spreadsheet); unique per contributor and workstream.';
