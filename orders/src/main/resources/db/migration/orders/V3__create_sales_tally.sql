-- Orders placed per listing and Asia/Jakarta day, kept from OrderPlaced events (through the
-- outbox): aggregate figures for reports, never shown per seller to platform staff.
CREATE TABLE listing_daily_sales (
    day         date    NOT NULL,
    listing_id  uuid    NOT NULL,
    seller_id   uuid    NOT NULL,
    orders      integer NOT NULL,
    units       integer NOT NULL,
    revenue_idr bigint  NOT NULL,
    PRIMARY KEY (day, listing_id)
);
CREATE INDEX listing_daily_sales_by_seller ON listing_daily_sales (seller_id, day);

-- Orders already tallied: the outbox delivers at least once, this makes the tally count once.
CREATE TABLE tallied_orders (
    order_id uuid PRIMARY KEY
);
