-- An order line names the variant it took (issue 24, ADR 0023) and what the shopper chose of it
-- ("Merah / XL"; null for a listing without options). Lines placed before variants took the one
-- variant of their listing, whose id is the listing's: V11 fills variant_id so, in batches, and V12
-- makes it required.
ALTER TABLE order_lines ADD COLUMN variant_id uuid, ADD COLUMN variant_label text;

CREATE FUNCTION backfill_order_line_variants(after uuid, batch integer) RETURNS uuid LANGUAGE sql AS $$
    WITH next AS (
        SELECT id FROM orders.order_lines
        WHERE id > coalesce(after, '00000000-0000-0000-0000-000000000000') ORDER BY id LIMIT batch
    ), filled AS (
        UPDATE orders.order_lines l SET variant_id = l.listing_id
        FROM next WHERE l.id = next.id AND l.variant_id IS NULL
    )
    SELECT id FROM next ORDER BY id DESC LIMIT 1
$$;
