-- The catalog module's schema: listings, categories, search.
COMMENT ON SCHEMA catalog IS 'Catalog: listings, categories and shopper search';
