package id.pasar.orders.internal;

import static id.pasar.orders.internal.OrderFixtures.ADDRESS;
import static id.pasar.orders.internal.OrderFixtures.EXPIRES;
import static id.pasar.orders.internal.OrderFixtures.PLACED;
import static id.pasar.orders.internal.OrderFixtures.SHOPPER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pasar.orders.OrderStatus;
import id.pasar.orders.internal.OrderTest.Verb;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.springframework.web.ErrorResponseException;

/**
 * Property-based tests (jqwik) of the order's arithmetic and life cycle, for any order
 * the web layer admits (up to 50 lines of 1-100 units at Rp 1 to Rp 10 bn) and any
 * sequence of verbs.
 */
class OrderPropertiesTest {

    /** A few listings, so that one listing often turns up on several lines. */
    static final List<UUID> LISTINGS = IntStream.range(0, 6).mapToObj(i -> UUID.randomUUID()).toList();

    /** Each move an order may make; any other change of status is a bug. */
    static final Set<List<OrderStatus>> MOVES = Set.of(List.of(OrderStatus.PENDING_PAYMENT, OrderStatus.PAID),
            List.of(OrderStatus.PENDING_PAYMENT, OrderStatus.CANCELLED),
            List.of(OrderStatus.PENDING_PAYMENT, OrderStatus.EXPIRED), List.of(OrderStatus.PAID, OrderStatus.CANCELLED),
            List.of(OrderStatus.PAID, OrderStatus.SHIPPED), List.of(OrderStatus.SHIPPED, OrderStatus.COMPLETED));

    record Line(UUID listingId, long unitPriceIdr, int quantity) {
        BigInteger total() {
            return BigInteger.valueOf(unitPriceIdr).multiply(BigInteger.valueOf(quantity));
        }
    }

    @Property(tries = 300)
    void theTotalIsTheSumOfTheSubtotalsAndEachSubtotalTheSumOfItsLineTotals(
            @ForAll("sellerOrders") List<List<Line>> sellers) {
        Order order = place(sellers);

        BigInteger total = BigInteger.ZERO;
        for (int i = 0; i < sellers.size(); i++) {
            BigInteger subtotal = sellers.get(i).stream().map(Line::total).reduce(BigInteger.ZERO, BigInteger::add);
            assertThat(order.getSellerOrders().get(i).getSubtotalIdr()).isEqualTo(subtotal.longValueExact());
            total = total.add(subtotal);
        }
        assertThat(order.getTotalIdr()).isEqualTo(total.longValueExact());
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
    void whatGoesBackToTheShelfIsExactlyWhatWasOrderedAndNeverNegative(
            @ForAll("sellerOrders") List<List<Line>> sellers) {
        Map<UUID, Integer> ordered = new HashMap<>();
        sellers.stream()
            .flatMap(List::stream)
            .forEach(line -> ordered.merge(line.listingId(), line.quantity(), Integer::sum));

        Map<UUID, Integer> released = place(sellers).releasableStock();

        assertThat(released).isEqualTo(ordered);
        assertThat(released.values()).allSatisfy(quantity -> assertThat(quantity).isPositive());
    }

    /**
     * Whatever happens to an order, its status moves only along the life cycle, a refused
     * verb changes nothing, a closed order never changes again (so its stock goes back at
     * most once), and the history gains an entry, at the verb's time, exactly when
     * something changed.
     */
    @Property(tries = 500)
    void anySequenceOfVerbsFollowsTheLifeCycle(@ForAll("sellerOrders") List<List<Line>> sellers,
            @ForAll("verbs") List<Verb> verbs) {
        Order order = place(sellers);
        Instant at = PLACED;
        int closings = 0;
        for (Verb verb : verbs) {
            at = at.plus(Duration.ofMinutes(7));
            OrderTest.Snapshot before = OrderTest.Snapshot.of(order);
            try {
                OrderTest.act(order, verb, at);
            }
            catch (ErrorResponseException refused) {
                assertThat(OrderTest.Snapshot.of(order)).as("%s refused", verb).isEqualTo(before);
                continue;
            }
            OrderTest.Snapshot after = OrderTest.Snapshot.of(order);
            if (before.status().isClosed()) {
                assertThat(after).as("%s on a closed order", verb).isEqualTo(before);
            }
            if (after.status() != before.status()) {
                assertThat(MOVES).as("%s: %s -> %s", verb, before.status(), after.status())
                    .contains(List.of(before.status(), after.status()));
                closings += after.status().isClosed() && after.status() != OrderStatus.COMPLETED ? 1 : 0;
            }
            boolean changed = !after.equals(before);
            assertThat(after.history() > before.history()).as("%s changed something: %s", verb, changed)
                .isEqualTo(changed);
            Instant now = at;
            assertThat(order.getHistory().subList(before.history(), after.history()))
                .allSatisfy(change -> assertThat(change.getChangedAt()).isEqualTo(now));
            assertThat(order.getSellerOrders()).extracting(SellerOrder::getStatus)
                .as("seller orders follow the order, short of shipping")
                .allSatisfy(sellerOrder -> {
                    if (order.getStatus() != OrderStatus.PAID) {
                        assertThat(sellerOrder).isEqualTo(order.getStatus());
                    }
                });
        }
        assertThat(closings).as("cancelled or expired at most once").isLessThanOrEqualTo(1);
    }

    @Provide
    Arbitrary<List<List<Line>>> sellerOrders() {
        Arbitrary<Line> line = Combinators
            .combine(Arbitraries.of(LISTINGS), Arbitraries.longs().between(1, 10_000_000_000L),
                    Arbitraries.integers().between(1, 100))
            .as(Line::new);
        // At most 50 lines in all, as the web layer admits.
        return line.list().ofMinSize(1).ofMaxSize(10).list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<List<Verb>> verbs() {
        return Arbitraries.of(Verb.class).list().ofMaxSize(12);
    }

    private static Order place(List<List<Line>> sellers) {
        List<SellerOrder> sellerOrders = sellers.stream()
            .map(lines -> new SellerOrder(UUID.randomUUID(), lines.stream()
                .map(line -> new OrderLine(line.listingId(), 1, "listing", line.unitPriceIdr(), line.quantity()))
                .toList(), PLACED))
            .toList();
        return new Order(SHOPPER, ADDRESS, sellerOrders, PLACED, EXPIRES);
    }

}
