-- Who carries the burden (issue #16): publication consent, capacity by year, the burden guideline, and the
-- ledger of consent use.
--
-- publication_consent: an organization (tenant_id, the GRANTOR) publishes its OWN aggregate figures
--   (contribution totals by year, kind, region and type; participation counts) unsuppressed to the coordinators of
--   another organization (grantee_tenant_id). Never record detail: consent lifts disclosure control for aggregates
--   in the analytics snapshot, not row-level security. One row per current grant.
--   Read: the grantor (all its grants) and the grantee (the grants made to it). Written only by the grantor.
-- publication_consent_change: every grant and revocation, append-only, with who and when. Each save of a grantor's
--   set is one version (1, 2, ...), so that two tenant-admins saving at once cannot overwrite each other: the app
--   saves against the version it showed (publication_consent_version()).
-- consent_use: the grantor's access ledger of consent: which organization's coordinators were shown (SCREEN) or sent
--   (BRIEFING) figures of the grantor published by its consent, from which snapshot. Written only through
--   record_consent_use(), in the GRANTOR's partition; one row per reader member, surface and snapshot.
-- tenant_capacity: an organization's capacity per year in EUR (a state's GDP, another organization's budget) and
--   where the figure comes from. Public reference data, but still tenant-owned: a tenant reads its own rows;
--   platform admins read and write every tenant's through the platform_* functions (as V20's tenant functions).
-- burden_guideline: a coordinator organization's target intensity per year (delivered as a fraction of capacity:
--   0.0005 = 0.05 %) for its federation view. Its own organization only.
--
-- All follow V1's rules: tenant_id first in every key, named constraints, row-level security ENABLED and FORCED on
-- app.tenant_id. The analytics role reads publication_consent (tenant_id, grantee_tenant_id, granted_at) and
-- tenant_capacity (tenant_id, year, capacity_eur), nothing else of these tables (grant_analytics_read below).
--
-- Errors raised on purpose (SQLSTATE class EN, see V1/V2/V20/V31 for the others):
--   EN060  record_consent_use refused (no tenant, or an unknown surface)
--   EN061  a save of publication consent out of turn: its version is not the next one (another save came first)
--   EN041  (as in V20) no such tenant, from the platform capacity functions

-- =============================================================================================
-- publication_consent
-- =============================================================================================
CREATE TABLE publication_consent (
    tenant_id            uuid        NOT NULL DEFAULT current_tenant_id(),
    grantee_tenant_id    uuid        NOT NULL,
    granted_at           timestamptz NOT NULL DEFAULT now(),
    granted_by_member_id uuid,
    granted_by           text        NOT NULL,
    CONSTRAINT publication_consent_pk PRIMARY KEY (tenant_id, grantee_tenant_id),
    CONSTRAINT publication_consent_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT publication_consent_grantee_fk FOREIGN KEY (grantee_tenant_id) REFERENCES tenant (id),
    CONSTRAINT publication_consent_not_self_ck CHECK (grantee_tenant_id <> tenant_id),
    CONSTRAINT publication_consent_granted_by_ck CHECK (char_length(granted_by) BETWEEN 1 AND 200
                                                        AND btrim(granted_by) <> '')
);

CREATE INDEX publication_consent_grantee_ix ON publication_consent (grantee_tenant_id);

COMMENT ON TABLE publication_consent IS
    'Current grants: the organization (tenant_id) publishes its own aggregate figures to the coordinators of grantee_tenant_id.';

ALTER TABLE publication_consent ENABLE ROW LEVEL SECURITY;
ALTER TABLE publication_consent FORCE ROW LEVEL SECURITY;

CREATE POLICY publication_consent_grantor ON publication_consent
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
-- The grantee reads the grants made to it (which organizations publish to its coordinators); it cannot change them.
CREATE POLICY publication_consent_grantee_read ON publication_consent FOR SELECT
    USING (grantee_tenant_id = current_tenant_id());

GRANT SELECT, INSERT, DELETE ON publication_consent TO ${app_role};

-- =============================================================================================
-- publication_consent_change
-- =============================================================================================
CREATE TABLE publication_consent_change (
    tenant_id            uuid        NOT NULL DEFAULT current_tenant_id(),
    id                   bigint      GENERATED ALWAYS AS IDENTITY,
    version              integer     NOT NULL,
    grantee_tenant_id    uuid        NOT NULL,
    action               text        NOT NULL,
    changed_by_member_id uuid,
    changed_by           text        NOT NULL,
    changed_at           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT publication_consent_change_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT publication_consent_change_uk UNIQUE (tenant_id, version, grantee_tenant_id),
    CONSTRAINT publication_consent_change_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT publication_consent_change_grantee_fk FOREIGN KEY (grantee_tenant_id) REFERENCES tenant (id),
    CONSTRAINT publication_consent_change_action_ck CHECK (action IN ('GRANT', 'REVOKE')),
    CONSTRAINT publication_consent_change_version_ck CHECK (version >= 1),
    CONSTRAINT publication_consent_change_by_ck CHECK (char_length(changed_by) BETWEEN 1 AND 200
                                                       AND btrim(changed_by) <> '')
);

COMMENT ON TABLE publication_consent_change IS
    'Append-only history of an organization''s publication consent: each save is one version.';

ALTER TABLE publication_consent_change ENABLE ROW LEVEL SECURITY;
ALTER TABLE publication_consent_change FORCE ROW LEVEL SECURITY;

CREATE POLICY publication_consent_change_grantor ON publication_consent_change
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());

-- Append-only: no UPDATE or DELETE for anyone but the owner.
GRANT SELECT, INSERT ON publication_consent_change TO ${app_role};

-- The version the caller's organization's consent is at (0 before its first save).
CREATE FUNCTION publication_consent_version() RETURNS integer
    LANGUAGE sql
    STABLE
    SET search_path = public, pg_temp
AS $$
    SELECT coalesce(max(version), 0) FROM publication_consent_change WHERE tenant_id = current_tenant_id()
$$;

REVOKE ALL ON FUNCTION publication_consent_version() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION publication_consent_version() TO ${app_role};

-- One save, one version. The app checks publication_consent_version() against the version it showed and writes
-- version + 1; two saves that both read version n before either committed would otherwise both write n + 1 (for
-- different grantees the unique key does not notice) and the second would silently overwrite what the first one's
-- author saw. So the first row of a save takes a per-organization lock (held to the end of its transaction) and
-- must be exactly the next version, counting every save committed so far; the rows after it in the same
-- transaction carry the same version (app.consent_save remembers which). The loser of a race waits for the
-- winner's commit, then finds its version taken: EN061, nothing stored. Under READ COMMITTED (the app's level)
-- the check's query sees that commit; a REPEATABLE READ transaction would not, and must not save consent.
CREATE FUNCTION publication_consent_change_in_turn() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_save text := NEW.tenant_id::text || '/' || NEW.version;
BEGIN
    IF current_setting('app.consent_save', true) IS NOT DISTINCT FROM v_save THEN
        RETURN NEW;   -- another grantee of the save this transaction has begun
    END IF;
    PERFORM pg_advisory_xact_lock(hashtextextended('publication_consent_change/' || NEW.tenant_id::text, 0));
    IF NEW.version IS DISTINCT FROM (SELECT coalesce(max(c.version), 0) + 1 FROM publication_consent_change c
                                      WHERE c.tenant_id = NEW.tenant_id) THEN
        RAISE EXCEPTION 'publication consent was saved meanwhile: version % is not the next one', NEW.version
            USING ERRCODE = 'EN061',
                  HINT = 'Read the consent and publication_consent_version() again, then save against that version.';
    END IF;
    PERFORM set_config('app.consent_save', v_save, true);
    RETURN NEW;
END
$$;

REVOKE ALL ON FUNCTION publication_consent_change_in_turn() FROM PUBLIC;

CREATE TRIGGER publication_consent_change_in_turn BEFORE INSERT ON publication_consent_change
    FOR EACH ROW EXECUTE FUNCTION publication_consent_change_in_turn();

-- =============================================================================================
-- consent_use: the grantor's ledger of consent use
-- =============================================================================================
CREATE TABLE consent_use (
    tenant_id         uuid        NOT NULL,
    id                bigint      GENERATED ALWAYS AS IDENTITY,
    reader_tenant_id  uuid        NOT NULL,
    reader_member_id  uuid,
    surface           text        NOT NULL,
    snapshot_taken_at timestamptz NOT NULL,
    at                timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT consent_use_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT consent_use_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT consent_use_reader_tenant_fk FOREIGN KEY (reader_tenant_id) REFERENCES tenant (id),
    CONSTRAINT consent_use_surface_ck CHECK (surface IN ('SCREEN', 'BRIEFING'))
);

-- One row per reader member, surface and snapshot: a coordinator changing filters on the page is one use.
CREATE UNIQUE INDEX consent_use_once_ux ON consent_use
    (tenant_id, reader_tenant_id, reader_member_id, surface, snapshot_taken_at) NULLS NOT DISTINCT;
CREATE INDEX consent_use_at_ix ON consent_use (tenant_id, at DESC);

COMMENT ON TABLE consent_use IS
    'Access ledger of consent: which organization''s coordinators used the grantor''s published figures, and where.';

ALTER TABLE consent_use ENABLE ROW LEVEL SECURITY;
ALTER TABLE consent_use FORCE ROW LEVEL SECURITY;

CREATE POLICY consent_use_grantor ON consent_use
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
-- For record_consent_use() only.
CREATE POLICY consent_use_definer_write ON consent_use TO CURRENT_USER
    USING (current_setting('app.definer_call', true) = 'on')
    WITH CHECK (current_setting('app.definer_call', true) = 'on');

GRANT SELECT ON consent_use TO ${app_role};

-- Owner's read of every grant history, for record_consent_use() only.
CREATE POLICY publication_consent_change_definer_read ON publication_consent_change FOR SELECT TO CURRENT_USER
    USING (current_setting('app.definer_call', true) = 'on');

-- Records, in each grantor's partition, that the CALLER's organization used figures published by that grantor's
-- consent. Only grantors that have granted the caller at some time count (a revoked grant still served the snapshot
-- taken before the revocation); the others are ignored. Returns the number of rows recorded.
-- One grantor at a time: each statement touches one grantor's partition only (on Citus: one shard, see
-- deploy/citus.sql), rather than one INSERT ... SELECT over all of them with a correlated subquery.
CREATE FUNCTION record_consent_use(p_grantors uuid[], p_surface text, p_snapshot_taken_at timestamptz)
    RETURNS integer
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_previous text := current_setting('app.definer_call', true);
    v_reader   uuid := current_tenant_id();
    v_member   uuid := nullif(current_setting('app.user_id', true), '')::uuid;
    v_grantor  uuid;
    v_rows     integer;
    v_count    integer := 0;
BEGIN
    IF v_reader IS NULL OR p_surface IS NULL OR p_surface NOT IN ('SCREEN', 'BRIEFING') OR p_snapshot_taken_at IS NULL THEN
        RAISE EXCEPTION 'cannot record consent use: no tenant, or an unknown surface' USING ERRCODE = 'EN060';
    END IF;
    PERFORM set_config('app.definer_call', 'on', true);
    FOR v_grantor IN SELECT DISTINCT g.grantor FROM unnest(p_grantors) AS g (grantor)
                      WHERE g.grantor IS NOT NULL AND g.grantor <> v_reader LOOP
        IF EXISTS (SELECT 1 FROM publication_consent_change c
                    WHERE c.tenant_id = v_grantor AND c.grantee_tenant_id = v_reader AND c.action = 'GRANT') THEN
            INSERT INTO consent_use (tenant_id, reader_tenant_id, reader_member_id, surface, snapshot_taken_at)
            VALUES (v_grantor, v_reader, v_member, p_surface, p_snapshot_taken_at)
            ON CONFLICT DO NOTHING;
            GET DIAGNOSTICS v_rows = ROW_COUNT;
            v_count := v_count + v_rows;
        END IF;
    END LOOP;
    PERFORM set_config('app.definer_call', coalesce(v_previous, ''), true);
    RETURN v_count;
END
$$;

REVOKE ALL ON FUNCTION record_consent_use(uuid[], text, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION record_consent_use(uuid[], text, timestamptz) TO ${app_role};

-- Organizations that have coordinators (a member with the realm role 'coordinator' who is not removed): whom an
-- organization can publish to. Names only, for everyone signed in to an organization.
CREATE FUNCTION coordinator_organizations()
    RETURNS TABLE (id uuid, alias text, name text, kind text)
    LANGUAGE plpgsql
    STABLE
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_previous text := current_setting('app.definer_call', true);
BEGIN
    IF current_tenant_id() IS NULL THEN
        RETURN;
    END IF;
    PERFORM set_config('app.definer_call', 'on', true);
    -- IN over an uncorrelated subquery rather than a correlated EXISTS: tenant is a reference table on Citus and
    -- member a distributed one, and Citus plans the former (the subquery first, then the filter) but not the latter.
    RETURN QUERY
        SELECT t.id, t.alias, t.name, t.kind
          FROM tenant t
         WHERE t.status = 'ACTIVE'
           AND t.id IN (SELECT m.tenant_id FROM member m
                         WHERE m.status <> 'REMOVED' AND 'coordinator' = ANY (m.roles))
         ORDER BY t.name;
    PERFORM set_config('app.definer_call', coalesce(v_previous, ''), true);
END
$$;

REVOKE ALL ON FUNCTION coordinator_organizations() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION coordinator_organizations() TO ${app_role};

-- =============================================================================================
-- tenant_capacity
-- =============================================================================================
CREATE TABLE tenant_capacity (
    tenant_id    uuid           NOT NULL,
    year         integer        NOT NULL,
    capacity_eur numeric(20, 2) NOT NULL,
    source       text           NOT NULL,
    updated_at   timestamptz    NOT NULL DEFAULT now(),
    updated_by   text           NOT NULL,
    CONSTRAINT tenant_capacity_pk PRIMARY KEY (tenant_id, year),
    CONSTRAINT tenant_capacity_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT tenant_capacity_year_ck CHECK (year BETWEEN 2000 AND 2100),
    CONSTRAINT tenant_capacity_amount_ck CHECK (capacity_eur > 0),
    CONSTRAINT tenant_capacity_source_ck CHECK (char_length(source) BETWEEN 1 AND 500 AND btrim(source) <> ''),
    CONSTRAINT tenant_capacity_updated_by_ck CHECK (char_length(updated_by) BETWEEN 1 AND 200
                                                    AND btrim(updated_by) <> '')
);

COMMENT ON TABLE tenant_capacity IS
    'An organization''s capacity per year in EUR (GDP of a state, budget of another organization), with its source.';

ALTER TABLE tenant_capacity ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_capacity FORCE ROW LEVEL SECURITY;

CREATE POLICY tenant_capacity_own_read ON tenant_capacity FOR SELECT
    USING (tenant_id = current_tenant_id());
CREATE POLICY tenant_capacity_platform_operation ON tenant_capacity TO CURRENT_USER
    USING (current_setting('app.definer_call', true) = 'on')
    WITH CHECK (current_setting('app.definer_call', true) = 'on');

GRANT SELECT ON tenant_capacity TO ${app_role};

-- Every capacity figure of one tenant, newest year first (platform admins; the app checks the role).
CREATE FUNCTION platform_tenant_capacities(p_tenant_id uuid)
    RETURNS TABLE (year integer, capacity_eur numeric, source text, updated_at timestamptz, updated_by text)
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
BEGIN
    PERFORM set_config('app.definer_call', 'on', true);
    RETURN QUERY
        SELECT c.year, c.capacity_eur, c.source, c.updated_at, c.updated_by
          FROM tenant_capacity c
         WHERE c.tenant_id = p_tenant_id
         ORDER BY c.year DESC;
    PERFORM set_config('app.definer_call', '', true);
END
$$;

-- Sets (inserts or replaces) one tenant's capacity for one year, with an audit event in that tenant's log.
-- EN041 if there is no such tenant.
CREATE FUNCTION platform_set_tenant_capacity(p_tenant_id uuid, p_year integer, p_capacity_eur numeric, p_source text,
                                             p_by text)
    RETURNS void
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
BEGIN
    PERFORM set_config('app.definer_call', 'on', true);
    IF NOT EXISTS (SELECT 1 FROM tenant t WHERE t.id = p_tenant_id) THEN
        RAISE EXCEPTION 'no tenant %', p_tenant_id USING ERRCODE = 'EN041';
    END IF;
    INSERT INTO tenant_capacity AS c (tenant_id, year, capacity_eur, source, updated_by)
    VALUES (p_tenant_id, p_year, p_capacity_eur, btrim(p_source), p_by)
    ON CONFLICT (tenant_id, year) DO UPDATE
        SET capacity_eur = excluded.capacity_eur, source = excluded.source, updated_by = excluded.updated_by,
            updated_at = now();
    INSERT INTO audit_event (tenant_id, action, entity_type, entity_id, details)
    VALUES (p_tenant_id, 'CAPACITY_SET', 'tenant_capacity', p_tenant_id::text || '/' || p_year,
            jsonb_build_object('year', p_year, 'capacity_eur', p_capacity_eur, 'source', btrim(p_source), 'by', p_by));
    PERFORM set_config('app.definer_call', '', true);
END
$$;

-- Removes one tenant's capacity for one year (false, and no event, if there is none), with an audit event.
-- EN041 if there is no such tenant.
CREATE FUNCTION platform_delete_tenant_capacity(p_tenant_id uuid, p_year integer, p_by text)
    RETURNS boolean
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_found boolean;
BEGIN
    PERFORM set_config('app.definer_call', 'on', true);
    IF NOT EXISTS (SELECT 1 FROM tenant t WHERE t.id = p_tenant_id) THEN
        RAISE EXCEPTION 'no tenant %', p_tenant_id USING ERRCODE = 'EN041';
    END IF;
    DELETE FROM tenant_capacity c WHERE c.tenant_id = p_tenant_id AND c.year = p_year;
    v_found := FOUND;
    IF v_found THEN
        INSERT INTO audit_event (tenant_id, action, entity_type, entity_id, details)
        VALUES (p_tenant_id, 'CAPACITY_DELETED', 'tenant_capacity', p_tenant_id::text || '/' || p_year,
                jsonb_build_object('year', p_year, 'by', p_by));
    END IF;
    PERFORM set_config('app.definer_call', '', true);
    RETURN v_found;
END
$$;

REVOKE ALL ON FUNCTION platform_tenant_capacities(uuid), platform_set_tenant_capacity(uuid, integer, numeric, text, text),
    platform_delete_tenant_capacity(uuid, integer, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION platform_tenant_capacities(uuid), platform_set_tenant_capacity(uuid, integer, numeric, text, text),
    platform_delete_tenant_capacity(uuid, integer, text) TO ${app_role};

-- =============================================================================================
-- burden_guideline
-- =============================================================================================
CREATE TABLE burden_guideline (
    tenant_id        uuid           NOT NULL DEFAULT current_tenant_id(),
    year             integer        NOT NULL,
    target_intensity numeric(12, 9) NOT NULL,
    set_by           text           NOT NULL,
    set_at           timestamptz    NOT NULL DEFAULT now(),
    CONSTRAINT burden_guideline_pk PRIMARY KEY (tenant_id, year),
    CONSTRAINT burden_guideline_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT burden_guideline_year_ck CHECK (year BETWEEN 2000 AND 2100),
    CONSTRAINT burden_guideline_target_ck CHECK (target_intensity > 0 AND target_intensity <= 1),
    CONSTRAINT burden_guideline_set_by_ck CHECK (char_length(set_by) BETWEEN 1 AND 200 AND btrim(set_by) <> '')
);

COMMENT ON TABLE burden_guideline IS
    'A coordinator organization''s target intensity (delivered / capacity, a fraction) per year for its federation view.';

ALTER TABLE burden_guideline ENABLE ROW LEVEL SECURITY;
ALTER TABLE burden_guideline FORCE ROW LEVEL SECURITY;

CREATE POLICY burden_guideline_tenant_isolation ON burden_guideline
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());

GRANT SELECT, INSERT, UPDATE (target_intensity, set_by, set_at), DELETE ON burden_guideline TO ${app_role};


-- =============================================================================================
-- The analytics role reads the current grants (who publishes to whom, since when) and the capacities (no source, no
-- editor), nothing of the history, the ledger or the guidelines.
-- =============================================================================================
CREATE OR REPLACE FUNCTION grant_analytics_read(p_role text) RETURNS void
    LANGUAGE plpgsql
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_grant record;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = p_role) THEN
        RAISE EXCEPTION 'role "%" does not exist', p_role USING ERRCODE = 'undefined_object';
    END IF;
    EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA public FROM %I', p_role);
    EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM %I', p_role);
    EXECUTE format('REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM %I', p_role);
    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', p_role);
    FOR v_grant IN
        SELECT * FROM (VALUES
            ('tenant',        'id, alias, name, kind, region, status, capacity_index'),
            ('workstream',    'tenant_id, id, kind, status, releasability, rel_to, region, start_date, end_date, created_at'),
            ('participation', 'tenant_id, workstream_id, participant_tenant_id, role, status'),
            ('initiative',    'tenant_id, workstream_id, mechanism'),
            ('rnd_project',   'tenant_id, workstream_id, technology_area, trl_start, trl_current, trl_target'),
            ('work_package',  'tenant_id, workstream_id, id, lead_tenant_id, budget_eur'),
            ('deliverable',   'tenant_id, workstream_id, id, work_package_id, due_date, status, submitted_on'),
            ('engagement',    'tenant_id, workstream_id, party_tenant_id, engagement_type, vetting_status, '
                              'agreement_valid_from, agreement_valid_to, risk_rating'),
            ('contribution',  'tenant_id, workstream_id, id, contributor_tenant_id, type, unit, pledged_eur, '
                              'delivered_eur, pledged_on, delivered_on, releasability, rel_to'),
            ('milestone',     'tenant_id, workstream_id, id, owner_tenant_id, planned_date, actual_date, status'),
            ('activity',      'tenant_id, workstream_id, id, actor_tenant_id, verb, item_type, item_tenant_id, '
                              'releasability, rel_to, at'),
            ('publication_consent', 'tenant_id, grantee_tenant_id, granted_at'),
            ('tenant_capacity',     'tenant_id, year, capacity_eur')
        ) AS g (table_name, column_list)
    LOOP
        -- The column list is this function's own constant text, not input.
        EXECUTE format('GRANT SELECT (%s) ON TABLE %I TO %I', v_grant.column_list, v_grant.table_name, p_role);
    END LOOP;
END
$$;

REVOKE ALL ON FUNCTION grant_analytics_read(text) FROM PUBLIC;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = '${analytics_role}') THEN
        PERFORM grant_analytics_read('${analytics_role}');
    END IF;
END
$$;
