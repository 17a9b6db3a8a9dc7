-- Issue #20, item 2: the partner API's clients. A tenant administrator creates one on Members; Entente creates a
-- confidential Keycloak client (client credentials only) whose service account is a member of the organization, so
-- its tokens carry the same organization claim as a person's sign-in. This table is Entente's own record of them:
-- who made it and when, when its secret was last rotated, and whether it is revoked. The resource server refuses a
-- token of a client whose row is revoked (or missing), even while the token itself has not expired yet.
--
-- The secret is never stored here (Keycloak keeps it; Entente shows it once).

CREATE TABLE api_client (
    tenant_id          uuid        NOT NULL,
    id                 uuid        NOT NULL,
    -- Keycloak's internal id of the client (the admin REST API addresses it by this).
    keycloak_client_id uuid        NOT NULL,
    -- The OAuth2 client_id a partner's system authenticates with (the token's azp claim).
    client_id          text        NOT NULL,
    display_name       text        NOT NULL,
    created_by         uuid        NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    rotated_at         timestamptz,
    revoked_at         timestamptz,
    CONSTRAINT api_client_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT api_client_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT api_client_creator_fk FOREIGN KEY (tenant_id, created_by) REFERENCES member (tenant_id, id),
    -- Unique across tenants (Keycloak's client ids are realm-wide); the tenant is part of the key for Citus.
    CONSTRAINT api_client_client_id_uq UNIQUE (tenant_id, client_id),
    CONSTRAINT api_client_client_id_ck CHECK (client_id ~ '^[a-z0-9-]{1,80}$'),
    CONSTRAINT api_client_display_name_ck CHECK (btrim(display_name) <> '' AND length(display_name) <= 100)
);

COMMENT ON TABLE api_client IS
    'A partner system''s API client (Keycloak client credentials) of the organization; the secret lives in Keycloak.';

ALTER TABLE api_client ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_client FORCE ROW LEVEL SECURITY;

-- Only the organization's own transactions see or change its clients (the API's token check runs in that tenant).
CREATE POLICY api_client_tenant_isolation ON api_client
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());

-- No DELETE: a revoked client keeps its row (revoked_at), for the audit trail and the grid.
GRANT SELECT, INSERT ON api_client TO ${app_role};
GRANT UPDATE (display_name, rotated_at, revoked_at) ON api_client TO ${app_role};
