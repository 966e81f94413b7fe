-- Creators (the social module, ADR 0027) are screened by the same identity rules as sellers,
-- and their applications go to the same hash-chained log under their own subject type.
ALTER TABLE decisions DROP CONSTRAINT decisions_subject_type_check;
ALTER TABLE decisions ADD CONSTRAINT decisions_subject_type_check CHECK (subject_type IN ('SELLER_APPLICATION',
    'SELLER_REVIEW', 'SELLER_REVOCATION', 'LISTING_PUBLICATION', 'LISTING_SUSPENSION', 'PLATFORM_AFFILIATE_LIST',
    'CREATOR_APPLICATION'));
