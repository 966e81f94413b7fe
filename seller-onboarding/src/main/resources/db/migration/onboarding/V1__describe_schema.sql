-- The onboarding module's schema: seller applications and their (encrypted) identities.
COMMENT ON SCHEMA onboarding IS 'Seller onboarding: seller applications, identities (encrypted, blind-indexed), life cycle';
