-- The compliance module's schema: the decision log and what the rules need.
COMMENT ON SCHEMA compliance IS 'Compliance: identity and listing decisions, the hash-chained decision log';
