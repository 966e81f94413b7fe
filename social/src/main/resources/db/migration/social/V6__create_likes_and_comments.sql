-- Likes: one per account and post (a like again changes nothing); like_count on the post is
-- kept in the same transaction, for the post's view and for discover's engagement.
CREATE TABLE likes (
    post_id    uuid        NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    account_id uuid        NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (post_id, account_id)
);

-- Comments: up to 500 characters. Their author deletes them; a compliance officer hides one with
-- a reason, which stays on the row (hidden comments are not shown, and not counted).
CREATE TABLE comments (
    id            uuid        PRIMARY KEY,
    post_id       uuid        NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    account_id    uuid        NOT NULL,
    -- SHOPPER, SELLER or CREATOR; the name only of a verified seller (its shop) or creator: a
    -- shopper comments without a name shown.
    author_kind   text        NOT NULL CHECK (author_kind IN ('SHOPPER', 'SELLER', 'CREATOR')),
    author_name   text,
    body          text        NOT NULL CHECK (length(body) BETWEEN 1 AND 500),
    created_at    timestamptz NOT NULL,
    hidden_at     timestamptz,
    hidden_by     uuid,
    hidden_reason text        CHECK (length(hidden_reason) <= 500),
    CHECK ((hidden_at IS NULL) = (hidden_reason IS NULL))
);
CREATE INDEX comments_by_post ON comments (post_id, created_at, id) WHERE hidden_at IS NULL;

ALTER TABLE posts
    ADD COLUMN like_count    integer NOT NULL DEFAULT 0 CHECK (like_count >= 0),
    ADD COLUMN comment_count integer NOT NULL DEFAULT 0 CHECK (comment_count >= 0);
