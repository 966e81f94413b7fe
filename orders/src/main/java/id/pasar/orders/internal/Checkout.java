package id.pasar.orders.internal;

import id.pasar.catalog.ListingStock;
import id.pasar.social.Affiliates;
import id.pasar.catalog.ListingStock.Taken;
import id.pasar.compliance.RegencyCode;
import id.pasar.compliance.Regions;
import id.pasar.orders.OrderPlaced;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Placing an order: the Idempotency-Key claimed, a domestic address, the purchase limit,
 * stock taken all or nothing, priced from the catalog, and the key completed with the
 * response in the order's transaction; on any failure the key is released, so the same
 * key may try again.
 */
@Slf4j
@Service
@RequiredArgsConstructor
public class Checkout {

    private final OrderRepository orders;

    private final ListingStock stock;

    private final ShippingQuotes shipping;

    private final Regions regions;

    private final IdempotencyKeys keys;

    private final KeyedRequests keyed;

    private final CheckoutQueue queue;

    private final ShopperLock shopperLock;

    private final Cart cart;

    private final Affiliates affiliates;

    private final OrdersProperties properties;

    private final JdbcClient jdbc;

    private final ApplicationEventPublisher events;

    private final TransactionTemplate transactions;

    private final Clock clock;

    /**
     * So many units of a variant (of a listing without options: the listing's id).
     *
     * @param affiliateRef the creator's reference the shopper reached it through; null
     * when none
     */
    public record Line(UUID variantId, int quantity, String affiliateRef) {
    }

    /** What an order takes: lines given with it, or lines of the shopper's cart. */
    public sealed interface Basket permits Items, FromCart {

    }

    public record Items(List<Line> lines) implements Basket {
    }

    /**
     * The cart's lines of these sellers, or of all when empty; ordered lines leave the
     * cart in the order's transaction.
     */
    public record FromCart(Set<UUID> sellerIds) implements Basket {
    }

    /** The courier service a shopper chose for one seller's parcel. */
    public record ShippingPick(UUID sellerId, String courier, String service) {
    }

    /**
     * How long a checkout may wait in the queue for a shopper's lock or a listing's row.
     */
    static final String QUEUE_TIMEOUT = "30s";

    /**
     * How many times a checkout prices its order again when a seller edits a listing
     * meanwhile.
     */
    static final int QUOTE_ATTEMPTS = 3;

    /**
     * Places the order once per Idempotency-Key ({@link KeyedRequests}), in its turn
     * ({@link CheckoutQueue}). The order and the key's completion commit together; any
     * failure of the placement releases the key. {@code render} turns the order into the
     * response body, which is stored for replays and answered now, so that a replay
     * answers exactly what the first request did.
     * @param requestHash a fingerprint of the request, to tell a retry from another
     * request
     */
    public Result place(UUID shopperId, String idempotencyKey, String requestHash, Basket basket,
            ShippingAddress address, List<ShippingPick> picks, Function<Order, String> render) {
        refuseIfSeenSoldOut(shopperId, idempotencyKey, basket);
        List<UUID> variants = basket instanceof Items items ? items.lines().stream().map(Line::variantId).toList()
                : List.of();
        return queue.inTurn(variants, () -> {
            // Sold out while this one waited for its turn: the rest of a flash sale's
            // burst.
            refuseIfSeenSoldOut(shopperId, idempotencyKey, basket);
            return keyed.once(shopperId, idempotencyKey, requestHash, (status, body) -> new Result(null, status, body),
                    () -> placeQuoted(shopperId, idempotencyKey, basket, address, picks, render));
        });
    }

    /**
     * Refuses an order for a listing this instance saw sold out a moment ago, before the
     * key is claimed: a flash sale's late orders cost no transaction but the key's lookup
     * (ADR 0016, "Sold out"). A key the shopper used already takes the whole protocol, so
     * that a retry of a placed order still gets its order, not this refusal.
     */
    private void refuseIfSeenSoldOut(UUID shopperId, String idempotencyKey, Basket basket) {
        if (!(basket instanceof Items items)) {
            return;
        }
        for (Line line : items.lines()) {
            Optional<UUID> soldOut = stock.seenSoldOut(line.variantId());
            if (soldOut.isPresent()) {
                if (keys.known(shopperId, idempotencyKey)) {
                    return;
                }
                throw new ListingStock.InsufficientStock(soldOut.get(), line.variantId(), 0);
            }
        }
    }

    private Result placeQuoted(UUID shopperId, String idempotencyKey, Basket basket, ShippingAddress address,
            List<ShippingPick> picks, Function<Order, String> render) {
        for (int attempt = 1;; attempt++) {
            try {
                return transactions
                    .execute(tx -> placeClaimed(shopperId, idempotencyKey, basket, address, picks, render));
            }
            catch (ListingStock.QuoteChanged changed) {
                // A seller edited a listing between its quote and its take: nothing was
                // kept, price it again.
                if (attempt == QUOTE_ATTEMPTS) {
                    throw new OrderProblems.ListingChanged(changed);
                }
            }
        }
    }

    private Result placeClaimed(UUID shopperId, String idempotencyKey, Basket basket, ShippingAddress address,
            List<ShippingPick> picks, Function<Order, String> render) {
        if (!RegencyCode.isWellFormed(address.regencyCode())
                || !regions.isCurrentRegency(RegencyCode.parse(address.regencyCode()))) {
            throw new OrderProblems.AddressNotDomestic();
        }
        // Concurrent orders queue on the shopper's lock and on the listings' rows by
        // design: an order is never refused for contention (ADR 0008, 0017). Those waits
        // are not runaway statements, so the statement timeout of requests (ADR 0010) is
        // lifted for this transaction.
        jdbc.sql("SET LOCAL statement_timeout = '" + QUEUE_TIMEOUT + "'").update();
        // One checkout per shopper at a time, so that two racing orders cannot both fit
        // under the limit, nor both take one cart.
        shopperLock.lock(shopperId);
        List<Line> lines = basket instanceof Items items ? items.lines()
                : cart.toOrder(shopperId, ((FromCart) basket).sellerIds())
                    .stream()
                    .map(item -> new Line(item.variantId(), item.quantity(), item.affiliateRef()))
                    .toList();
        Map<UUID, Integer> quantities = new LinkedHashMap<>();
        lines.forEach(line -> quantities.merge(line.variantId(), line.quantity(), Integer::sum));
        quantities.forEach((variantId, quantity) -> {
            if (unpaidUnits(shopperId, variantId) + quantity > properties.maxUnpaidUnitsPerListing()) {
                throw new OrderProblems.PurchaseLimitExceeded(variantId, properties.maxUnpaidUnitsPerListing());
            }
        });
        // The stock is taken last, just before the commit (ADR 0008): the order is built
        // from a quote read without a lock, so that a hot listing's row is held for its
        // UPDATE and the COMMIT only, not through the order's INSERTs, the key's
        // completion and the outbox row. A quote that finds too little stock refuses at
        // once.
        List<Taken> taken = stock.quote(quantities);
        Instant now = clock.instant();
        Map<UUID, Affiliates.Attribution> attributions = attribute(shopperId, address, lines, taken, now);
        // Priced by the rate table in memory; an aggregator's call (docs/shipping.md)
        // would hold this transaction's connection for its duration.
        Map<UUID, ShippingPick> chosen = new HashMap<>();
        picks.forEach(pick -> chosen.put(pick.sellerId(), pick));
        Map<UUID, List<Taken>> bySeller = new LinkedHashMap<>();
        taken.forEach(line -> bySeller.computeIfAbsent(line.sellerId(), seller -> new ArrayList<>()).add(line));
        List<SellerOrder> sellerOrders = new ArrayList<>();
        for (ShippingQuotes.SellerQuote quote : shipping.quote(taken, address.regencyCode(), address.postalCode())) {
            ShippingOption option = pick(quote, chosen.remove(quote.sellerId()));
            sellerOrders.add(new SellerOrder(quote.sellerId(),
                    bySeller.get(quote.sellerId())
                        .stream()
                        .map(line -> new OrderLine(line.variantId(), line.listingId(), line.variantLabel(),
                                line.version(), line.title(), line.categoryCode(), line.unitPriceIdr(), line.quantity(),
                                attributions.get(line.listingId())))
                        .toList(),
                    new ShippingChoice(option.courier(), option.service(), option.costIdr(), option.etaDays(),
                            quote.weightGrams(), quote.originRegencyCode()),
                    now));
        }
        if (!chosen.isEmpty()) {
            ShippingPick stray = chosen.values().iterator().next();
            throw new ShippingProblems.ServiceUnavailable(stray.sellerId(), stray.courier(), stray.service());
        }
        Order order = orders.saveAndFlush(new Order(shopperId,
                new ShippingAddress(address.recipientName(), address.phone(), address.street(),
                        RegencyCode.parse(address.regencyCode()).value(), address.postalCode(), address.districtCode()),
                sellerOrders, now, now.plus(properties.paymentWindow())));
        String body = render.apply(order);
        keys.complete(shopperId, idempotencyKey, 201, body);
        events.publishEvent(new OrderPlaced(order.getId(), now,
                order.getSellerOrders()
                    .stream()
                    .flatMap(sellerOrder -> sellerOrder.getLines()
                        .stream()
                        .map(line -> new OrderPlaced.Line(line.getListingId(), sellerOrder.getSellerId(),
                                line.getQuantity(), line.lineTotalIdr())))
                    .toList()));
        if (basket instanceof FromCart) {
            cart.removeOrdered(shopperId, quantities.keySet());
        }
        stock.take(taken);
        log.info("Order {} placed by {}: {} lines, Rp {}", order.getId(), shopperId, taken.size(), order.getTotalIdr());
        return new Result(order.getId(), 201, body);
    }

    /**
     * The creator each listing's commission goes to, if any: the last touch of the
     * shopper's, or the reference a line carries (social's {@link Affiliates}). A
     * reference that does not verify, a creator not verified, a closed plan: nobody; the
     * order is placed all the same.
     */
    private Map<UUID, Affiliates.Attribution> attribute(UUID shopperId, ShippingAddress address, List<Line> lines,
            List<Taken> taken, Instant now) {
        Map<UUID, String> refs = new HashMap<>();
        lines.forEach(line -> {
            if (line.affiliateRef() != null) {
                refs.put(line.variantId(), line.affiliateRef());
            }
        });
        List<Affiliates.Line> touched = taken.stream()
            .map(line -> new Affiliates.Line(line.listingId(), line.sellerId(), refs.get(line.variantId())))
            .toList();
        return affiliates.attribute(shopperId, address.phone(), touched, now);
    }

    /**
     * The shopper's choice for a seller's parcel, or the cheapest service on offer when
     * the shopper chose none.
     * @throws ShippingProblems.ServiceUnavailable when the choice is not on offer, or
     * nothing is
     */
    private ShippingOption pick(ShippingQuotes.SellerQuote quote, ShippingPick pick) {
        if (pick != null) {
            return shipping.chosen(quote, pick.courier(), pick.service());
        }
        return quote.services()
            .stream()
            .findFirst()
            .orElseThrow(() -> new ShippingProblems.ServiceUnavailable(quote.sellerId(), null, null));
    }

    /**
     * The units of a variant in the shopper's unpaid orders. Plain SQL rather than a
     * repository query: it runs on every order, and Hibernate's query handling around it
     * cost more than the statement itself (docs/performance.md).
     */
    private long unpaidUnits(UUID shopperId, UUID variantId) {
        return jdbc.sql("""
                SELECT coalesce(sum(l.quantity), 0) FROM orders.orders o
                JOIN orders.seller_orders s ON s.order_id = o.id JOIN orders.order_lines l ON l.seller_order_id = s.id
                WHERE o.shopper_id = :shopper AND o.status = 'PENDING_PAYMENT' AND l.variant_id = :variant""")
            .param("shopper", shopperId)
            .param("variant", variantId)
            .query(Long.class)
            .single();
    }

    /**
     * What to answer: {@code orderId} of the order placed now, null when this is a replay
     * of the stored response; {@code body} as stored for replays.
     */
    public record Result(UUID orderId, int status, String body) {
    }

}
