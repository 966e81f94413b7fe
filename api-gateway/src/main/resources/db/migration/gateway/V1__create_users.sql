-- Accounts of every role. Emails are stored trimmed and lower-cased, so the unique index makes
-- them unique case-insensitively; the application normalises before it looks one up.
CREATE TABLE users (
    id            uuid        PRIMARY KEY,
    email         text        NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
    password_hash text        NOT NULL,
    display_name  text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
    role          text        NOT NULL CHECK (role IN ('SHOPPER', 'SELLER', 'COMPLIANCE_OFFICER', 'AUDITOR', 'ADMIN')),
    created_at    timestamptz NOT NULL,
    version       bigint      NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX users_email_key ON users (email);

-- Bucket4j's token buckets (login throttling, order rate limits), shared by every instance.
-- Rows expire: expires_at is epoch milliseconds, and a periodic task deletes the expired ones.
CREATE TABLE rate_limit_buckets (
    id         text   PRIMARY KEY,
    state      bytea,
    expires_at bigint
);
CREATE INDEX rate_limit_buckets_expires_at ON rate_limit_buckets (expires_at);
