-- Analytics (issue #7): the dates analytics cuts figures by, and the read-only role the analytics
-- snapshot connects as.
--
-- 1. contribution.pledged_on / delivered_on: when a contribution was pledged and when it was last
--    delivered, so burden sharing and pledge fulfilment can be cut by year and month.
--      * pledged_on: NOT NULL, default today.
--      * delivered_on: the date of the last delivery; set exactly when something is delivered:
--        delivered_on IS NULL  <=>  delivered_amount = 0   (contribution_delivered_on_ck),
--        and never before the pledge                       (contribution_delivered_on_order_ck).
--      * Writers that do not know these columns (older code paths, bulk loads) stay consistent
--        through contribution_dates (BEFORE INSERT OR UPDATE): when delivered_amount grows (or a new
--        row is inserted with a delivery) and the writer left delivered_on as it was, delivered_on
--        becomes today; when delivered_amount drops to 0 and the writer left delivered_on as it was,
--        it is cleared. A writer that changes delivered_on itself is taken at its word, and the checks
--        above reject what does not fit (SQLSTATE 23514, nothing stored). "Left as it was" cannot tell
--        "the same date again" from "not set", so a writer that manages the dates itself (the app's
--        ContributionService) says so with set_config('app.explicit_dates', 'on', true) and the
--        trigger leaves its values alone.
--      * Existing rows: pledged_on = created_at::date; delivered_on = updated_at::date for rows with
--        a delivery (the last write is the best evidence of the last delivery there is).
--    Dates in the future are refused by the app (a pledge recorded ahead of time is a plan, not a
--    pledge); the database does not check against current_date, which is not immutable.
--
-- 2. deliverable.submitted_on: when it was submitted. Rule: submitted_on IS NULL <=> status =
--    'PLANNED' (deliverable_submitted_on_ck). deliverable_dates (BEFORE INSERT OR UPDATE) keeps
--    writers that ignore the column consistent: moving to SUBMITTED or ACCEPTED without a date sets
--    today; moving back to PLANNED without touching the date clears it; SUBMITTED -> ACCEPTED keeps
--    the submission date. Existing SUBMITTED/ACCEPTED rows: updated_at::date.
--
-- 3. The analytics role ${analytics_role} (LOGIN, BYPASSRLS, created outside migrations: by
--    LocalPostgres for the embedded database, by deploy/postgres-init.sql for a real server). The
--    snapshot reads every tenant's rows, so it bypasses row-level security; what it may read is
--    therefore fenced by column privileges instead: USAGE on schema public and SELECT on exactly the
--    columns analytics needs (grant_analytics_read below; no text bodies, descriptions, titles,
--    file contents, e-mails, member data, audit trail, ledgers), no writes, no function.
--    If the role does not exist when this migration runs, the grants are skipped with a NOTICE so
--    that the app still starts (the Analytics page then names the setting to fix). Once the role
--    exists, run as the schema owner:
--        SELECT grant_analytics_read('entente_analytics');
--    It revokes everything the role has in schema public and grants the list again, so running it
--    twice, or after a later migration changed the list, converges on exactly that list.
--
-- Row-level security is forced for the owner too, so the data migration below lifts FORCE for the
-- two tables for the length of this transaction (ALTER TABLE holds an ACCESS EXCLUSIVE lock until
-- commit: nobody sees the table in between) and disables their user triggers, so that updated_at,
-- the EUR values (contribution_eur would revalue at today's rates) and the key checks stay as they were.

-- =============================================================================================
-- contribution.pledged_on, contribution.delivered_on
-- =============================================================================================
ALTER TABLE contribution ADD COLUMN pledged_on date NOT NULL DEFAULT current_date;
ALTER TABLE contribution ADD COLUMN delivered_on date;

ALTER TABLE contribution NO FORCE ROW LEVEL SECURITY;
ALTER TABLE contribution DISABLE TRIGGER USER;
UPDATE contribution
   SET pledged_on   = created_at::date,
       delivered_on = CASE WHEN delivered_amount > 0 THEN greatest(updated_at, created_at)::date END;
ALTER TABLE contribution ENABLE TRIGGER USER;
ALTER TABLE contribution FORCE ROW LEVEL SECURITY;

ALTER TABLE contribution ADD CONSTRAINT contribution_delivered_on_ck
    CHECK ((delivered_on IS NULL) = (delivered_amount = 0));
ALTER TABLE contribution ADD CONSTRAINT contribution_delivered_on_order_ck
    CHECK (delivered_on >= pledged_on);

COMMENT ON COLUMN contribution.pledged_on IS 'When the contribution was pledged.';
COMMENT ON COLUMN contribution.delivered_on IS
    'When the contribution was last delivered (delivered_amount last grew); null = nothing delivered.';

CREATE FUNCTION contribution_dates() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = public, pg_temp
AS $$
BEGIN
    IF current_setting('app.explicit_dates', true) = 'on' THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.delivered_amount > 0 AND NEW.delivered_on IS NULL THEN
            NEW.delivered_on := current_date;
        END IF;
    ELSIF NEW.delivered_on IS NOT DISTINCT FROM OLD.delivered_on THEN
        IF NEW.delivered_amount > OLD.delivered_amount THEN
            NEW.delivered_on := current_date;
        ELSIF NEW.delivered_amount = 0 THEN
            NEW.delivered_on := NULL;
        END IF;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER contribution_dates BEFORE INSERT OR UPDATE ON contribution
    FOR EACH ROW EXECUTE FUNCTION contribution_dates();

-- For the contribution year filters and the pledge-fulfilment timeline.
CREATE INDEX contribution_pledged_on_ix ON contribution (pledged_on);

-- =============================================================================================
-- deliverable.submitted_on
-- =============================================================================================
ALTER TABLE deliverable ADD COLUMN submitted_on date;

ALTER TABLE deliverable NO FORCE ROW LEVEL SECURITY;
ALTER TABLE deliverable DISABLE TRIGGER USER;
UPDATE deliverable
   SET submitted_on = updated_at::date
 WHERE status IN ('SUBMITTED', 'ACCEPTED');
ALTER TABLE deliverable ENABLE TRIGGER USER;
ALTER TABLE deliverable FORCE ROW LEVEL SECURITY;

ALTER TABLE deliverable ADD CONSTRAINT deliverable_submitted_on_ck
    CHECK ((submitted_on IS NULL) = (status = 'PLANNED'));

COMMENT ON COLUMN deliverable.submitted_on IS
    'When the deliverable was submitted; null exactly while it is PLANNED.';

CREATE FUNCTION deliverable_dates() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = public, pg_temp
AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.submitted_on IS DISTINCT FROM OLD.submitted_on THEN
        RETURN NEW;  -- the writer set the date itself; deliverable_submitted_on_ck judges it
    END IF;
    IF NEW.status = 'PLANNED' AND TG_OP = 'UPDATE' THEN
        NEW.submitted_on := NULL;
    ELSIF NEW.status IN ('SUBMITTED', 'ACCEPTED') AND NEW.submitted_on IS NULL THEN
        NEW.submitted_on := current_date;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER deliverable_dates BEFORE INSERT OR UPDATE ON deliverable
    FOR EACH ROW EXECUTE FUNCTION deliverable_dates();

-- =============================================================================================
-- The analytics role's grants
-- =============================================================================================

-- Revokes everything p_role holds in schema public, then grants USAGE on the schema and SELECT on
-- exactly the analytics columns. Owner only (not executable by PUBLIC, the app or analytics).
-- A later migration that changes the list replaces this function and calls it again.
CREATE FUNCTION grant_analytics_read(p_role text) RETURNS void
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
                              'releasability, rel_to, at')
        ) AS g (table_name, column_list)
    LOOP
        -- The column list is this function's own constant text, not input.
        EXECUTE format('GRANT SELECT (%s) ON TABLE %I TO %I', v_grant.column_list, v_grant.table_name, p_role);
    END LOOP;
END
$$;

REVOKE ALL ON FUNCTION contribution_dates(), deliverable_dates(), grant_analytics_read(text) FROM PUBLIC;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = '${analytics_role}') THEN
        PERFORM grant_analytics_read('${analytics_role}');
    ELSE
        RAISE NOTICE 'analytics role "%" does not exist: analytics grants skipped. Create the role, then run '
                     'SELECT grant_analytics_read(''%'') as the schema owner.', '${analytics_role}', '${analytics_role}';
    END IF;
END
$$;
