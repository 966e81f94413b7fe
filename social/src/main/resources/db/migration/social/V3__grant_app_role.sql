-- The application's queries run as the role pasar_app, not as the owner that migrates
-- (docs/adr/0009-application-database-role.md): it reads and writes the social tables.
GRANT USAGE ON SCHEMA social TO pasar_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA social TO pasar_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA social GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO pasar_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA social GRANT USAGE, SELECT ON SEQUENCES TO pasar_app;
-- Migrations are the owner's business.
REVOKE ALL ON flyway_schema_history FROM pasar_app;
