-- A line reached through a creator (issue 21, docs/social.md "Affiliates"): the creator whose
-- reference the shopper last touched, and the commission rate of the listing's affiliate plan
-- in force when the order was placed. Both or neither.
ALTER TABLE order_lines ADD COLUMN affiliate_creator_id uuid;
ALTER TABLE order_lines ADD COLUMN commission_percent integer CHECK (commission_percent BETWEEN 1 AND 30);
ALTER TABLE order_lines ADD CONSTRAINT order_lines_attribution_whole
    CHECK ((affiliate_creator_id IS NULL) = (commission_percent IS NULL));
-- The affiliates report reads the attributed lines by the time their orders were paid.
CREATE INDEX order_lines_by_creator ON order_lines (affiliate_creator_id) WHERE affiliate_creator_id IS NOT NULL;

-- A cart line remembers the reference it was added with, to carry it to the order.
ALTER TABLE cart_lines ADD COLUMN affiliate_ref text CHECK (length(affiliate_ref) <= 120);
