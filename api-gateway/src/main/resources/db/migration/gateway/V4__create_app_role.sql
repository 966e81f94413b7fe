-- The role the application's queries run as (docs/adr/0009-application-database-role.md). It
-- holds privileges and cannot log in; an account that logs in is given it (GRANT pasar_app TO ...),
-- or it is given LOGIN and a password by whoever administers the server. Created here when the
-- server does not have it yet (roles belong to the server, not to one database).
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'pasar_app') THEN
        CREATE ROLE pasar_app NOLOGIN;
    END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL; -- another database's migration created it at the same moment
END
$$;

-- It reads and writes the gateway tables: accounts, rate-limit buckets, job locks, the event
-- publication registry.
GRANT USAGE ON SCHEMA gateway TO pasar_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA gateway TO pasar_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA gateway TO pasar_app;
-- Tables that later migrations (run by this owner) create get the same; an insert-only one
-- revokes UPDATE and DELETE in the migration that creates it.
ALTER DEFAULT PRIVILEGES IN SCHEMA gateway GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO pasar_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA gateway GRANT USAGE, SELECT ON SEQUENCES TO pasar_app;
-- Migrations are the owner's business.
REVOKE ALL ON flyway_schema_history FROM pasar_app;
