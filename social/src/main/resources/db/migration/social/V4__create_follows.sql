-- A shopper follows a seller or a creator (followee_id: the seller's or the creator's id).
CREATE TABLE follows (
    follower_id   uuid        NOT NULL,
    followee_kind text        NOT NULL CHECK (followee_kind IN ('SELLER', 'CREATOR')),
    followee_id   uuid        NOT NULL,
    created_at    timestamptz NOT NULL,
    PRIMARY KEY (follower_id, followee_id)
);
-- Follower counts of a profile.
CREATE INDEX follows_by_followee ON follows (followee_id);
