-- Variants (issue 24, ADR 0023): what a shopper buys is a variant of a listing, with its own price,
-- stock, weight and SKU. A listing has zero, one or two option types (option_types: "Ukuran",
-- "Warna") and its variants carry one value per type, in that order. A listing without options has
-- exactly one variant, whose id is the listing's (so every listing id that was ordered or put in a
-- cart still names what it named); V12 gives every existing listing that variant.
CREATE TABLE listing_variants (
    id              uuid        PRIMARY KEY,
    listing_id      uuid        NOT NULL REFERENCES listings (id),
    seller_id       uuid        NOT NULL,
    position        integer     NOT NULL CHECK (position BETWEEN 0 AND 99),
    option_values   text[]      NOT NULL CHECK (cardinality(option_values) <= 2),
    sku             text        CHECK (sku ~ '^[A-Za-z0-9._/-]{1,50}$'),
    price_idr       bigint      NOT NULL CHECK (price_idr BETWEEN 1 AND 10000000000),
    stock           integer     NOT NULL CHECK (stock >= 0),
    weight_grams    integer     NOT NULL CHECK (weight_grams BETWEEN 1 AND 1000000),
    UNIQUE (listing_id, option_values)
);
CREATE INDEX listing_variants_by_listing ON listing_variants (listing_id, position);
-- A SKU names one variant among all of its seller's.
CREATE UNIQUE INDEX listing_variants_sku ON listing_variants (seller_id, sku) WHERE sku IS NOT NULL;

-- The listing keeps what search and the shelf read of its variants, kept by the trigger below when
-- variants come, go or change price or options: price_idr is the lowest price (search shows it,
-- "from" when max_price_idr is set), max_price_idr the highest when prices differ (else null),
-- stock the sum, variant_count the number. A variant's stock that moves (an order, a restock)
-- moves the listing's stock in the same transaction (StockKeeper, SellerListings): that is every
-- order, so no trigger does it. All four columns are instant to add: no table rewrite.
ALTER TABLE listings
    ADD COLUMN option_types  text[]  NOT NULL DEFAULT '{}' CHECK (cardinality(option_types) <= 2),
    ADD COLUMN max_price_idr bigint,
    ADD COLUMN variant_count integer NOT NULL DEFAULT 1 CHECK (variant_count BETWEEN 0 AND 100),
    -- The SHA-256 of the variants' option values, sorted; null for a listing without options.
    ADD COLUMN options_hash  text;

CREATE FUNCTION summarise_variants(listing_ids uuid[]) RETURNS void LANGUAGE sql AS $$
    UPDATE catalog.listings l
    SET price_idr = a.min_price, max_price_idr = nullif(a.max_price, a.min_price), stock = a.stock,
        variant_count = a.n, options_hash = a.options_hash
    FROM (SELECT v.listing_id, min(v.price_idr) AS min_price, max(v.price_idr) AS max_price,
                 sum(v.stock)::integer AS stock, count(*)::integer AS n,
                 CASE WHEN count(*) = 1 AND bool_and(cardinality(v.option_values) = 0) THEN NULL
                      ELSE pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to(
                          pg_catalog.string_agg(pg_catalog.to_json(v.option_values)::text, ',' ORDER BY v.option_values),
                          'UTF8')), 'hex') END AS options_hash
          FROM catalog.listing_variants v WHERE v.listing_id = ANY (listing_ids) GROUP BY v.listing_id) a
    WHERE l.id = a.listing_id
      AND (l.price_idr, l.max_price_idr, l.stock, l.variant_count, l.options_hash)
          IS DISTINCT FROM (a.min_price, nullif(a.max_price, a.min_price), a.stock, a.n, a.options_hash)
$$;

CREATE FUNCTION summarise_variants_of_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM catalog.summarise_variants(ARRAY(SELECT DISTINCT listing_id FROM changed));
    RETURN NULL;
END
$$;
CREATE TRIGGER listing_variants_inserted AFTER INSERT ON listing_variants
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION summarise_variants_of_changed();
CREATE TRIGGER listing_variants_deleted AFTER DELETE ON listing_variants
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION summarise_variants_of_changed();

CREATE FUNCTION summarise_changed_variant() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM catalog.summarise_variants(ARRAY[NEW.listing_id, OLD.listing_id]);
    RETURN NULL;
END
$$;
CREATE TRIGGER listing_variants_changed AFTER UPDATE OF price_idr, option_values, listing_id ON listing_variants
    FOR EACH ROW EXECUTE FUNCTION summarise_changed_variant();

-- What a PASS checks (ADR 0007, 0023): the content hash of V9 and, for a listing with options, its
-- option types and its variants' option values: adding or removing a variant or changing option
-- values is content, a variant's price, stock, weight or SKU is not. For a listing without options
-- it is the content hash itself, so every PASS logged before stays the proof of its listing.
CREATE FUNCTION checked_content(content_hash text, option_types text[], options_hash text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE WHEN cardinality(option_types) = 0 AND options_hash IS NULL THEN content_hash
        ELSE pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to(
            content_hash || ':' || pg_catalog.to_json(option_types)::text || ':' || coalesce(options_hash, ''),
            'UTF8')), 'hex') END
$$;

CREATE OR REPLACE FUNCTION require_publication_pass() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    checked text;
    was_checked text;
BEGIN
    IF NEW.status <> 'PUBLISHED' THEN
        RETURN NEW;
    END IF;
    checked := catalog.checked_content(catalog.listing_content_hash(NEW.seller_id, NEW.category_code,
        NEW.ship_from_regency_code, NEW.regulatory_licence, NEW.halal_status, NEW.halal_certificate_number),
        NEW.option_types, NEW.options_hash);
    IF NEW.decision_id IS NOT NULL
            AND compliance.is_publication_pass(NEW.decision_id, NEW.id, NEW.version, checked) THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        was_checked := catalog.checked_content(OLD.content_hash, OLD.option_types, OLD.options_hash);
        IF OLD.status = 'PUBLISHED' AND NEW.id = OLD.id AND NEW.version = OLD.version
                AND NEW.decision_id = OLD.decision_id AND checked = was_checked
                AND compliance.is_publication_pass(NEW.decision_id, NEW.id, NEW.version) THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'listing % version % has no compliance PASS for its content: it cannot be published', NEW.id, NEW.version
        USING ERRCODE = 'check_violation';
END
$$;

DROP TRIGGER listings_publication_gate ON listings;
CREATE TRIGGER listings_publication_gate BEFORE INSERT OR UPDATE OF status, version, decision_id, id, seller_id,
    category_code, ship_from_regency_code, regulatory_licence, halal_status, halal_certificate_number,
    option_types, options_hash ON listings
    FOR EACH ROW EXECUTE FUNCTION require_publication_pass();

-- The application role's privileges come from V6's default privileges.

-- V12's work, one batch at a time: the listings after `after` (by id) that have no variant yet get
-- the one variant of a listing without options, whose id is the listing's. Returns the last listing
-- id of the batch, null when none was left. No summary changes (one variant: the listing's own
-- price and stock), so the insert trigger finds nothing to update. bench/migration times it at
-- 1,000,000 listings (docs/performance.md).
CREATE FUNCTION backfill_listing_variants(after uuid, batch integer) RETURNS uuid LANGUAGE sql AS $$
    WITH next AS (
        SELECT id, seller_id, price_idr, stock, weight_grams FROM catalog.listings
        WHERE id > coalesce(after, '00000000-0000-0000-0000-000000000000') ORDER BY id LIMIT batch
    ), added AS (
        INSERT INTO catalog.listing_variants (id, listing_id, seller_id, position, option_values, price_idr, stock,
                                              weight_grams)
        SELECT id, id, seller_id, 0, '{}', price_idr, stock, weight_grams FROM next
        WHERE NOT EXISTS (SELECT 1 FROM catalog.listing_variants v WHERE v.listing_id = next.id)
    )
    SELECT id FROM next ORDER BY id DESC LIMIT 1
$$;
