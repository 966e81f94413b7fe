-- The ledger module's schema: the double-entry ledger of the money that passes through the
-- platform, the fee schedule, and the sellers' tax declarations (docs/ledger.md).
COMMENT ON SCHEMA ledger IS 'Ledger: money owed to sellers, fees, PPh 22 withheld, refunds, payouts';
