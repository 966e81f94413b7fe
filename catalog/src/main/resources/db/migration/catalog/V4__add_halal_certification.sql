-- Rule set v2 (UU 33/2014, PP 42/2024): food and drink, traditional medicine and herbal products,
-- and cosmetics must be halal-certified or say they are not halal.
ALTER TABLE categories ADD COLUMN halal_required boolean NOT NULL DEFAULT false;
UPDATE categories SET halal_required = true
WHERE code IN ('makanan-minuman', 'kecantikan', 'jamu-herbal')
   OR parent_code IN ('makanan-minuman', 'kecantikan');

ALTER TABLE listings ADD COLUMN halal_status text CHECK (halal_status IN ('CERTIFIED', 'NON_HALAL'));
ALTER TABLE listings ADD COLUMN halal_certificate_number text CHECK (length(halal_certificate_number) <= 40);
