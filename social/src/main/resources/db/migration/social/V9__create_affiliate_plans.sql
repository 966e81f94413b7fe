-- Affiliate plans, showcases and clicks (issue 21, docs/social.md "Affiliates").

-- A seller opens a listing to affiliates at a commission of the item subtotal, the same for
-- every creator. Insert-only: each change is a row, and the plan in force at a moment is the
-- latest row at or before it; a closing is a row without a rate. An order pays the rate in
-- force when it was placed.
CREATE TABLE affiliate_plans (
    listing_id         uuid        NOT NULL,
    seller_id          uuid        NOT NULL,
    commission_percent integer     CHECK (commission_percent BETWEEN 1 AND 30),
    effective_at       timestamptz NOT NULL,
    PRIMARY KEY (listing_id, effective_at)
);
CREATE INDEX affiliate_plans_by_seller ON affiliate_plans (seller_id, listing_id);
-- The open plans, newest first, for creators looking for listings to promote.
CREATE INDEX affiliate_plans_by_time ON affiliate_plans (effective_at DESC, listing_id DESC)
    WHERE commission_percent IS NOT NULL;

-- The listings a creator chose for its showcase (etalase).
CREATE TABLE showcase_items (
    creator_id uuid        NOT NULL,
    listing_id uuid        NOT NULL,
    added_at   timestamptz NOT NULL,
    PRIMARY KEY (creator_id, listing_id)
);
CREATE INDEX showcase_items_by_time ON showcase_items (creator_id, added_at DESC, listing_id DESC);

-- A signed-in shopper opened a listing from a creator's post (post_id) or showcase (null):
-- a touch. At checkout the shopper's last touch of a listing within 7 days names the creator.
CREATE TABLE affiliate_clicks (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    creator_id uuid        NOT NULL,
    listing_id uuid        NOT NULL,
    post_id    uuid,
    shopper_id uuid        NOT NULL,
    clicked_at timestamptz NOT NULL
);
CREATE INDEX affiliate_clicks_by_shopper ON affiliate_clicks (shopper_id, listing_id, clicked_at DESC);
CREATE INDEX affiliate_clicks_by_creator ON affiliate_clicks (creator_id, clicked_at);

-- A creator's mobile number, encrypted, and its keyed hash: an order delivered to the
-- creator's own number is the creator's own purchase and earns it no commission.
ALTER TABLE creators ADD COLUMN phone_ciphertext bytea;
ALTER TABLE creators ADD COLUMN phone_index bytea;
