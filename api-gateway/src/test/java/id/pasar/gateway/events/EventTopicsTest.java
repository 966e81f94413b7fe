package id.pasar.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import id.pasar.catalog.ListingTakenDown;
import id.pasar.compliance.PlatformAffiliateList;
import id.pasar.orders.OrderPaid;
import id.pasar.orders.OrderPlaced;
import id.pasar.orders.OrderStatus;
import id.pasar.orders.SellerOrderClosed;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The routing table and the envelope of docs/events.md, without a broker. */
class EventTopicsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final UUID ORDER = UUID.fromString("0f8e2a52-3c1b-4c55-9b7e-2d8c1f0a9e11");

    static final UUID LISTING = UUID.fromString("5b1d3c8e-7f2a-4e9d-8c6b-1a2b3c4d5e6f");

    static final UUID SELLER = UUID.fromString("9c7b5a3e-1d2f-4a6b-8e9c-0d1e2f3a4b5c");

    static final OrderPlaced PLACED = new OrderPlaced(ORDER, Instant.parse("2026-12-06T08:30:00Z"),
            List.of(new OrderPlaced.Line(LISTING, SELLER, 2, 25_000)));

    @Test
    void anOrdersEventsGoToTheOrdersTopicUnderTheOrdersId() {
        ProducerRecord<String, byte[]> placed = EventTopics.record(PLACED);
        ProducerRecord<String, byte[]> closed = EventTopics.record(new SellerOrderClosed(ORDER, UUID.randomUUID(),
                SELLER, OrderStatus.CANCELLED, 25_000, 9_000, Instant.parse("2026-12-06T09:00:00Z")));

        assertThat(placed.topic()).isEqualTo("pasar.orders");
        assertThat(placed.key()).isEqualTo(ORDER.toString());
        assertThat(closed.topic()).isEqualTo("pasar.orders");
        assertThat(closed.key()).as("a seller order's events keep the order's order").isEqualTo(ORDER.toString());
        assertThat(header(placed, "pasar-event-type")).isEqualTo("OrderPlaced");
        assertThat(header(placed, "pasar-event-version")).isEqualTo("1");
        assertThat(header(placed, "content-type")).isEqualTo("application/json");
    }

    @Test
    void version1IsPlainJsonWithIsoTimesAndWholeRupiah() {
        JsonNode placed = JSON.readTree(EventTopics.record(PLACED).value());

        assertThat(placed.get("orderId").asString()).isEqualTo(ORDER.toString());
        assertThat(placed.get("placedAt").asString()).isEqualTo("2026-12-06T08:30:00Z");
        JsonNode line = placed.get("lines").get(0);
        assertThat(line.get("listingId").asString()).isEqualTo(LISTING.toString());
        assertThat(line.get("quantity").asInt()).isEqualTo(2);
        assertThat(line.get("lineTotalIdr").isIntegralNumber()).isTrue();
        JsonNode takenDown = JSON.readTree(
                EventTopics
                    .record(new ListingTakenDown(LISTING, SELLER, 3, "SUSPENDED", List.of("SELLER_NOT_VERIFIED"),
                            Instant.parse("2026-12-06T09:00:00Z")))
                    .value());
        assertThat(takenDown.get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(takenDown.get("reasons").get(0).asString()).isEqualTo("SELLER_NOT_VERIFIED");
    }

    @Test
    void anEventSentAgainKeepsItsIdAndAnotherEventHasAnother() {
        String first = header(EventTopics.record(PLACED), "pasar-event-id");
        String again = header(EventTopics.record(new OrderPlaced(ORDER, PLACED.placedAt(), PLACED.lines())),
                "pasar-event-id");
        String paid = header(
                EventTopics.record(new OrderPaid(ORDER, 25_000, PLACED.placedAt(), PLACED.placedAt(),
                        List.of(new OrderPaid.SellerOrderPaid(UUID.randomUUID(), SELLER, 25_000, 0, Map.of(), null)))),
                "pasar-event-id");

        assertThat(again).isEqualTo(first);
        assertThat(paid).isNotEqualTo(first);
    }

    @Test
    void onlyTheTableGoesToKafka() {
        var configuration = EventTopics.configuration();
        PlatformAffiliateList.Listed listed = new PlatformAffiliateList.Listed(UUID.randomUUID(), new byte[32],
                new byte[32], UUID.randomUUID(), "admin");

        assertThat(configuration.supports(PLACED)).isTrue();
        assertThat(configuration.determineTarget(PLACED).getTarget()).isEqualTo("pasar.orders");
        assertThat(configuration.determineTarget(PLACED).getKey()).isEqualTo(ORDER.toString());
        assertThat(configuration.supports(listed)).as("keyed hashes of identity numbers stay in the process").isFalse();
        assertThat(configuration.supports("text")).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> EventTopics.record(listed));
        assertThat(EventTopics.ROUTES).extracting(EventTopics.Route::topic).containsOnlyElementsOf(EventTopics.ALL);
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

}
