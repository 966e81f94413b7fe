/**
 * The ledger: the money that passes through the platform in a double-entry ledger of its
 * own schema (shoppers' payments, what each seller is owed, pending and available, the
 * platform's fees, the PPh 22 withheld, refunds), posted from the orders module's events
 * through the outbox, exactly once each; the published fee schedule; sellers' tax
 * declarations; sellers' balances and statements. docs/ledger.md.
 */
package id.pasar.ledger;
