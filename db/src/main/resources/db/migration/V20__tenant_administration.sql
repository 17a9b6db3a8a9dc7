-- Tenant administration (issue #4): platform operators create, edit, suspend, reactivate and
-- offboard tenants; tenant admins manage their own members. Keycloak holds organizations and users;
-- these tables mirror them, and the app keeps both consistent (and reconciles drift).
--
-- Cross-tenant reads and writes happen only inside the SECURITY DEFINER functions below, which run
-- as the owner. The owner is subject to row-level security too (FORCE), so each function opens an
-- owner-only policy for the duration of its call through the transaction-local setting
-- app.definer_call (the same pattern as provision_tenant's app.provisioning_alias). The
-- runtime role gains nothing by setting that value itself: those policies apply to the owner only.
-- WHO may call these functions (platform-admin) is decided by the app from the signed-in token.
--
-- Errors raised on purpose (SQLSTATE class EN):
--   EN040  a status change that does not apply (already suspended, not suspended, already offboarded)
--   EN041  no such tenant

-- ---------------------------------------------------------------------------------------------
-- New columns
-- ---------------------------------------------------------------------------------------------
ALTER TABLE tenant ADD COLUMN capacity_index numeric(8, 2);
ALTER TABLE tenant ADD CONSTRAINT tenant_capacity_index_ck CHECK (capacity_index IS NULL OR capacity_index >= 0);
COMMENT ON COLUMN tenant.capacity_index IS
    'Relative capacity of the organization, used later to weigh fair-share analytics; null = not assessed.';

-- INVITED: created or added by an administrator, has not signed in yet; ACTIVE: may work;
-- DISABLED: account disabled in Keycloak; REMOVED: no longer a member of the organization.
-- Rows stay (records keep their author); only the status changes.
ALTER TABLE member ADD COLUMN status text NOT NULL DEFAULT 'ACTIVE';
ALTER TABLE member ADD CONSTRAINT member_status_ck CHECK (status IN ('INVITED', 'ACTIVE', 'DISABLED', 'REMOVED'));

-- ---------------------------------------------------------------------------------------------
-- Owner-only policies, open only while a platform function runs.
-- ---------------------------------------------------------------------------------------------
CREATE POLICY tenant_platform_operation ON tenant TO CURRENT_USER
    USING (current_setting('app.definer_call', true) = 'on')
    WITH CHECK (current_setting('app.definer_call', true) = 'on');
CREATE POLICY member_platform_operation ON member TO CURRENT_USER
    USING (current_setting('app.definer_call', true) = 'on')
    WITH CHECK (current_setting('app.definer_call', true) = 'on');
CREATE POLICY audit_event_platform_operation ON audit_event TO CURRENT_USER
    USING (current_setting('app.definer_call', true) = 'on')
    WITH CHECK (current_setting('app.definer_call', true) = 'on');

-- ---------------------------------------------------------------------------------------------
-- platform_tenant_overview: every tenant with its member count and last activity.
-- ---------------------------------------------------------------------------------------------
CREATE FUNCTION platform_tenant_overview()
    RETURNS TABLE (id uuid, alias text, name text, kind text, region text, status text,
                   capacity_index numeric, member_count bigint, last_activity_at timestamptz,
                   created_at timestamptz)
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
BEGIN
    PERFORM set_config('app.definer_call', 'on', true);
    RETURN QUERY
        SELECT t.id, t.alias, t.name, t.kind, t.region, t.status, t.capacity_index,
               (SELECT count(*) FROM member m WHERE m.tenant_id = t.id AND m.status IN ('INVITED', 'ACTIVE', 'DISABLED')),
               (SELECT max(a.at) FROM audit_event a WHERE a.tenant_id = t.id),
               t.created_at
          FROM tenant t
         ORDER BY t.name;
    PERFORM set_config('app.definer_call', '', true);
END
$$;

-- ---------------------------------------------------------------------------------------------
-- platform_register_tenant: the tenant row of a Keycloak organization just created (same id).
-- A duplicate alias or id violates tenant_alias_uk / tenant_pk (SQLSTATE 23505).
-- ---------------------------------------------------------------------------------------------
CREATE FUNCTION platform_register_tenant(p_id uuid, p_alias text, p_name text, p_kind text, p_region text,
                                         p_capacity_index numeric)
    RETURNS void
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
BEGIN
    PERFORM set_config('app.definer_call', 'on', true);
    INSERT INTO tenant (id, alias, name, kind, region, capacity_index)
    VALUES (p_id, p_alias, p_name, p_kind, nullif(btrim(p_region), ''), p_capacity_index);
    INSERT INTO audit_event (tenant_id, action, entity_type, entity_id, details)
    VALUES (p_id, 'TENANT_CREATED', 'tenant', p_id::text,
            jsonb_build_object('alias', p_alias, 'name', p_name, 'kind', p_kind));
    PERFORM set_config('app.definer_call', '', true);
END
$$;

-- ---------------------------------------------------------------------------------------------
-- platform_update_tenant: descriptive fields; EN041 if there is no such tenant.
-- ---------------------------------------------------------------------------------------------
CREATE FUNCTION platform_update_tenant(p_id uuid, p_name text, p_kind text, p_region text,
                                       p_capacity_index numeric)
    RETURNS void
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
BEGIN
    PERFORM set_config('app.definer_call', 'on', true);
    UPDATE tenant
       SET name = p_name, kind = p_kind, region = nullif(btrim(p_region), ''),
           capacity_index = p_capacity_index, updated_at = now()
     WHERE id = p_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no tenant %', p_id USING ERRCODE = 'EN041';
    END IF;
    INSERT INTO audit_event (tenant_id, action, entity_type, entity_id, details)
    VALUES (p_id, 'TENANT_UPDATED', 'tenant', p_id::text,
            jsonb_build_object('name', p_name, 'kind', p_kind, 'region', p_region, 'capacity_index', p_capacity_index));
    PERFORM set_config('app.definer_call', '', true);
END
$$;

-- ---------------------------------------------------------------------------------------------
-- platform_change_tenant_status: SUSPEND (from ACTIVE), REACTIVATE (from SUSPENDED), OFFBOARD (from
-- ACTIVE or SUSPENDED; every membership becomes REMOVED, the tenant's records stay its own).
-- Anything else raises EN040 and changes nothing. Returns the new status.
-- ---------------------------------------------------------------------------------------------
CREATE FUNCTION platform_change_tenant_status(p_id uuid, p_action text, p_reason text)
    RETURNS text
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_status text;
    v_name   text;
    v_next   text;
BEGIN
    PERFORM set_config('app.definer_call', 'on', true);
    SELECT t.status, t.name INTO v_status, v_name FROM tenant t WHERE t.id = p_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no tenant %', p_id USING ERRCODE = 'EN041';
    END IF;
    v_next := CASE
        WHEN p_action = 'SUSPEND' AND v_status = 'ACTIVE' THEN 'SUSPENDED'
        WHEN p_action = 'REACTIVATE' AND v_status = 'SUSPENDED' THEN 'ACTIVE'
        WHEN p_action = 'OFFBOARD' AND v_status IN ('ACTIVE', 'SUSPENDED') THEN 'OFFBOARDED'
    END;
    IF v_next IS NULL THEN
        RAISE EXCEPTION '% cannot be %: it is %', v_name,
                CASE p_action WHEN 'SUSPEND' THEN 'suspended' WHEN 'REACTIVATE' THEN 'reactivated'
                              WHEN 'OFFBOARD' THEN 'offboarded' ELSE lower(coalesce(p_action, 'changed')) END,
                lower(v_status)
            USING ERRCODE = 'EN040';
    END IF;
    UPDATE tenant SET status = v_next, updated_at = now() WHERE id = p_id;
    IF v_next = 'OFFBOARDED' THEN
        UPDATE member SET status = 'REMOVED', updated_at = now() WHERE tenant_id = p_id AND status <> 'REMOVED';
    END IF;
    INSERT INTO audit_event (tenant_id, action, entity_type, entity_id, details)
    VALUES (p_id, 'TENANT_' || v_next, 'tenant', p_id::text,
            jsonb_build_object('from', v_status, 'to', v_next, 'reason', p_reason));
    PERFORM set_config('app.definer_call', '', true);
    RETURN v_next;
END
$$;

REVOKE ALL ON FUNCTION platform_tenant_overview() FROM PUBLIC;
REVOKE ALL ON FUNCTION platform_register_tenant(uuid, text, text, text, text, numeric) FROM PUBLIC;
REVOKE ALL ON FUNCTION platform_update_tenant(uuid, text, text, text, numeric) FROM PUBLIC;
REVOKE ALL ON FUNCTION platform_change_tenant_status(uuid, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION platform_tenant_overview() TO ${app_role};
GRANT EXECUTE ON FUNCTION platform_register_tenant(uuid, text, text, text, text, numeric) TO ${app_role};
GRANT EXECUTE ON FUNCTION platform_update_tenant(uuid, text, text, text, numeric) TO ${app_role};
GRANT EXECUTE ON FUNCTION platform_change_tenant_status(uuid, text, text) TO ${app_role};
