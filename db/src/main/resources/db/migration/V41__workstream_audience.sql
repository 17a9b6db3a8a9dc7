-- =============================================================================================
-- Who may see a workstream, kept on the row. The SELECT policy used to call the SECURITY DEFINER
-- can_see_workstream() once per row, before any filter that is not leakproof (text search, ILIKE):
-- on the workstream list at the benchmark's SF10 (10k workstreams) that was ~60 µs × every row of
-- the kind, p95 ~300 ms. The policy is now a plain array test the planner inlines.
--
-- audience = the tenants other than the owner that workstream_access() admits (INVITED or ACCEPTED
-- participants the releasability releases to): the same rule, evaluated when participation or
-- releasability changes instead of on every read. Nobody writes it directly: a trigger recomputes
-- it (or keeps the stored value) whatever an UPDATE says.
-- =============================================================================================

ALTER TABLE workstream ADD COLUMN audience uuid[] NOT NULL DEFAULT '{}';

COMMENT ON COLUMN workstream.audience IS
    'Tenants besides the owner that may see the workstream (workstream_access), kept by triggers for the SELECT policy.';

CREATE FUNCTION workstream_audience(p_tenant_id uuid, p_workstream_id uuid) RETURNS uuid[]
    LANGUAGE sql STABLE
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
    SELECT coalesce(array_agg(p.participant_tenant_id ORDER BY p.participant_tenant_id), '{}')
      FROM participation p
     WHERE p.tenant_id = p_tenant_id AND p.workstream_id = p_workstream_id
       AND p.participant_tenant_id <> p_tenant_id
       AND workstream_access(p.participant_tenant_id, p_tenant_id, p_workstream_id) IS NOT NULL
$$;

-- A new workstream has no participants yet; an update keeps the stored audience unless it is the
-- recomputation below (app.definer_call = 'audience'), which takes it from participation again.
CREATE FUNCTION workstream_keep_audience() RETURNS trigger
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.audience := '{}';
    ELSIF current_setting('app.definer_call', true) = 'audience' THEN
        NEW.audience := workstream_audience(NEW.tenant_id, NEW.id);
    ELSE
        NEW.audience := OLD.audience;
    END IF;
    RETURN NEW;
END
$$;

-- Recomputes one workstream's audience as the owner, whoever changed participation or releasability.
CREATE FUNCTION workstream_refresh_audience(p_tenant_id uuid, p_workstream_id uuid) RETURNS void
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_previous text := current_setting('app.definer_call', true);
BEGIN
    PERFORM set_config('app.definer_call', 'audience', true);
    UPDATE workstream SET audience = audience WHERE tenant_id = p_tenant_id AND id = p_workstream_id;
    PERFORM set_config('app.definer_call', coalesce(v_previous, ''), true);
END
$$;

CREATE FUNCTION participation_refresh_audience() RETURNS trigger
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM workstream_refresh_audience(OLD.tenant_id, OLD.workstream_id);
    ELSIF NEW.participant_tenant_id <> NEW.tenant_id THEN   -- the owner's own LEAD row changes nothing
        PERFORM workstream_refresh_audience(NEW.tenant_id, NEW.workstream_id);
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION workstream_releasability_changed() RETURNS trigger
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
BEGIN
    IF NEW.releasability IS DISTINCT FROM OLD.releasability OR NEW.rel_to IS DISTINCT FROM OLD.rel_to THEN
        PERFORM workstream_refresh_audience(NEW.tenant_id, NEW.id);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER workstream_audience BEFORE INSERT OR UPDATE ON workstream
    FOR EACH ROW EXECUTE FUNCTION workstream_keep_audience();
CREATE TRIGGER workstream_audience_releasability AFTER UPDATE OF releasability, rel_to ON workstream
    FOR EACH ROW EXECUTE FUNCTION workstream_releasability_changed();
CREATE TRIGGER participation_audience AFTER INSERT OR UPDATE OR DELETE ON participation
    FOR EACH ROW EXECUTE FUNCTION participation_refresh_audience();

-- Recomputing the audience is not a change anybody made: updated_at stays (lists sort by it).
DROP TRIGGER workstream_touch ON workstream;
CREATE TRIGGER workstream_touch BEFORE UPDATE ON workstream
    FOR EACH ROW WHEN (current_setting('app.definer_call', true) IS DISTINCT FROM 'audience')
    EXECUTE FUNCTION touch_updated_at();

-- The owner updates audience only inside workstream_refresh_audience (as the other definer policies).
CREATE POLICY workstream_definer_audience ON workstream FOR UPDATE TO CURRENT_USER
    USING (current_setting('app.definer_call', true) = 'audience')
    WITH CHECK (current_setting('app.definer_call', true) = 'audience');

-- Backfill (the owner's forced row-level security lifted for this step only, as in V30).
ALTER TABLE workstream NO FORCE ROW LEVEL SECURITY;
SELECT set_config('app.definer_call', 'audience', true);
UPDATE workstream SET audience = audience;
SELECT set_config('app.definer_call', '', true);
ALTER TABLE workstream FORCE ROW LEVEL SECURITY;

-- The same rule as can_see_workstream(), inlined; the tenant is read once per query (an InitPlan), not per row.
DROP POLICY workstream_select ON workstream;
CREATE POLICY workstream_select ON workstream FOR SELECT
    USING (tenant_id = (SELECT current_tenant_id()) OR (SELECT current_tenant_id()) = ANY (audience));

-- can_see_workstream() (the other tables' policies) reads the same column: one rule.
CREATE OR REPLACE FUNCTION can_see_workstream(p_tenant_id uuid, p_workstream_id uuid) RETURNS boolean
    LANGUAGE sql STABLE
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
    SELECT current_tenant_id() IS NOT NULL AND (p_tenant_id = current_tenant_id() OR EXISTS (
        SELECT 1 FROM workstream w
         WHERE w.tenant_id = p_tenant_id AND w.id = p_workstream_id AND current_tenant_id() = ANY (w.audience)))
$$;

REVOKE ALL ON FUNCTION workstream_audience(uuid, uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION workstream_keep_audience() FROM PUBLIC;
REVOKE ALL ON FUNCTION workstream_refresh_audience(uuid, uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION participation_refresh_audience() FROM PUBLIC;
REVOKE ALL ON FUNCTION workstream_releasability_changed() FROM PUBLIC;
