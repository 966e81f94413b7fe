-- Progress of the shelf re-check under each rule set: advanced in the same transaction as each
-- batch, so after a crash the job resumes where the last committed batch left off.
CREATE TABLE rule_set_rechecks (
    rule_set_version text        PRIMARY KEY,
    started_at       timestamptz NOT NULL,
    finished_at      timestamptz,
    checked          bigint      NOT NULL DEFAULT 0,
    suspended        bigint      NOT NULL DEFAULT 0
);
