/**
 * The ledger: the money that passes through the platform in a double-entry ledger of its
 * own schema (shoppers' payments, what each seller is owed, pending and available, the
 * platform's fees, the PPh 22 withheld, refunds), posted from the orders module's events
 * through the outbox, exactly once each; the published fee schedule; sellers' tax
 * declarations; sellers' and creators' balances and statements, and their payouts to
 * their own bank accounts. docs/ledger.md.
 */
package id.pasar.ledger;
