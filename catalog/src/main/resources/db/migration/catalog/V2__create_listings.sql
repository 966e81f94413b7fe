-- Typo-tolerant search needs trigrams; the extension lives in public so every schema can use it.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

-- Reference data: a two-level tree. Regulated categories name the licence they need.
CREATE TABLE categories (
    code             text    PRIMARY KEY CHECK (code ~ '^[a-z0-9-]{2,40}$'),
    parent_code      text    REFERENCES categories (code),
    name             text    NOT NULL,
    name_en          text    NOT NULL,
    prohibited       boolean NOT NULL DEFAULT false,
    required_licence text    CHECK (required_licence IN ('BPOM', 'SNI')),
    licence_kind     text    CHECK (licence_kind IN ('FOOD', 'COSMETICS', 'TRADITIONAL_MEDICINE', 'SNI')),
    sort_order       integer NOT NULL,
    CHECK ((required_licence IS NULL) = (licence_kind IS NULL))
);

CREATE TABLE listings (
    id                      uuid        PRIMARY KEY,
    seller_id               uuid        NOT NULL,
    title                   text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description             text        NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
    category_code           text        NOT NULL REFERENCES categories (code),
    price_idr               bigint      NOT NULL CHECK (price_idr BETWEEN 1 AND 10000000000),
    stock                   integer     NOT NULL CHECK (stock >= 0),
    ship_from_regency_code  text        NOT NULL CHECK (ship_from_regency_code ~ '^\d{2}\.\d{2}$'),
    province_code           text        NOT NULL GENERATED ALWAYS AS (substr(ship_from_regency_code, 1, 2)) STORED,
    weight_grams            integer     NOT NULL CHECK (weight_grams BETWEEN 1 AND 1000000),
    regulatory_licence      text        CHECK (length(regulatory_licence) <= 100),
    status                  text        NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'SUSPENDED')),
    -- The content version: every material edit increments it, and a PASS is bound to one version.
    version                 integer     NOT NULL CHECK (version >= 1),
    decision_id             uuid,
    rule_set_version        text,
    reasons                 text[]      NOT NULL DEFAULT '{}',
    shop_name               text,
    search                  tsvector    NOT NULL GENERATED ALWAYS AS (
                                setweight(to_tsvector('indonesian', title), 'A')
                                || setweight(to_tsvector('indonesian', description), 'B')) STORED,
    created_at              timestamptz NOT NULL,
    updated_at              timestamptz NOT NULL,
    published_at            timestamptz,
    lock_version            bigint      NOT NULL DEFAULT 0
);

-- Invariant 1, in the database: a PUBLISHED row must carry a compliance PASS for its version,
-- whoever writes it (the application, a script, an operator with psql).
CREATE FUNCTION require_publication_pass() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status = 'PUBLISHED' AND (NEW.decision_id IS NULL
            OR NOT compliance.is_publication_pass(NEW.decision_id, NEW.id, NEW.version)) THEN
        RAISE EXCEPTION 'listing % version % has no compliance PASS: it cannot be published', NEW.id, NEW.version
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;
-- Only writes that can change what is published are checked: stock updates (every order) are not.
CREATE TRIGGER listings_publication_gate BEFORE INSERT OR UPDATE OF status, version, decision_id, id ON listings
    FOR EACH ROW EXECUTE FUNCTION require_publication_pass();

-- A seller's own listings, newest first.
CREATE INDEX listings_by_seller ON listings (seller_id, created_at DESC, id DESC);
-- Shopper search only ever reads the published shelf: every search index is partial on it.
CREATE INDEX listings_published_search ON listings USING gin (search) WHERE status = 'PUBLISHED';
CREATE INDEX listings_published_title_trgm ON listings USING gin (title public.gin_trgm_ops) WHERE status = 'PUBLISHED';
CREATE INDEX listings_published_price ON listings (price_idr, id) WHERE status = 'PUBLISHED';
CREATE INDEX listings_published_newest ON listings (published_at DESC, id DESC) WHERE status = 'PUBLISHED';
CREATE INDEX listings_published_category_price ON listings (category_code, price_idr, id) WHERE status = 'PUBLISHED';
CREATE INDEX listings_published_province_price ON listings (province_code, price_idr, id) WHERE status = 'PUBLISHED';
