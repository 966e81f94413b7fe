-- Exposure per listing and Asia/Jakarta day (the equal playing field, api.md): impressions (a
-- listing shown on the first page of a search or category result) and detail views, counted in
-- memory and added here in batches every few seconds. Orders per listing and day are the orders
-- module's sales tally. Aggregate figures for auditors: never shown per listing or per seller.
CREATE TABLE listing_exposure (
    day           date   NOT NULL,
    listing_id    uuid   NOT NULL,
    seller_id     uuid   NOT NULL,
    impressions   bigint NOT NULL CHECK (impressions >= 0),
    detail_views  bigint NOT NULL CHECK (detail_views >= 0),
    PRIMARY KEY (day, listing_id)
);
