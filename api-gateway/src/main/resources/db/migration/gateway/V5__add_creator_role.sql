-- CREATOR: a self-service role, like SHOPPER and SELLER (issue 21, ADR 0027).
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check
    CHECK (role IN ('SHOPPER', 'SELLER', 'COMPLIANCE_OFFICER', 'AUDITOR', 'ADMIN', 'CREATOR'));
