/**
 * Orders: shopper checkout split per seller, stock reservation, idempotent placement,
 * payment notifications, expiry and fulfilment.
 */
package id.pasar.orders;
