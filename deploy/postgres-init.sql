-- Roles for docker-compose: the owner runs migrations, the app connects as a role that owns nothing
-- and cannot bypass row-level security. Demo passwords: change them for anything real.
CREATE ROLE entente_owner LOGIN PASSWORD 'entente_owner_dev';
CREATE ROLE entente_app LOGIN PASSWORD 'entente_app_dev' NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
CREATE DATABASE entente OWNER entente_owner;
GRANT CONNECT ON DATABASE entente TO entente_app;
\connect entente
ALTER SCHEMA public OWNER TO entente_owner;
