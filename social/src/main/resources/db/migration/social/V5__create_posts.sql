-- A post by a verified seller or creator. author_id is the seller's id or the creator's id
-- (author_kind says which); account_id the writing account, the only one that may change it.
-- Tagged listings are kept as written; a read shows only those published at that moment.
CREATE TABLE posts (
    id           uuid        PRIMARY KEY,
    author_kind  text        NOT NULL CHECK (author_kind IN ('SELLER', 'CREATOR')),
    author_id    uuid        NOT NULL,
    account_id   uuid        NOT NULL,
    author_name  text        NOT NULL,
    body         text        NOT NULL CHECK (length(body) <= 2200),
    photo_ids    uuid[]      NOT NULL DEFAULT '{}' CHECK (cardinality(photo_ids) <= 9),
    listing_ids  uuid[]      NOT NULL DEFAULT '{}' CHECK (cardinality(listing_ids) <= 10),
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);
-- The feed reads each followed author's posts newest first from its cursor on: this index
-- serves that as a range scan, so a deep page costs what the first does.
CREATE INDEX posts_by_author ON posts (author_id, created_at DESC, id DESC);
