-- Officers review pending creators and revoke verified ones, as they do sellers (docs/social.md,
-- "Officer review and revocation"). A REVOKED creator is not shown: neither its profile nor its
-- posts, and it can neither post nor be followed.
ALTER TABLE creators DROP CONSTRAINT creators_status_check;
ALTER TABLE creators ADD CONSTRAINT creators_status_check
    CHECK (status IN ('VERIFIED', 'PENDING_REVIEW', 'REJECTED', 'REVOKED'));
-- creators_one_per_identity (V2: unique identity_index WHERE status <> 'REJECTED') already holds
-- the identity of a REVOKED creator: a revoked person cannot come back under another account with
-- the same identity, as for sellers (compliance-rules.md); the revoked account itself cannot
-- apply again (CREATOR_EXISTS).

-- The officers' review queue: by status, oldest first, in keyset pages.
CREATE INDEX creators_by_status ON creators (status, created_at, id);

-- Each officer's decision on a creator with its free-text note (an approval's or rejection's note,
-- a revocation's reason). The decision itself, its outcome and reason codes, is in compliance's
-- log (CREATOR_REVIEW, CREATOR_REVOCATION); the note stays here, since it may name people and
-- auditors read the log and it never changes. Insert-only for the application.
CREATE TABLE creator_reviews (
    decision_id uuid        PRIMARY KEY,
    creator_id  uuid        NOT NULL REFERENCES creators (id),
    status      text        NOT NULL CHECK (status IN ('VERIFIED', 'REJECTED', 'REVOKED')),
    officer     uuid        NOT NULL,
    note        text        CHECK (length(note) <= 1000),
    decided_at  timestamptz NOT NULL
);
CREATE INDEX creator_reviews_by_creator ON creator_reviews (creator_id, decided_at);
REVOKE UPDATE, DELETE, TRUNCATE ON creator_reviews FROM pasar_app;
