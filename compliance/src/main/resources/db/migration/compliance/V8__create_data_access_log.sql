-- Staff reads of seller data (api.md, equal playing field): who read which seller's data, through
-- which endpoint, and why (the X-Access-Reason header). One row per seller returned. Insert-only,
-- like the decision log: auditors list it, each seller sees its own.
CREATE TABLE data_access_log (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    accessed_at  timestamptz NOT NULL,
    actor        text        NOT NULL,
    actor_role   text        NOT NULL,
    seller_id    uuid        NOT NULL,
    resource     text        NOT NULL,
    reason       text        NOT NULL CHECK (length(reason) BETWEEN 5 AND 200)
);
CREATE INDEX data_access_log_by_time ON data_access_log (accessed_at, id);
CREATE INDEX data_access_log_by_seller ON data_access_log (seller_id, accessed_at, id);

CREATE FUNCTION refuse_access_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the data access log is insert-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER data_access_log_insert_only BEFORE UPDATE OR DELETE ON data_access_log
    FOR EACH ROW EXECUTE FUNCTION refuse_access_log_change();
CREATE TRIGGER data_access_log_no_truncate BEFORE TRUNCATE ON data_access_log
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_access_log_change();
-- And for the application's role (ADR 0009), whatever the triggers do.
REVOKE UPDATE, DELETE, TRUNCATE ON data_access_log FROM pasar_app;
