-- A business seller's NPWP, as a blind index only (its ciphertext is inside identity_ciphertext):
-- what an entry of the platform-affiliate list is matched by, besides the NIB (identity_index).
-- Sellers who applied before this column existed have none: an entry by NIB still finds them.
ALTER TABLE sellers ADD COLUMN npwp_index bytea;
CREATE INDEX sellers_npwp_index ON sellers (npwp_index) WHERE npwp_index IS NOT NULL;
