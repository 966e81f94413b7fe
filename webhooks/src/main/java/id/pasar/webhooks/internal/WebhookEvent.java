package id.pasar.webhooks.internal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One event a seller is notified of, as {@link WebhookEvents} takes it from another
 * module's event: a new type is one more listener method there, nothing else.
 *
 * @param type the {@code type} of the body and the {@code X-Pasar-Event} header
 * ({@code ORDER_PAID})
 * @param subjectId what the event is about, unique within its type (a seller order, a
 * return): with the type it is the delivery's idempotency key
 * @param sellerId whose endpoint it goes to
 * @param occurredAt the body's {@code createdAt}; retries end a day after it
 * @param data the body's {@code data}: ids and amounts, never a shopper's personal data
 */
public record WebhookEvent(String type, UUID subjectId, UUID sellerId, Instant occurredAt, Map<String, Object> data) {

    String key() {
        return type + ":" + subjectId;
    }

}
