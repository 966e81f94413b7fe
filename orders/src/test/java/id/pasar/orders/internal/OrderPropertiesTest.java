package id.pasar.orders.internal;

import static id.pasar.orders.OrderStatus.CANCELLED;
import static id.pasar.orders.OrderStatus.COMPLETED;
import static id.pasar.orders.OrderStatus.DELIVERED;
import static id.pasar.orders.OrderStatus.EXPIRED;
import static id.pasar.orders.OrderStatus.PAID;
import static id.pasar.orders.OrderStatus.PENDING_PAYMENT;
import static id.pasar.orders.OrderStatus.RETURNED;
import static id.pasar.orders.OrderStatus.SHIPPED;
import static id.pasar.orders.internal.OrderFixtures.ADDRESS;
import static id.pasar.orders.internal.OrderFixtures.EXPIRES;
import static id.pasar.orders.internal.OrderFixtures.PLACED;
import static id.pasar.orders.internal.OrderFixtures.SHOPPER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pasar.kernel.ProblemException;
import id.pasar.orders.OrderStatus;
import id.pasar.orders.internal.OrderTest.Answer;
import id.pasar.orders.internal.OrderTest.Snapshot;
import id.pasar.orders.internal.OrderTest.Verb;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Property-based tests (jqwik) of the order's arithmetic and life cycle, for any order
 * the web layer admits (up to 50 lines of 1-100 units at Rp 1 to Rp 10 bn, shipping up to
 * Rp 10 m a seller order) and any sequence of verbs on any of its seller orders, at any
 * pace.
 */
class OrderPropertiesTest {

    /** A few listings, so that one listing often turns up on several lines. */
    static final List<UUID> LISTINGS = IntStream.range(0, 6).mapToObj(i -> UUID.randomUUID()).toList();

    /** Each move a seller order may make; any other change of its status is a bug. */
    static final Set<List<OrderStatus>> SELLER_ORDER_MOVES = Set.of(List.of(PENDING_PAYMENT, PAID),
            List.of(PENDING_PAYMENT, CANCELLED), List.of(PENDING_PAYMENT, EXPIRED), List.of(PAID, CANCELLED),
            List.of(PAID, SHIPPED), List.of(SHIPPED, DELIVERED), List.of(DELIVERED, COMPLETED),
            List.of(DELIVERED, RETURNED));

    /**
     * Each move an order may make. A paid order jumps ahead when its last unshipped
     * seller order is cancelled and the others are further on.
     */
    static final Set<List<OrderStatus>> ORDER_MOVES = Set.of(List.of(PENDING_PAYMENT, PAID),
            List.of(PENDING_PAYMENT, CANCELLED), List.of(PENDING_PAYMENT, EXPIRED), List.of(PAID, CANCELLED),
            List.of(PAID, SHIPPED), List.of(PAID, DELIVERED), List.of(PAID, COMPLETED), List.of(PAID, RETURNED),
            List.of(SHIPPED, DELIVERED), List.of(DELIVERED, COMPLETED), List.of(DELIVERED, RETURNED));

    /** How far along an order is; the two ends of a delivered order rank alike. */
    static final Map<OrderStatus, Integer> PROGRESS = Map.of(PENDING_PAYMENT, 0, PAID, 1, SHIPPED, 2, DELIVERED, 3,
            COMPLETED, 4, RETURNED, 4);

    /** How often a verb is tried; the others, once in a while. */
    static final Map<Verb, Integer> WEIGHTS = Map.of(Verb.PAY, 6, Verb.CANCEL_ONE, 2, Verb.SHIP, 8,
            Verb.CONFIRM_DELIVERY, 4, Verb.CONFIRM_EVERY_DELIVERY, 2, Verb.DELIVER_IF_DUE, 3, Verb.COMPLETE_IF_DUE, 5,
            Verb.MARK_RETURNED, 2);

    /** The pace of things: within the payment window, past it, past delivery. */
    static final List<Duration> GAPS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(7), Duration.ofHours(1),
            Duration.ofDays(2), Duration.ofDays(8));

    record Line(UUID listingId, long unitPriceIdr, int quantity) {

        BigInteger total() {
            return BigInteger.valueOf(unitPriceIdr).multiply(BigInteger.valueOf(quantity));
        }

    }

    record Seller(List<Line> lines, ShippingChoice shipping) {
    }

    /** A verb, the seller order it acts on (modulo their number), and the time before. */
    record Step(Verb verb, int which, Duration gap) {
    }

    @Property(tries = 300)
    void theTotalIsItemsPlusShippingAndEachSubtotalTheSumOfItsLineTotals(@ForAll("sellerOrders") List<Seller> sellers) {
        Order order = place(sellers);

        BigInteger items = BigInteger.ZERO;
        BigInteger shipping = BigInteger.ZERO;
        for (int i = 0; i < sellers.size(); i++) {
            BigInteger subtotal = sellers.get(i)
                .lines()
                .stream()
                .map(Line::total)
                .reduce(BigInteger.ZERO, BigInteger::add);
            long shippingIdr = sellers.get(i).shipping().costIdr();
            SellerOrder sellerOrder = order.getSellerOrders().get(i);
            assertThat(sellerOrder.getSubtotalIdr()).isEqualTo(subtotal.longValueExact());
            assertThat(sellerOrder.getShippingIdr()).isEqualTo(shippingIdr);
            assertThat(sellerOrder.totalIdr())
                .isEqualTo(subtotal.add(BigInteger.valueOf(shippingIdr)).longValueExact());
            items = items.add(subtotal);
            shipping = shipping.add(BigInteger.valueOf(shippingIdr));
        }
        assertThat(order.itemsTotalIdr()).isEqualTo(items.longValueExact());
        assertThat(order.shippingTotalIdr()).isEqualTo(shipping.longValueExact());
        assertThat(order.getTotalIdr()).isEqualTo(items.add(shipping).longValueExact())
            .isEqualTo(order.itemsTotalIdr() + order.shippingTotalIdr());
    }

    @Property(tries = 300)
    void aLineTotalIsExactOrRefused(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long unitPriceIdr,
            @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int quantity) {
        OrderLine line = new OrderLine(UUID.randomUUID(), 1, "any", unitPriceIdr, quantity);
        BigInteger exact = BigInteger.valueOf(unitPriceIdr).multiply(BigInteger.valueOf(quantity));

        if (exact.bitLength() < Long.SIZE) {
            assertThat(line.lineTotalIdr()).isEqualTo(exact.longValueExact());
        }
        else {
            assertThatThrownBy(line::lineTotalIdr).isInstanceOf(ArithmeticException.class);
        }
    }

    @Property(tries = 300)
    void aSellerOrderTotalIsExactOrRefused(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long subtotalIdr,
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long shippingIdr) {
        SellerOrder sellerOrder = new SellerOrder(UUID.randomUUID(),
                List.of(new OrderLine(UUID.randomUUID(), 1, "any", subtotalIdr, 1)),
                new ShippingChoice("JNE", "REG", shippingIdr, 2, 1_000, "31.71"), PLACED);
        BigInteger exact = BigInteger.valueOf(subtotalIdr).add(BigInteger.valueOf(shippingIdr));

        if (exact.bitLength() < Long.SIZE) {
            assertThat(sellerOrder.totalIdr()).isEqualTo(exact.longValueExact());
            assertThat(new Order(SHOPPER, ADDRESS, List.of(sellerOrder), PLACED, EXPIRES).getTotalIdr())
                .isEqualTo(exact.longValueExact());
        }
        else {
            assertThatThrownBy(sellerOrder::totalIdr).isInstanceOf(ArithmeticException.class);
            assertThatThrownBy(() -> new Order(SHOPPER, ADDRESS, List.of(sellerOrder), PLACED, EXPIRES))
                .isInstanceOf(ArithmeticException.class);
        }
    }

    @Property(tries = 300)
    void whatGoesBackToTheShelfIsExactlyWhatWasOrderedAndNeverNegative(@ForAll("sellerOrders") List<Seller> sellers) {
        Map<UUID, Integer> ordered = new HashMap<>();
        sellers.stream()
            .flatMap(seller -> seller.lines().stream())
            .forEach(line -> ordered.merge(line.listingId(), line.quantity(), Integer::sum));

        Map<UUID, Integer> released = Order.units(place(sellers).getSellerOrders());

        assertThat(released).isEqualTo(ordered);
        assertThat(released.values()).allSatisfy(quantity -> assertThat(quantity).isPositive());
    }

    /**
     * Whatever happens to an order: each seller order and the order move only along their
     * life cycles, the order's status is always the one derived from its seller orders, a
     * refused or unanswered verb changes nothing, a closed order (or seller order) never
     * changes again, each seller order's stock goes back at most once and exactly when it
     * was cancelled or expired, and the history gains entries, at the verb's time,
     * exactly when something changed. The sequences end in every state (checked).
     */
    @Property(tries = 1000)
    void anySequenceOfVerbsFollowsTheLifeCycle(@ForAll("sellerOrders") List<Seller> sellers,
            @ForAll("steps") List<Step> steps) {
        Order order = place(sellers);
        Instant at = PLACED;
        Set<UUID> givenBack = new HashSet<>();
        for (Step step : steps) {
            at = at.plus(step.gap());
            Verb verb = step.verb();
            Snapshot before = Snapshot.of(order);
            Answer answer;
            try {
                answer = OrderTest.act(order, verb, step.which() % sellers.size(), at);
            }
            catch (ProblemException refused) {
                assertThat(refused.code()).isIn("INVALID_STATE", "COURIER_NOT_CHOSEN");
                assertThat(Snapshot.of(order)).as("%s refused", verb).isEqualTo(before);
                continue;
            }
            Snapshot after = Snapshot.of(order);
            if (!answer.done()) {
                assertThat(after).as("%s answered false", verb).isEqualTo(before);
            }
            assertThat(order.getStatus()).as("derived")
                .isEqualTo(Order.derivedFrom(order.getSellerOrders().stream().map(SellerOrder::getStatus).toList()));
            if (before.status().isClosed()) {
                assertThat(after).as("%s on a closed order", verb).isEqualTo(before);
            }
            if (after.status() != before.status()) {
                assertThat(ORDER_MOVES).as("%s: %s -> %s", verb, before.status(), after.status())
                    .contains(List.of(before.status(), after.status()));
            }
            for (int i = 0; i < sellers.size(); i++) {
                OrderTest.SellerOrderSnapshot was = before.sellerOrders().get(i);
                OrderTest.SellerOrderSnapshot is = after.sellerOrders().get(i);
                if (was.status().isClosed()) {
                    assertThat(is).as("%s on closed seller order %s", verb, i).isEqualTo(was);
                }
                if (is.status() != was.status()) {
                    assertThat(SELLER_ORDER_MOVES)
                        .as("%s: seller order %s: %s -> %s", verb, i, was.status(), is.status())
                        .contains(List.of(was.status(), is.status()));
                }
                assertThat(is.closedAt() != null).as("seller order %s closed at", i).isEqualTo(is.status().isClosed());
            }
            assertThat(order.getClosedAt() != null).as("closed at").isEqualTo(order.getStatus().isClosed());
            if (verb == Verb.PAY && answer.done()) {
                assertThat(order.getPaidAt()).as("paid at").isEqualTo(at);
            }
            else if (before.paidAt() != null) {
                assertThat(order.getPaidAt()).as("paid once").isEqualTo(before.paidAt());
            }
            else {
                assertThat(order.getPaidAt()).as("not paid by %s", verb).isNull();
            }
            for (SellerOrder closed : answer.closedUnshipped()) {
                assertThat(givenBack.add(closed.getId())).as("%s gives back stock a second time", verb).isTrue();
            }
            boolean changed = !after.equals(before);
            assertThat(after.history() > before.history()).as("%s changed something: %s", verb, changed)
                .isEqualTo(changed);
            Instant now = at;
            assertThat(order.getHistory().subList(before.history(), after.history()))
                .allSatisfy(change -> assertThat(change.getChangedAt()).isEqualTo(now));
        }
        Statistics.label("order ends").collect(order.getStatus());
        Statistics.label("order ends")
            .coverage(coverage -> Arrays.stream(OrderStatus.values())
                .forEach(status -> coverage.check(status).count(n -> n > 0)));
        assertThat(givenBack).as("stock back exactly for what closed before shipping")
            .isEqualTo(order.getSellerOrders()
                .stream()
                .filter(s -> s.getStatus() == CANCELLED || s.getStatus() == EXPIRED)
                .map(SellerOrder::getId)
                .collect(Collectors.toSet()));
    }

    /**
     * The order's derived status never goes back along PENDING_PAYMENT < PAID < SHIPPED <
     * DELIVERED < COMPLETED (or RETURNED); it is CANCELLED only before anything shipped,
     * EXPIRED only from unpaid, and stays there.
     */
    @Property(tries = 1000)
    void theDerivedStatusNeverGoesBackwards(@ForAll("sellerOrders") List<Seller> sellers,
            @ForAll("steps") List<Step> steps) {
        Order order = place(sellers);
        Instant at = PLACED;
        for (Step step : steps) {
            at = at.plus(step.gap());
            OrderStatus before = order.getStatus();
            try {
                OrderTest.act(order, step.verb(), step.which() % sellers.size(), at);
            }
            catch (ProblemException refused) {
                continue;
            }
            OrderStatus after = order.getStatus();
            if (after == CANCELLED && before != CANCELLED) {
                assertThat(before).as("cancelled from").isIn(PENDING_PAYMENT, PAID);
            }
            else if (after == EXPIRED && before != EXPIRED) {
                assertThat(before).as("expired from").isEqualTo(PENDING_PAYMENT);
            }
            else if (before == CANCELLED || before == EXPIRED) {
                assertThat(after).as("closed unpaid or unshipped").isEqualTo(before);
            }
            else {
                assertThat(PROGRESS.get(after)).as("%s: %s -> %s", step.verb(), before, after)
                    .isGreaterThanOrEqualTo(PROGRESS.get(before));
            }
        }
    }

    @Provide
    Arbitrary<List<Seller>> sellerOrders() {
        Arbitrary<Line> line = Combinators
            .combine(Arbitraries.of(LISTINGS), Arbitraries.longs().between(1, 10_000_000_000L),
                    Arbitraries.integers().between(1, 100))
            .as(Line::new);
        Arbitrary<ShippingChoice> shipping = Combinators
            .combine(Arbitraries.of("JNE", "SICEPAT", "J&T", "POS"), Arbitraries.longs().between(0, 10_000_000),
                    Arbitraries.longs().between(1, 100_000))
            .as((courier, cost, grams) -> new ShippingChoice(courier, "REG", cost, 3, grams, "31.71"));
        // At most 50 lines in all, as the web layer admits.
        return Combinators.combine(line.list().ofMinSize(1).ofMaxSize(10), shipping)
            .as(Seller::new)
            .list()
            .ofMinSize(1)
            .ofMaxSize(5);
    }

    /**
     * Any verbs, but those that move an order on more often than those that end it early,
     * so that sequences reach delivery, completion and returns too.
     */
    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Verb> verb = Arbitraries
            .frequency(Arrays.stream(Verb.values()).map(v -> Tuple.of(WEIGHTS.getOrDefault(v, 1), v)).toList());
        return Combinators.combine(verb, Arbitraries.integers().between(0, 4), Arbitraries.of(GAPS))
            .as(Step::new)
            .list()
            .ofMaxSize(30);
    }

    private static Order place(List<Seller> sellers) {
        List<SellerOrder> sellerOrders = sellers.stream()
            .map(seller -> new SellerOrder(UUID.randomUUID(), seller.lines()
                .stream()
                .map(line -> new OrderLine(line.listingId(), 1, "listing", line.unitPriceIdr(), line.quantity()))
                .toList(), seller.shipping(), PLACED))
            .toList();
        return new Order(SHOPPER, ADDRESS, sellerOrders, PLACED, EXPIRES);
    }

}
