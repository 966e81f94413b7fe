package id.pasar.gateway.events;

import id.pasar.catalog.ListingOfferChanged;
import id.pasar.catalog.ListingPublished;
import id.pasar.catalog.ListingTakenDown;
import id.pasar.kernel.EventRecords;
import id.pasar.ledger.PayoutPaid;
import id.pasar.onboarding.SellerRevoked;
import id.pasar.orders.OrderCancelled;
import id.pasar.orders.OrderPaid;
import id.pasar.orders.OrderPlaced;
import id.pasar.orders.RefundSucceeded;
import id.pasar.orders.ReturnRequested;
import id.pasar.orders.SellerOrderClosed;
import id.pasar.orders.SettlementNotTaken;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which events go to Kafka, to which topic, under which key, in which version of the
 * schema: the one table of it (docs/events.md describes each event's fields). One topic
 * per aggregate, keyed by the aggregate's id, so that the events of one order, one
 * listing or one seller stay in order on one partition. Compliance's
 * {@code PlatformAffiliateList.Listed} is not here: it carries keyed hashes of identity
 * numbers and stays in the process.
 */
final class EventTopics {

    static final String ORDERS = "pasar.orders";

    static final String LISTINGS = "pasar.listings";

    static final String SELLERS = "pasar.sellers";

    static final String LEDGER = "pasar.ledger";

    static final List<String> ALL = List.of(ORDERS, LISTINGS, SELLERS, LEDGER);

    /** The headers of every record (docs/events.md, "Envelope"). */
    static final String TYPE_HEADER = EventRecords.TYPE_HEADER;

    static final String VERSION_HEADER = EventRecords.VERSION_HEADER;

    static final String ID_HEADER = EventRecords.ID_HEADER;

    static final String CONTENT_TYPE_HEADER = "content-type";

    /**
     * Writes version 1: records as JSON objects, times as ISO-8601 text in UTC, enums as
     * their names, amounts in whole rupiah.
     */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * An event type on Kafka: its topic, its key, and the version of its fields. A change
     * that a consumer of the old fields cannot read (a field removed, renamed or retyped)
     * is a new version; a field added is not.
     */
    record Route<T>(Class<T> type, String topic, Function<T, UUID> key, int version) {

        String name() {
            return type.getSimpleName();
        }

        String keyOf(Object event) {
            return key.apply(type.cast(event)).toString();
        }

    }

    static final List<Route<?>> ROUTES = List.of(new Route<>(OrderPlaced.class, ORDERS, OrderPlaced::orderId, 1),
            new Route<>(OrderPaid.class, ORDERS, OrderPaid::orderId, 1),
            new Route<>(OrderCancelled.class, ORDERS, OrderCancelled::orderId, 1),
            new Route<>(SellerOrderClosed.class, ORDERS, SellerOrderClosed::orderId, 1),
            new Route<>(ReturnRequested.class, ORDERS, ReturnRequested::orderId, 1),
            new Route<>(RefundSucceeded.class, ORDERS, RefundSucceeded::orderId, 1),
            new Route<>(SettlementNotTaken.class, ORDERS, SettlementNotTaken::orderId, 1),
            new Route<>(ListingPublished.class, LISTINGS, ListingPublished::listingId, 1),
            new Route<>(ListingOfferChanged.class, LISTINGS, ListingOfferChanged::listingId, 1),
            new Route<>(ListingTakenDown.class, LISTINGS, ListingTakenDown::listingId, 1),
            new Route<>(SellerRevoked.class, SELLERS, SellerRevoked::sellerId, 1),
            new Route<>(PayoutPaid.class, LEDGER, PayoutPaid::sellerId, 1));

    private static final Map<Class<?>, Route<?>> BY_TYPE = ROUTES.stream()
        .collect(Collectors.toUnmodifiableMap(Route::type, Function.identity()));

    private EventTopics() {
    }

    /**
     * The table as Spring Modulith's externalization configuration: it decides which
     * publications the outbox stores for the Kafka externalizer.
     */
    static EventExternalizationConfiguration configuration() {
        return EventExternalizationConfiguration.externalizing()
            .select(event -> BY_TYPE.containsKey(event.getClass()))
            .routeAll(event -> {
                Route<?> route = BY_TYPE.get(event.getClass());
                return RoutingTarget.forTarget(route.topic()).andKey(route.keyOf(event));
            })
            .build();
    }

    /**
     * The record of an event: its topic and key, its JSON, and the envelope's headers.
     * The event id is derived from the type and the JSON, so an event sent again (the
     * outbox delivers at least once) carries the id it had.
     * @throws IllegalArgumentException for an event type not in the table
     */
    static ProducerRecord<String, byte[]> record(Object event) {
        Route<?> route = BY_TYPE.get(event.getClass());
        if (route == null) {
            throw new IllegalArgumentException(event.getClass().getName() + " does not go to Kafka");
        }
        byte[] json = JSON.writeValueAsBytes(event);
        byte[] named = (route.name() + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] seed = new byte[named.length + json.length];
        System.arraycopy(named, 0, seed, 0, named.length);
        System.arraycopy(json, 0, seed, named.length, json.length);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(route.topic(), route.keyOf(event), json);
        record.headers()
            .add(TYPE_HEADER, utf8(route.name()))
            .add(VERSION_HEADER, utf8(Integer.toString(route.version())))
            .add(ID_HEADER, utf8(UUID.nameUUIDFromBytes(seed).toString()))
            .add(CONTENT_TYPE_HEADER, utf8("application/json"));
        return record;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

}
