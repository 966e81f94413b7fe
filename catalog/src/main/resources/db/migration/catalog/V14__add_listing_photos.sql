-- Listing photos (issue 21, ADR 0026): up to 9, ordered, each a photo of the media module
-- (media.media, by id: no foreign key across schemas; the application checks that each is the
-- seller's own when it is written). An array on the row, so search and detail read them with
-- the listing and nothing else: a URL follows from a photo's id (MediaUrls). Instant to add: no
-- table rewrite.
ALTER TABLE listings
    ADD COLUMN photo_ids uuid[] NOT NULL DEFAULT '{}' CHECK (cardinality(photo_ids) <= 9);

-- What a PASS checks grows by the photos, in their order (the first is the cover): a shopper
-- sees them, so a new photo needs a new check like any other content. A listing without photos
-- checks what it checked before (V11's checked_content), so every PASS logged before stays the
-- proof of its listing and no decision or row needs rewriting.
CREATE FUNCTION checked_content(content_hash text, option_types text[], options_hash text, photo_ids uuid[])
    RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE WHEN cardinality(photo_ids) = 0 THEN catalog.checked_content(content_hash, option_types, options_hash)
        ELSE pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to(
            catalog.checked_content(content_hash, option_types, options_hash) || ':photos:'
                || pg_catalog.array_to_string(photo_ids, ','),
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
        NEW.option_types, NEW.options_hash, NEW.photo_ids);
    IF NEW.decision_id IS NOT NULL
            AND compliance.is_publication_pass(NEW.decision_id, NEW.id, NEW.version, checked) THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        was_checked := catalog.checked_content(OLD.content_hash, OLD.option_types, OLD.options_hash, OLD.photo_ids);
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
    option_types, options_hash, photo_ids ON listings
    FOR EACH ROW EXECUTE FUNCTION require_publication_pass();
