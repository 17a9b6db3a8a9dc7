-- Tenancy core: partner organizations (tenants), their members, and the append-only audit trail.
--
-- Rules for this and every later tenant-owned table:
--   * tenant_id is the first column of the primary key and of every foreign key to another
--     tenant-owned table, so the schema can later be distributed by tenant;
--   * every constraint is named;
--   * row-level security is ENABLED and FORCED (the owner running migrations is subject to it too),
--     with a policy on the transaction-local setting app.tenant_id, which the application sets as
--     the first statement of every transaction (TenantTransactionManager). Nothing set, nothing
--     visible. The acting member is in app.user_id;
--   * the runtime role ${app_role} owns nothing and gets only the grants listed here.
--
-- Errors raised on purpose use SQLSTATE class EN (Entente):
--   EN001  provision_tenant: a new tenant needs a kind
--   EN002  audit_event is append-only: UPDATE, DELETE and TRUNCATE are rejected

GRANT USAGE ON SCHEMA public TO ${app_role};

-- ---------------------------------------------------------------------------------------------
-- tenant: one row per partner organization (= Keycloak Organization, same alias).
-- ---------------------------------------------------------------------------------------------
CREATE TABLE tenant (
    id         uuid        NOT NULL DEFAULT gen_random_uuid(),
    alias      text        NOT NULL,
    name       text        NOT NULL,
    kind       text        NOT NULL,
    region     text,
    status     text        NOT NULL DEFAULT 'ACTIVE',
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT tenant_pk PRIMARY KEY (id),
    CONSTRAINT tenant_alias_uk UNIQUE (alias),
    CONSTRAINT tenant_alias_ck CHECK (alias ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    CONSTRAINT tenant_name_ck CHECK (char_length(name) BETWEEN 1 AND 200 AND btrim(name) <> ''),
    CONSTRAINT tenant_kind_ck CHECK (kind IN ('STATE', 'ALLIANCE', 'IGO', 'NGO', 'PRIVATE_SECURITY',
                                              'CORPORATION', 'ACADEMIA')),
    CONSTRAINT tenant_status_ck CHECK (status IN ('ACTIVE', 'SUSPENDED', 'OFFBOARDED'))
);

COMMENT ON TABLE tenant IS 'A partner organization; alias is its Keycloak organization alias.';

ALTER TABLE tenant ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant FORCE ROW LEVEL SECURITY;

-- A tenant sees (and may update) only its own row.
CREATE POLICY tenant_isolation ON tenant
    USING (id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (id = nullif(current_setting('app.tenant_id', true), '')::uuid);

-- Provisioning happens before any tenant context exists, keyed by alias. Only the owner (the role
-- running this migration, which also owns provision_tenant) gets this policy; provision_tenant
-- sets app.provisioning_alias for the duration of its call. The runtime role cannot use it.
CREATE POLICY tenant_provisioning ON tenant TO CURRENT_USER
    USING (alias = nullif(current_setting('app.provisioning_alias', true), ''))
    WITH CHECK (alias = nullif(current_setting('app.provisioning_alias', true), ''));

-- New tenants only through provision_tenant; a tenant may edit its own descriptive fields.
-- Status changes and offboarding are platform operations, not the runtime role's.
GRANT SELECT ON tenant TO ${app_role};
GRANT UPDATE (name, region, updated_at) ON tenant TO ${app_role};

-- ---------------------------------------------------------------------------------------------
-- member: directory mirror of the Keycloak users of a tenant (id = token subject).
-- ---------------------------------------------------------------------------------------------
CREATE TABLE member (
    tenant_id    uuid        NOT NULL,
    id           uuid        NOT NULL,
    username     text        NOT NULL,
    display_name text        NOT NULL,
    email        text,
    roles        text[]      NOT NULL DEFAULT '{}',
    last_seen_at timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT member_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT member_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT member_username_ck CHECK (btrim(username) <> ''),
    CONSTRAINT member_roles_ck CHECK (array_position(roles, NULL) IS NULL)
);

COMMENT ON TABLE member IS 'Directory mirror of a tenant''s Keycloak users; id is the token subject.';

ALTER TABLE member ENABLE ROW LEVEL SECURITY;
ALTER TABLE member FORCE ROW LEVEL SECURITY;

CREATE POLICY member_tenant_isolation ON member
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

GRANT SELECT, INSERT, UPDATE, DELETE ON member TO ${app_role};

-- ---------------------------------------------------------------------------------------------
-- audit_event: append-only trail; tenant and actor default to the transaction's context.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE audit_event (
    tenant_id   uuid        NOT NULL DEFAULT nullif(current_setting('app.tenant_id', true), '')::uuid,
    id          bigint      GENERATED ALWAYS AS IDENTITY,
    actor_id    uuid                 DEFAULT nullif(current_setting('app.user_id', true), '')::uuid,
    action      text        NOT NULL,
    entity_type text        NOT NULL,
    entity_id   text,
    details     jsonb       NOT NULL DEFAULT '{}',
    at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT audit_event_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT audit_event_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT audit_event_details_ck CHECK (jsonb_typeof(details) = 'object')
);

COMMENT ON TABLE audit_event IS 'Append-only audit trail: UPDATE, DELETE and TRUNCATE are rejected (SQLSTATE EN002).';

ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_event FORCE ROW LEVEL SECURITY;

CREATE POLICY audit_event_tenant_isolation ON audit_event
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

-- Statement-level, so it fires for every role and even when no row is visible or matched.
CREATE FUNCTION audit_event_reject_change() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = public, pg_temp
AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'EN002',
              HINT = 'Record a correction as a new audit event instead.';
END
$$;

CREATE TRIGGER audit_event_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_reject_change();

GRANT SELECT, INSERT ON audit_event TO ${app_role};

-- ---------------------------------------------------------------------------------------------
-- provision_tenant: idempotent, concurrency-safe upsert of a tenant by alias, for first login of
-- a new organization (before any tenant context exists). Runs as the owner (SECURITY DEFINER).
--   * blank or null name/kind/region keep the existing values;
--   * a new tenant's name defaults to its alias; a new tenant without kind raises SQLSTATE EN001;
--   * an invalid alias or kind violates tenant_alias_ck / tenant_kind_ck (SQLSTATE 23514).
-- Returns the tenant's id and status (e.g. to refuse sign-in to a SUSPENDED tenant).
-- ---------------------------------------------------------------------------------------------
CREATE FUNCTION provision_tenant(p_alias text, p_name text, p_kind text, p_region text)
    RETURNS TABLE (tenant_id uuid, tenant_status text)
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
#variable_conflict use_column
DECLARE
    v_name   text := nullif(btrim(p_name), '');
    v_kind   text := nullif(btrim(p_kind), '');
    v_region text := nullif(btrim(p_region), '');
    v_id     uuid;
    v_status text;
BEGIN
    -- Opens the owner's provisioning policy for this alias only, and only until the end of this
    -- call: cleared below, and rolled back with the transaction if anything here fails.
    PERFORM set_config('app.provisioning_alias', coalesce(p_alias, ''), true);

    IF v_kind IS NULL THEN
        -- Without a kind only an existing tenant can be refreshed.
        UPDATE tenant AS t
           SET name       = coalesce(v_name, t.name),
               region     = coalesce(v_region, t.region),
               updated_at = CASE WHEN (t.name, t.region) IS DISTINCT FROM
                                      (coalesce(v_name, t.name), coalesce(v_region, t.region))
                                 THEN now() ELSE t.updated_at END
         WHERE t.alias = p_alias
        RETURNING t.id, t.status INTO v_id, v_status;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'cannot provision tenant "%": a new tenant needs a kind', p_alias
                USING ERRCODE = 'EN001',
                      HINT = 'Pass one of STATE, ALLIANCE, IGO, NGO, PRIVATE_SECURITY, CORPORATION, ACADEMIA.';
        END IF;
    ELSE
        INSERT INTO tenant AS t (alias, name, kind, region)
        VALUES (p_alias, coalesce(v_name, p_alias), v_kind, v_region)
        ON CONFLICT ON CONSTRAINT tenant_alias_uk DO UPDATE
           SET name       = coalesce(v_name, t.name),
               kind       = excluded.kind,
               region     = coalesce(v_region, t.region),
               updated_at = CASE WHEN (t.name, t.kind, t.region) IS DISTINCT FROM
                                      (coalesce(v_name, t.name), excluded.kind, coalesce(v_region, t.region))
                                 THEN now() ELSE t.updated_at END
        RETURNING t.id, t.status INTO v_id, v_status;
    END IF;

    PERFORM set_config('app.provisioning_alias', '', true);
    RETURN QUERY SELECT v_id, v_status;
END
$$;

REVOKE ALL ON FUNCTION provision_tenant(text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION provision_tenant(text, text, text, text) TO ${app_role};
