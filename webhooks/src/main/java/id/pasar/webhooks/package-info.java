/**
 * Webhooks: a seller registers one HTTPS endpoint and is notified of its own seller
 * orders' events (paid, cancelled, a return asked for), each delivery signed with the
 * seller's secret (HMAC-SHA256), retried with back-off for a day, and visible to the
 * seller with every attempt. Its events come from the orders module through the outbox;
 * it offers nothing to other modules (docs/webhooks.md, ADR 0024).
 */
package id.pasar.webhooks;
