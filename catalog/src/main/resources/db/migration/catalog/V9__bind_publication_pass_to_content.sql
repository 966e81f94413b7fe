-- A PASS is bound to what it checked, not only to the version number (ADR 0007, 2026-12-06). Until now
-- the gate fired on status, version, decision and id only, so an UPDATE of the category, licence,
-- halal data or ship-from of a PUBLISHED row kept its PASS.

-- The content the listing rules look at (ListingRules.ListingFacts: the seller, whose verification is
-- looked up by id; the category, whose prohibition, licence and halal duty come from the category
-- table; the ship-from regency; the licence; the halal status and certificate), as the SHA-256 of
-- this JSON, keys in this order, no spaces, absent values as null:
--   {"sellerId":"…","categoryCode":"…","shipFromRegencyCode":"…","regulatoryLicence":null,"halalStatus":null,"halalCertificateNumber":null}
-- Python's json.dumps(value, ensure_ascii=False, separators=(",", ":")) writes each value the same way.
-- IMMUTABLE although convert_to is only STABLE: the conversion to UTF-8 depends on the database's
-- encoding, which never changes for a database.
CREATE FUNCTION listing_content_hash(seller_id uuid, category_code text, ship_from_regency_code text,
        regulatory_licence text, halal_status text, halal_certificate_number text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to(
        '{"sellerId":' || pg_catalog.to_json(seller_id::text)::text
        || ',"categoryCode":' || coalesce(pg_catalog.to_json(category_code)::text, 'null')
        || ',"shipFromRegencyCode":' || coalesce(pg_catalog.to_json(ship_from_regency_code)::text, 'null')
        || ',"regulatoryLicence":' || coalesce(pg_catalog.to_json(regulatory_licence)::text, 'null')
        || ',"halalStatus":' || coalesce(pg_catalog.to_json(halal_status)::text, 'null')
        || ',"halalCertificateNumber":' || coalesce(pg_catalog.to_json(halal_certificate_number)::text, 'null')
        || '}', 'UTF8')), 'hex')
$$;

-- Generated, so no statement can set it: the workflow reads it with the locked listing and compliance
-- records it on the decision. Adding it rewrites the table once (about 800 MB at a million listings).
ALTER TABLE listings ADD COLUMN content_hash text NOT NULL GENERATED ALWAYS AS (catalog.listing_content_hash(
    seller_id, category_code, ship_from_regency_code, regulatory_licence, halal_status, halal_certificate_number)) STORED;

-- A PUBLISHED row needs a PASS for its id, version and checked content. BEFORE triggers see no generated
-- values yet, so the hash is computed from NEW's columns by the same function.
-- The one exception, for PASSes logged before this migration (they name no content): a row that was
-- PUBLISHED and changes none of its id, version, decision or checked content keeps its PASS, as it
-- did before. Any change of checked content under such a PASS, or publishing with it again (after a
-- detour through DRAFT), is refused: the application always publishes with a fresh PASS.
CREATE OR REPLACE FUNCTION require_publication_pass() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    checked text;
BEGIN
    IF NEW.status <> 'PUBLISHED' THEN
        RETURN NEW;
    END IF;
    checked := catalog.listing_content_hash(NEW.seller_id, NEW.category_code, NEW.ship_from_regency_code,
        NEW.regulatory_licence, NEW.halal_status, NEW.halal_certificate_number);
    IF NEW.decision_id IS NOT NULL
            AND compliance.is_publication_pass(NEW.decision_id, NEW.id, NEW.version, checked) THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.status = 'PUBLISHED' AND NEW.id = OLD.id AND NEW.version = OLD.version
            AND NEW.decision_id = OLD.decision_id AND checked = OLD.content_hash
            AND compliance.is_publication_pass(NEW.decision_id, NEW.id, NEW.version) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'listing % version % has no compliance PASS for its content: it cannot be published', NEW.id, NEW.version
        USING ERRCODE = 'check_violation';
END
$$;

-- Now also on every checked column. Still not on stock, price, title or the rest: orders update stock
-- all the time, and those writes stay as cheap as before.
DROP TRIGGER listings_publication_gate ON listings;
CREATE TRIGGER listings_publication_gate BEFORE INSERT OR UPDATE OF status, version, decision_id, id, seller_id,
    category_code, ship_from_regency_code, regulatory_licence, halal_status, halal_certificate_number ON listings
    FOR EACH ROW EXECUTE FUNCTION require_publication_pass();
