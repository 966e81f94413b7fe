-- The listing's category when the line was ordered: the fee schedule's rate is by category
-- (issue 20, docs/ledger.md). Lines ordered before this migration have none, and pay the
-- schedule's default rate.
ALTER TABLE order_lines ADD COLUMN category_code text;
