-- The reconciliation of a day's payments against the ledger (SalesStatistics.paidByDay, issue 20)
-- reads the orders paid that day.
CREATE INDEX orders_by_paid_at ON orders (paid_at) WHERE paid_at IS NOT NULL;
