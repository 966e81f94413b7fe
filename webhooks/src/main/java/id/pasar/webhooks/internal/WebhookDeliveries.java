package id.pasar.webhooks.internal;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deliveries: taken in from events (one per seller with an endpoint and event, its body
 * fixed then), sent by {@link DeliveryJobs} each in its own transaction holding its row,
 * retried with back-off until a day after the event, and shown to their seller with every
 * attempt.
 */
@Slf4j
@Service
@RequiredArgsConstructor
public class WebhookDeliveries {

    private static final String COLUMNS = """
            id, seller_id, event_type, body, state, attempts, last_status, last_error, created_at, next_attempt_at,
            give_up_at, delivered_at""";

    private final JdbcClient jdbc;

    private final WebhookEndpoints endpoints;

    private final WebhookAddresses addresses;

    private final WebhookSender sender;

    private final WebhooksProperties properties;

    private final JsonMapper json;

    private final Clock clock;

    /** A delivery as its seller sees it. */
    public record Delivery(UUID id, UUID sellerId, String type, String body, String state, int attempts,
            Integer lastStatusCode, String lastError, Instant createdAt, Instant nextAttemptAt, Instant giveUpAt,
            Instant deliveredAt) {
    }

    /** One attempt: a status code, or the error that stood in for one. */
    public record Attempt(int number, Instant attemptedAt, Integer statusCode, String error, long durationMs) {
    }

    /**
     * The delivery of an event to its seller's endpoint, if the seller has one now; none
     * when this event was taken in before (a replayed publication). Returns whether one
     * was made.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean take(WebhookEvent event) {
        UUID id = UUID.randomUUID();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id.toString());
        body.put("type", event.type());
        body.put("createdAt", event.occurredAt().toString());
        body.put("data", event.data());
        int inserted = jdbc.sql("""
                INSERT INTO webhooks.deliveries (id, seller_id, event_key, event_type, body, state, attempts,
                    created_at, next_attempt_at, give_up_at)
                SELECT :id, seller_id, :key, :type, :body, 'PENDING', 0, :createdAt, :now, :giveUpAt
                FROM webhooks.endpoints WHERE seller_id = :seller
                ON CONFLICT (event_key) DO NOTHING""")
            .param("id", id)
            .param("key", event.key())
            .param("type", event.type())
            .param("body", json.writeValueAsString(body))
            .param("createdAt", Timestamp.from(event.occurredAt()))
            .param("now", Timestamp.from(clock.instant()))
            .param("giveUpAt", Timestamp.from(event.occurredAt().plus(properties.giveUpAfter())))
            .param("seller", event.sellerId())
            .update();
        return inserted == 1;
    }

    /** The deliveries due now, the longest waiting first. */
    @Transactional(readOnly = true)
    public List<UUID> due(int limit) {
        return jdbc.sql("""
                SELECT id FROM webhooks.deliveries WHERE state = 'PENDING' AND next_attempt_at <= :now
                ORDER BY next_attempt_at LIMIT :limit""")
            .param("now", Timestamp.from(clock.instant()))
            .param("limit", limit)
            .query(UUID.class)
            .list();
    }

    /**
     * Attempts one delivery, if it is still due and no one else is attempting it (its row
     * locked, SKIP LOCKED: safe on two instances). The URL is checked again, its host
     * resolved again, and the request goes to the address checked. Returns the delivery
     * as it is now, empty when it was not due.
     */
    @Transactional
    public Optional<Delivery> send(UUID deliveryId) {
        Optional<Delivery> locked = jdbc.sql("SELECT " + COLUMNS + """
                 FROM webhooks.deliveries WHERE id = :id AND state = 'PENDING' AND next_attempt_at <= :now
                FOR UPDATE SKIP LOCKED""")
            .param("id", deliveryId)
            .param("now", Timestamp.from(clock.instant()))
            .query(WebhookDeliveries::map)
            .optional();
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        Delivery delivery = locked.get();
        Optional<WebhookEndpoints.Signing> endpoint = endpoints.signingOf(delivery.sellerId());
        if (endpoint.isEmpty()) {
            jdbc.sql("UPDATE webhooks.deliveries SET state = 'STOPPED', next_attempt_at = NULL WHERE id = :id")
                .param("id", delivery.id())
                .update();
            return one(delivery.sellerId(), delivery.id());
        }
        Instant at = clock.instant();
        WebhookSender.Outcome outcome = attempt(delivery, endpoint.get(), at);
        record(delivery, at, outcome);
        return one(delivery.sellerId(), delivery.id());
    }

    private WebhookSender.Outcome attempt(Delivery delivery, WebhookEndpoints.Signing endpoint, Instant at) {
        WebhookAddresses.Target target;
        try {
            target = addresses.check(endpoint.url());
        }
        catch (WebhookProblems.UrlRefused refused) {
            return WebhookSender.Outcome.failed(refused.code() + ": " + refused.reason(), 0);
        }
        byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Pasar-Event", delivery.type());
        headers.put("X-Pasar-Delivery", delivery.id().toString());
        headers.put("X-Pasar-Signature", WebhookSignature.header(endpoint.secret(), at.getEpochSecond(), body));
        return sender.post(target, headers, body);
    }

    private void record(Delivery delivery, Instant at, WebhookSender.Outcome outcome) {
        int number = delivery.attempts() + 1;
        String error = outcome.error() == null ? null : truncated(outcome.error());
        jdbc.sql("""
                INSERT INTO webhooks.attempts (delivery_id, number, attempted_at, status_code, error, duration_ms)
                VALUES (:id, :number, :at, :status, :error, :duration)""")
            .param("id", delivery.id())
            .param("number", number)
            .param("at", Timestamp.from(at))
            .param("status", outcome.statusCode())
            .param("error", error)
            .param("duration", (int) Math.min(Integer.MAX_VALUE, Math.max(0, outcome.durationMs())))
            .update();
        Instant now = clock.instant();
        String state;
        Instant next = null;
        if (outcome.delivered()) {
            state = "DELIVERED";
        }
        else {
            next = now.plus(properties.backoff(number));
            state = next.isAfter(delivery.giveUpAt()) ? "GAVE_UP" : "PENDING";
            next = state.equals("PENDING") ? next : null;
            log.info("Webhook delivery {} attempt {} failed ({}); {}", delivery.id(), number,
                    outcome.statusCode() != null ? outcome.statusCode() : error,
                    next != null ? "next at " + next : "given up");
        }
        jdbc.sql("""
                UPDATE webhooks.deliveries SET state = :state, attempts = :number, last_status = :status,
                last_error = :error, next_attempt_at = :next, delivered_at = :delivered WHERE id = :id""")
            .param("state", state)
            .param("number", number)
            .param("status", outcome.statusCode())
            .param("error", error)
            .param("next", next == null ? null : Timestamp.from(next))
            .param("delivered", outcome.delivered() ? Timestamp.from(now) : null)
            .param("id", delivery.id())
            .update();
    }

    /**
     * A page of the seller's deliveries, newest first, after the given position (null:
     * from the newest).
     */
    @Transactional(readOnly = true)
    public List<Delivery> pageOf(UUID sellerId, Instant afterCreatedAt, UUID afterId, int limit) {
        String after = afterCreatedAt == null ? "" : " AND (created_at, id) < (:afterAt, :afterId)";
        JdbcClient.StatementSpec query = jdbc
            .sql("SELECT " + COLUMNS + " FROM webhooks.deliveries WHERE seller_id = :seller" + after
                    + " ORDER BY created_at DESC, id DESC LIMIT :limit")
            .param("seller", sellerId)
            .param("limit", limit);
        if (afterCreatedAt != null) {
            query = query.param("afterAt", Timestamp.from(afterCreatedAt)).param("afterId", afterId);
        }
        return query.query(WebhookDeliveries::map).list();
    }

    /**
     * One of the seller's deliveries; another seller's is not found, as a missing one.
     */
    @Transactional(readOnly = true)
    public Optional<Delivery> one(UUID sellerId, UUID deliveryId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhooks.deliveries WHERE id = :id AND seller_id = :seller")
            .param("id", deliveryId)
            .param("seller", sellerId)
            .query(WebhookDeliveries::map)
            .optional();
    }

    /** Every attempt of one of the seller's deliveries, first first. */
    @Transactional(readOnly = true)
    public List<Attempt> attemptsOf(UUID sellerId, UUID deliveryId) {
        return jdbc.sql("""
                SELECT a.number, a.attempted_at, a.status_code, a.error, a.duration_ms FROM webhooks.attempts a
                JOIN webhooks.deliveries d ON d.id = a.delivery_id
                WHERE a.delivery_id = :id AND d.seller_id = :seller ORDER BY a.number""")
            .param("id", deliveryId)
            .param("seller", sellerId)
            .query((rs, row) -> new Attempt(rs.getInt("number"), rs.getTimestamp("attempted_at").toInstant(),
                    (Integer) rs.getObject("status_code"), rs.getString("error"), rs.getLong("duration_ms")))
            .list();
    }

    private static String truncated(String error) {
        return error.length() <= 500 ? error : error.substring(0, 500);
    }

    private static Delivery map(ResultSet rs, int row) throws SQLException {
        return new Delivery(rs.getObject("id", UUID.class), rs.getObject("seller_id", UUID.class),
                rs.getString("event_type"), rs.getString("body"), rs.getString("state"), rs.getInt("attempts"),
                (Integer) rs.getObject("last_status"), rs.getString("last_error"), instant(rs, "created_at"),
                instant(rs, "next_attempt_at"), instant(rs, "give_up_at"), instant(rs, "delivered_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

}
