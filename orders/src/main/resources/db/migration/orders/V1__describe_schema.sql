-- The orders module's schema: orders, seller orders, idempotency keys, payments.
COMMENT ON SCHEMA orders IS 'Orders: checkout, stock reservations, payments, fulfilment';
