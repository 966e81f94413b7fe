package id.pasar.orders.internal;

import static id.pasar.orders.OrderStatus.CANCELLED;
import static id.pasar.orders.OrderStatus.COMPLETED;
import static id.pasar.orders.OrderStatus.EXPIRED;
import static id.pasar.orders.OrderStatus.PAID;
import static id.pasar.orders.OrderStatus.PENDING_PAYMENT;
import static id.pasar.orders.OrderStatus.SHIPPED;
import static id.pasar.orders.internal.OrderFixtures.BATIK;
import static id.pasar.orders.internal.OrderFixtures.COFFEE;
import static id.pasar.orders.internal.OrderFixtures.DELIVERED;
import static id.pasar.orders.internal.OrderFixtures.EXPIRES;
import static id.pasar.orders.internal.OrderFixtures.LATER;
import static id.pasar.orders.internal.OrderFixtures.PLACED;
import static id.pasar.orders.internal.OrderFixtures.SHOPPER;
import static id.pasar.orders.internal.OrderFixtures.TOTE_BAG;
import static id.pasar.orders.internal.OrderFixtures.line;
import static id.pasar.orders.internal.OrderFixtures.order;
import static id.pasar.orders.internal.OrderFixtures.paidOrder;
import static id.pasar.orders.internal.OrderFixtures.pendingOrder;
import static id.pasar.orders.internal.OrderFixtures.sellerOrder;
import static id.pasar.orders.internal.OrderFixtures.shippedOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import id.pasar.orders.OrderStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The order's life without Spring or a database: every verb in every state (where it
 * goes, that nothing happens, or the refusal and its code), the totals, the times it
 * records, and what goes back to the shelf.
 */
class OrderTest {

    /** What can happen to an order; SHIP ships every seller order of it. */
    enum Verb {

        PAY, CANCEL, CANCEL_UNPAID, EXPIRE, SHIP, CONFIRM_DELIVERY

    }

    // ---- placing

    @Test
    void aNewOrderAwaitsPaymentWithItsTotalsAndOneHistoryEntry() {
        Order order = pendingOrder();

        assertThat(order.getStatus()).isEqualTo(PENDING_PAYMENT);
        assertThat(order.getShopperId()).isEqualTo(SHOPPER);
        assertThat(order.getSellerOrders()).extracting(SellerOrder::getSubtotalIdr, SellerOrder::getStatus)
            .containsExactly(tuple(385_000L, PENDING_PAYMENT), tuple(135_000L, PENDING_PAYMENT));
        assertThat(order.getTotalIdr()).isEqualTo(520_000);
        assertThat(order.getCreatedAt()).isEqualTo(PLACED);
        assertThat(order.getExpiresAt()).isEqualTo(EXPIRES);
        assertThat(order.getPaidAt()).isNull();
        assertThat(order.getClosedAt()).isNull();
        assertThat(order.getHistory())
            .extracting(Order.StatusChange::getStatus, Order.StatusChange::getSellerOrderId,
                    Order.StatusChange::getChangedAt)
            .containsExactly(tuple(PENDING_PAYMENT, null, PLACED));
    }

    @Test
    void theAddressIsKeptAsGiven() {
        Order order = pendingOrder();

        assertThat(order)
            .extracting(Order::getRecipientName, Order::getPhone, Order::getStreet, Order::getRegencyCode,
                    Order::getPostalCode)
            .containsExactly("Siti Rahayu", "081234567890", "Jl. Malioboro 12", "34.71", "55213");
    }

    @Test
    void aLineCostsItsUnitPriceTimesItsQuantity() {
        assertThat(line(BATIK, 150_000, 3).lineTotalIdr()).isEqualTo(450_000);
        assertThat(line(BATIK, 10_000_000_000L, 100).lineTotalIdr()).isEqualTo(1_000_000_000_000L);
    }

    @Test
    void aLineTotalBeyondTheRangeOfALongIsRefusedNotWrappedAround() {
        OrderLine huge = line(BATIK, Long.MAX_VALUE / 2 + 1, 2);

        assertThatThrownBy(huge::lineTotalIdr).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void sellerOrdersAndLinesKeepTheirPlaceInTheOrder() {
        Order order = order(sellerOrder(line(BATIK, 1, 1), line(TOTE_BAG, 1, 1), line(COFFEE, 1, 1)),
                sellerOrder(line(COFFEE, 1, 1)), sellerOrder(line(BATIK, 1, 1), line(TOTE_BAG, 1, 1)));

        assertThat(order.getSellerOrders()).extracting(SellerOrder::getPosition).containsExactly(0, 1, 2);
        assertThat(order.getSellerOrders().get(0).getLines())
            .extracting(OrderLine::getPosition, OrderLine::getListingId)
            .containsExactly(tuple(0, BATIK), tuple(1, TOTE_BAG), tuple(2, COFFEE));
        assertThat(order.getSellerOrders().get(2).getLines()).extracting(OrderLine::getPosition).containsExactly(0, 1);
    }

    @Test
    void itsPartsCannotBeChangedFromOutside() {
        Order order = pendingOrder();

        assertThatThrownBy(() -> order.getSellerOrders().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> order.getHistory().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> order.getSellerOrders().get(0).getLines().clear())
            .isInstanceOf(UnsupportedOperationException.class);
    }

    // ---- every verb in every state

    static final List<Arguments> MOVES = List.of(arguments(PENDING_PAYMENT, Verb.PAY, PAID),
            arguments(PENDING_PAYMENT, Verb.CANCEL, CANCELLED),
            arguments(PENDING_PAYMENT, Verb.CANCEL_UNPAID, CANCELLED), arguments(PENDING_PAYMENT, Verb.EXPIRE, EXPIRED),
            arguments(PAID, Verb.CANCEL, CANCELLED), arguments(PAID, Verb.SHIP, SHIPPED),
            arguments(SHIPPED, Verb.CONFIRM_DELIVERY, COMPLETED));

    /**
     * Verbs that answer false and change nothing: a payment, a gateway cancellation or an
     * expiry that came too late.
     */
    static final List<Arguments> IGNORED = Stream.of(PAID, SHIPPED, COMPLETED, CANCELLED, EXPIRED)
        .flatMap(state -> Stream.of(Verb.PAY, Verb.CANCEL_UNPAID, Verb.EXPIRE).map(verb -> arguments(state, verb)))
        .toList();

    static final List<Arguments> REFUSALS = List.of(
            arguments(PENDING_PAYMENT, Verb.SHIP, OrderProblems.NotShippable.class, "ORDER_NOT_SHIPPABLE"),
            arguments(PENDING_PAYMENT, Verb.CONFIRM_DELIVERY, OrderProblems.NotDeliverable.class, "ORDER_NOT_SHIPPED"),
            arguments(PAID, Verb.CONFIRM_DELIVERY, OrderProblems.NotDeliverable.class, "ORDER_NOT_SHIPPED"),
            arguments(SHIPPED, Verb.CANCEL, OrderProblems.NotCancellable.class, "ORDER_NOT_CANCELLABLE"),
            arguments(SHIPPED, Verb.SHIP, OrderProblems.NotShippable.class, "ORDER_NOT_SHIPPABLE"),
            arguments(COMPLETED, Verb.CANCEL, OrderProblems.NotCancellable.class, "ORDER_NOT_CANCELLABLE"),
            arguments(COMPLETED, Verb.SHIP, OrderProblems.NotShippable.class, "ORDER_NOT_SHIPPABLE"),
            arguments(COMPLETED, Verb.CONFIRM_DELIVERY, OrderProblems.NotDeliverable.class, "ORDER_NOT_SHIPPED"),
            arguments(CANCELLED, Verb.CANCEL, OrderProblems.NotCancellable.class, "ORDER_NOT_CANCELLABLE"),
            arguments(CANCELLED, Verb.SHIP, OrderProblems.NotShippable.class, "ORDER_NOT_SHIPPABLE"),
            arguments(CANCELLED, Verb.CONFIRM_DELIVERY, OrderProblems.NotDeliverable.class, "ORDER_NOT_SHIPPED"),
            arguments(EXPIRED, Verb.CANCEL, OrderProblems.NotCancellable.class, "ORDER_NOT_CANCELLABLE"),
            arguments(EXPIRED, Verb.SHIP, OrderProblems.NotShippable.class, "ORDER_NOT_SHIPPABLE"),
            arguments(EXPIRED, Verb.CONFIRM_DELIVERY, OrderProblems.NotDeliverable.class, "ORDER_NOT_SHIPPED"));

    static List<Arguments> moves() {
        return MOVES;
    }

    static List<Arguments> ignored() {
        return IGNORED;
    }

    static List<Arguments> refusals() {
        return REFUSALS;
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @MethodSource("moves")
    void movesTheOrderAndEverySellerOrder(OrderStatus from, Verb verb, OrderStatus to) {
        Order order = OrderFixtures.inState(from);
        int entries = order.getHistory().size();

        Boolean answer = act(order, verb, LATER);

        assertThat(answer).isNotEqualTo(Boolean.FALSE);
        assertThat(order.getStatus()).isEqualTo(to);
        assertThat(order.getSellerOrders()).extracting(SellerOrder::getStatus).containsOnly(to);
        List<Order.StatusChange> added = order.getHistory().subList(entries, order.getHistory().size());
        assertThat(added).isNotEmpty().allSatisfy(change -> {
            assertThat(change.getStatus()).isEqualTo(to);
            assertThat(change.getChangedAt()).isEqualTo(LATER);
        });
    }

    @ParameterizedTest(name = "{0} + {1}: nothing to do")
    @MethodSource("ignored")
    void answersFalseAndChangesNothing(OrderStatus from, Verb verb) {
        Order order = OrderFixtures.inState(from);
        Snapshot before = Snapshot.of(order);

        assertThat(act(order, verb, LATER)).isFalse();
        assertThat(Snapshot.of(order)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} + {1}: {3}")
    @MethodSource("refusals")
    void refusesWithAConflictAndChangesNothing(OrderStatus from, Verb verb,
            Class<? extends ErrorResponseException> refusal, String code) {
        Order order = OrderFixtures.inState(from);
        Snapshot before = Snapshot.of(order);

        assertProblem(() -> act(order, verb, LATER), refusal, HttpStatus.CONFLICT, code);
        assertThat(Snapshot.of(order)).isEqualTo(before);
    }

    @Test
    void theTablesAnswerEveryVerbInEveryStateExactlyOnce() {
        List<List<Object>> answered = new ArrayList<>();
        Stream.of(MOVES, IGNORED, REFUSALS)
            .flatMap(List::stream)
            .forEach(row -> answered.add(List.of(row.get()[0], row.get()[1])));
        List<List<Object>> every = Arrays.stream(OrderStatus.values())
            .flatMap(state -> Arrays.stream(Verb.values()).map(verb -> List.<Object>of(state, verb)))
            .toList();

        assertThat(answered).containsExactlyInAnyOrderElementsOf(every);
    }

    // ---- the times and parts of each move

    @Test
    void paymentRecordsItsTimeAndPaysEverySellerOrder() {
        Order order = pendingOrder();

        assertThat(order.markPaid(OrderFixtures.PAID)).isTrue();

        assertThat(order.getPaidAt()).isEqualTo(OrderFixtures.PAID);
        assertThat(order.getClosedAt()).isNull();
        assertThat(order.getSellerOrders()).extracting(SellerOrder::getStatus).containsOnly(PAID);
    }

    @Test
    void aSecondPaymentKeepsTheFirstPaymentsTime() {
        Order order = paidOrder();

        assertThat(order.markPaid(LATER)).isFalse();

        assertThat(order.getPaidAt()).isEqualTo(OrderFixtures.PAID);
    }

    @Test
    void anUnpaidOrderExpiresAtItsExpiryTimeAndNotBefore() {
        Order order = pendingOrder();

        assertThat(order.expire(EXPIRES.minusMillis(1))).isFalse();
        assertThat(order.getStatus()).isEqualTo(PENDING_PAYMENT);
        assertThat(order.getClosedAt()).isNull();

        assertThat(order.expire(EXPIRES)).isTrue();
        assertThat(order.getStatus()).isEqualTo(EXPIRED);
        assertThat(order.getClosedAt()).isEqualTo(EXPIRES);
    }

    /**
     * Its stock is still held until the expiry job closes it, so the payment can be kept.
     */
    @Test
    void aPaymentPastTheExpiryTimeCountsUntilTheOrderHasExpired() {
        Order order = pendingOrder();

        assertThat(order.markPaid(EXPIRES.plusSeconds(1))).isTrue();

        assertThat(order.getStatus()).isEqualTo(PAID);
        assertThat(order.expire(LATER)).isFalse();
    }

    @ParameterizedTest(name = "cancelled while {0}")
    @MethodSource("cancellableStates")
    void cancellingClosesTheOrderAndRecordsWhen(OrderStatus from) {
        Order order = OrderFixtures.inState(from);

        order.cancel(LATER);

        assertThat(order.getStatus()).isEqualTo(CANCELLED);
        assertThat(order.getClosedAt()).isEqualTo(LATER);
    }

    static Stream<OrderStatus> cancellableStates() {
        return Stream.of(PENDING_PAYMENT, PAID);
    }

    @Test
    void aGatewayCancellationClosesAnUnpaidOrder() {
        Order order = pendingOrder();

        assertThat(order.cancelUnpaid(LATER)).isTrue();

        assertThat(order.getStatus()).isEqualTo(CANCELLED);
        assertThat(order.getClosedAt()).isEqualTo(LATER);
        assertThat(order.getPaidAt()).isNull();
    }

    @Test
    void eachSellerShipsItsOwnPartAndTheOrderShipsWithTheLast() {
        Order order = paidOrder();
        SellerOrder first = order.getSellerOrders().get(0);
        SellerOrder second = order.getSellerOrders().get(1);

        order.ship(first.getId(), "JNE", "CGK0001", OrderFixtures.SHIPPED);

        assertThat(first)
            .extracting(SellerOrder::getStatus, SellerOrder::getCourier, SellerOrder::getTrackingNumber,
                    SellerOrder::getShippedAt)
            .containsExactly(SHIPPED, "JNE", "CGK0001", OrderFixtures.SHIPPED);
        assertThat(second.getStatus()).isEqualTo(PAID);
        assertThat(second.getShippedAt()).isNull();
        assertThat(order.getStatus()).as("not everything has shipped").isEqualTo(PAID);

        order.ship(second.getId(), "SiCepat", "SCP0002", LATER);

        assertThat(second)
            .extracting(SellerOrder::getStatus, SellerOrder::getCourier, SellerOrder::getTrackingNumber,
                    SellerOrder::getShippedAt)
            .containsExactly(SHIPPED, "SiCepat", "SCP0002", LATER);
        assertThat(order.getStatus()).isEqualTo(SHIPPED);
        assertThat(order.getHistory())
            .extracting(Order.StatusChange::getStatus, Order.StatusChange::getSellerOrderId,
                    Order.StatusChange::getChangedAt)
            .endsWith(tuple(SHIPPED, first.getId(), OrderFixtures.SHIPPED), tuple(SHIPPED, second.getId(), LATER));
    }

    @Test
    void aSellerOrderOfAnotherOrderIsNotFound() {
        Order order = paidOrder();
        Snapshot before = Snapshot.of(order);

        assertProblem(() -> order.ship(UUID.randomUUID(), "JNE", "CGK0001", LATER), OrderProblems.OrderNotFound.class,
                HttpStatus.NOT_FOUND, "ORDER_NOT_FOUND");
        assertThat(Snapshot.of(order)).isEqualTo(before);
    }

    @Test
    void confirmedDeliveryCompletesTheOrderAndEverySellerOrder() {
        Order order = shippedOrder();

        order.confirmDelivery(DELIVERED);

        assertThat(order.getStatus()).isEqualTo(COMPLETED);
        assertThat(order.getClosedAt()).isEqualTo(DELIVERED);
        assertThat(order.getSellerOrders()).extracting(SellerOrder::getStatus).containsOnly(COMPLETED);
    }

    @Test
    void theHistoryRecordsEveryChangeInTurnWithItsTime() {
        Order order = OrderFixtures.completedOrder();
        List<UUID> sellerOrders = order.getSellerOrders().stream().map(SellerOrder::getId).toList();

        assertThat(order.getHistory())
            .extracting(Order.StatusChange::getStatus, Order.StatusChange::getSellerOrderId,
                    Order.StatusChange::getChangedAt)
            .containsExactly(tuple(PENDING_PAYMENT, null, PLACED), tuple(PAID, null, OrderFixtures.PAID),
                    tuple(SHIPPED, sellerOrders.get(0), OrderFixtures.SHIPPED),
                    tuple(SHIPPED, sellerOrders.get(1), OrderFixtures.SHIPPED), tuple(COMPLETED, null, DELIVERED));
    }

    // ---- stock

    @Test
    void whatGoesBackToTheShelfIsEveryListingsOrderedQuantity() {
        assertThat(pendingOrder().releasableStock())
            .containsExactlyInAnyOrderEntriesOf(Map.of(BATIK, 2, TOTE_BAG, 1, COFFEE, 3));
    }

    @Test
    void aListingOnSeveralLinesGoesBackOnceWithTheirSum() {
        Order order = order(sellerOrder(line(BATIK, 150_000, 2), line(COFFEE, 45_000, 1)),
                sellerOrder(line(BATIK, 150_000, 5)));

        assertThat(order.releasableStock()).containsExactlyInAnyOrderEntriesOf(Map.of(BATIK, 7, COFFEE, 1));
    }

    // ----

    /**
     * Applies the verb as the services do; the answer of the verbs that answer, else
     * null.
     */
    static Boolean act(Order order, Verb verb, Instant at) {
        return switch (verb) {
            case PAY -> order.markPaid(at);
            case CANCEL -> {
                order.cancel(at);
                yield null;
            }
            case CANCEL_UNPAID -> order.cancelUnpaid(at);
            case EXPIRE -> order.expire(at);
            case SHIP -> {
                order.getSellerOrders().forEach(sellerOrder -> order.ship(sellerOrder.getId(), "JNE", "CGK0001", at));
                yield null;
            }
            case CONFIRM_DELIVERY -> {
                order.confirmDelivery(at);
                yield null;
            }
        };
    }

    static void assertProblem(ThrowingCallable call, Class<? extends ErrorResponseException> type, HttpStatus status,
            String code) {
        assertThatThrownBy(call).isInstanceOf(type).satisfies(thrown -> {
            ErrorResponseException problem = (ErrorResponseException) thrown;
            assertThat(problem.getStatusCode()).isEqualTo(status);
            assertThat(problem.getBody().getProperties()).containsEntry("code", code);
        });
    }

    /** Everything a verb could change. */
    record Snapshot(OrderStatus status, List<OrderStatus> sellerOrders, List<String> sellerOrderShipments, int history,
            Instant paidAt, Instant closedAt) {

        static Snapshot of(Order order) {
            return new Snapshot(order.getStatus(),
                    order.getSellerOrders().stream().map(SellerOrder::getStatus).toList(),
                    order.getSellerOrders()
                        .stream()
                        .map(s -> s.getCourier() + " " + s.getTrackingNumber() + " " + s.getShippedAt())
                        .toList(),
                    order.getHistory().size(), order.getPaidAt(), order.getClosedAt());
        }
    }

}
