-- Roles for docker-compose: the owner runs migrations, the app connects as a role that owns nothing
-- and cannot bypass row-level security. Demo passwords: change them for anything real.
CREATE ROLE entente_owner LOGIN PASSWORD 'entente_owner_dev';
CREATE ROLE entente_app LOGIN PASSWORD 'entente_app_dev' NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
-- The analytics snapshot reads every tenant's rows to compute cross-tenant figures, and applies the
-- releasability rule itself (in DuckDB), so it must bypass row-level security. That is why it is a
-- separate role: BYPASSRLS but nothing else; migration V30 grants it SELECT on exactly the columns
-- analytics needs (no titles, descriptions, comment bodies, file contents or e-mails) and no writes.
-- If V30 ran before this role existed, run as entente_owner: SELECT grant_analytics_read('entente_analytics');
CREATE ROLE entente_analytics LOGIN PASSWORD 'entente_analytics_dev' NOSUPERUSER BYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION;
CREATE DATABASE entente OWNER entente_owner;
GRANT CONNECT ON DATABASE entente TO entente_app;
GRANT CONNECT ON DATABASE entente TO entente_analytics;
\connect entente
ALTER SCHEMA public OWNER TO entente_owner;
