-- The application's queries run as the role pasar_app, not as the owner that migrates
-- (docs/adr/0009-application-database-role.md): it reads and writes the webhooks tables, except
-- the attempts, which are a record written once.
GRANT USAGE ON SCHEMA webhooks TO pasar_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA webhooks TO pasar_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA webhooks TO pasar_app;
-- Tables that later migrations (run by this owner) create get the same; an insert-only one
-- revokes UPDATE and DELETE in the migration that creates it.
ALTER DEFAULT PRIVILEGES IN SCHEMA webhooks GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO pasar_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA webhooks GRANT USAGE, SELECT ON SEQUENCES TO pasar_app;
-- Migrations are the owner's business.
REVOKE ALL ON flyway_schema_history FROM pasar_app;
REVOKE UPDATE, DELETE, TRUNCATE ON attempts FROM pasar_app;
