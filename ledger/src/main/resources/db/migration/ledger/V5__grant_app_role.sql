-- The application's role (ADR 0009): it reads the ledger and adds to it, never changes or
-- removes what is there. Seller balances move only through the entries' trigger (its owner's
-- rights), so the role may not update accounts either.
GRANT USAGE ON SCHEMA ledger TO pasar_app;
GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA ledger TO pasar_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ledger TO pasar_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA ledger GRANT SELECT, INSERT ON TABLES TO pasar_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA ledger GRANT USAGE, SELECT ON SEQUENCES TO pasar_app;
-- The turnover counter is the one row the application moves itself.
GRANT UPDATE ON seller_turnover TO pasar_app;
REVOKE ALL ON flyway_schema_history FROM pasar_app;
