-- The application's queries run as the role pasar_app, not as the owner that migrates
-- (docs/adr/0009-application-database-role.md). A photo is written once: the application
-- inserts and reads; deleting (a future retention job) is granted when it comes.
GRANT USAGE ON SCHEMA media TO pasar_app;
GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA media TO pasar_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA media GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO pasar_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA media GRANT USAGE, SELECT ON SEQUENCES TO pasar_app;
-- Migrations are the owner's business.
REVOKE ALL ON flyway_schema_history FROM pasar_app;
