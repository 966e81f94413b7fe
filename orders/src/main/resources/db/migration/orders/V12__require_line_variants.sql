-- V11 filled every line's variant; from here every line names one. The purchase limit counts a
-- shopper's unpaid units per variant.
ALTER TABLE order_lines ALTER COLUMN variant_id SET NOT NULL;
CREATE INDEX order_lines_by_variant ON order_lines (variant_id);
