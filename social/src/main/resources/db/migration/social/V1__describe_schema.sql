-- The social module's schema: verified creators, posts, follows (docs/social.md, ADR 0027).
COMMENT ON SCHEMA social IS 'Social: verified creators (identities encrypted, blind-indexed), posts, follows';
