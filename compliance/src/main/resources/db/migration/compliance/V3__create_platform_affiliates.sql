-- Companies affiliated with the platform (compliance-rules.md, PLATFORM_AFFILIATE): the platform
-- competes with no seller, so none of them may sell here. NIB and NPWP are personal data:
-- encrypted, found by their keyed hash (blind index), shown masked.
CREATE TABLE platform_affiliates (
    id               uuid        PRIMARY KEY,
    legal_name       text        NOT NULL,
    nib_index        bytea,
    npwp_index       bytea,
    nib_ciphertext   bytea,
    npwp_ciphertext  bytea,
    nib_masked       text,
    npwp_masked      text,
    note             text,
    created_at       timestamptz NOT NULL,
    CHECK (nib_index IS NOT NULL OR npwp_index IS NOT NULL)
);
CREATE UNIQUE INDEX platform_affiliates_nib ON platform_affiliates (nib_index) WHERE nib_index IS NOT NULL;
CREATE UNIQUE INDEX platform_affiliates_npwp ON platform_affiliates (npwp_index) WHERE npwp_index IS NOT NULL;
