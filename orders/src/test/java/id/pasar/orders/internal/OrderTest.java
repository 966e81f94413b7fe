package id.pasar.orders.internal;

import static id.pasar.orders.OrderStatus.CANCELLED;
import static id.pasar.orders.OrderStatus.COMPLETED;
import static id.pasar.orders.OrderStatus.DELIVERED;
import static id.pasar.orders.OrderStatus.EXPIRED;
import static id.pasar.orders.OrderStatus.PAID;
import static id.pasar.orders.OrderStatus.PENDING_PAYMENT;
import static id.pasar.orders.OrderStatus.RETURNED;
import static id.pasar.orders.OrderStatus.SHIPPED;
import static id.pasar.orders.internal.OrderFixtures.BATIK;
import static id.pasar.orders.internal.OrderFixtures.CLOSED_AT;
import static id.pasar.orders.internal.OrderFixtures.COFFEE;
import static id.pasar.orders.internal.OrderFixtures.COMPLETED_AT;
import static id.pasar.orders.internal.OrderFixtures.DELIVERED_AFTER;
import static id.pasar.orders.internal.OrderFixtures.DELIVERED_AT;
import static id.pasar.orders.internal.OrderFixtures.EXPIRES;
import static id.pasar.orders.internal.OrderFixtures.JNE_REG;
import static id.pasar.orders.internal.OrderFixtures.LATER;
import static id.pasar.orders.internal.OrderFixtures.PAID_AT;
import static id.pasar.orders.internal.OrderFixtures.PLACED;
import static id.pasar.orders.internal.OrderFixtures.RETURNED_AT;
import static id.pasar.orders.internal.OrderFixtures.RETURN_WINDOW;
import static id.pasar.orders.internal.OrderFixtures.SHIPPED_AT;
import static id.pasar.orders.internal.OrderFixtures.SHOPPER;
import static id.pasar.orders.internal.OrderFixtures.SICEPAT_REG;
import static id.pasar.orders.internal.OrderFixtures.TOTE_BAG;
import static id.pasar.orders.internal.OrderFixtures.deliveredOrder;
import static id.pasar.orders.internal.OrderFixtures.first;
import static id.pasar.orders.internal.OrderFixtures.line;
import static id.pasar.orders.internal.OrderFixtures.order;
import static id.pasar.orders.internal.OrderFixtures.paidOrder;
import static id.pasar.orders.internal.OrderFixtures.pendingOrder;
import static id.pasar.orders.internal.OrderFixtures.second;
import static id.pasar.orders.internal.OrderFixtures.sellerOrder;
import static id.pasar.orders.internal.OrderFixtures.shippedOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import id.pasar.orders.OrderStatus;
import id.pasar.orders.internal.SellerOrder.ClosedBy;
import java.time.Duration;
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
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The order's life without Spring or a database: every verb in every state (where it
 * goes, that nothing happens, or the refusal and its code), the status derived from the
 * seller orders, the totals, the times it records, and what goes back to the shelf.
 */
class OrderTest {

    static final String SHOPPERS_REASON = "changed my mind";

    static final String SELLERS_REASON = "out of stock";

    /**
     * What can happen to an order. A whole verb acts on the order; the others act on one
     * seller order (in the tables, the first), as the shopper, the seller or the clock
     * would.
     */
    enum Verb {

        PAY(true), CANCEL(true), CANCEL_ONE(false), CANCEL_BY_SELLER(false), CANCEL_UNPAID(true), EXPIRE(true),
        SHIP(false), SHIP_WITH_ANOTHER_COURIER(false), CONFIRM_DELIVERY(false), CONFIRM_EVERY_DELIVERY(true),
        DELIVER_IF_DUE(false), COMPLETE_IF_DUE(false), COMPLETE_IF_DUE_WITH_RETURN_OPEN(false), MARK_RETURNED(false);

        final boolean whole;

        Verb(boolean whole) {
            this.whole = whole;
        }

    }

    // ---- placing

    @Test
    void aNewOrderAwaitsPaymentWithItsTotalsAndOneHistoryEntry() {
        Order order = pendingOrder();

        assertThat(order.getStatus()).isEqualTo(PENDING_PAYMENT);
        assertThat(order.getShopperId()).isEqualTo(SHOPPER);
        assertThat(order.getSellerOrders())
            .extracting(SellerOrder::getSubtotalIdr, SellerOrder::getShippingIdr, SellerOrder::totalIdr,
                    SellerOrder::getStatus)
            .containsExactly(tuple(385_000L, 18_000L, 403_000L, PENDING_PAYMENT),
                    tuple(135_000L, 11_000L, 146_000L, PENDING_PAYMENT));
        assertThat(order.getTotalIdr()).isEqualTo(549_000);
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
    void eachSellerOrderKeepsTheShippingItsShopperChose() {
        Order order = pendingOrder();

        assertThat(order.getSellerOrders())
            .extracting(SellerOrder::getShippingCourier, SellerOrder::getShippingService, SellerOrder::getShippingIdr,
                    SellerOrder::getShippingEtaDays, SellerOrder::getWeightGrams, SellerOrder::getOriginRegencyCode)
            .containsExactly(tuple("JNE", "REG", 18_000L, 2, 1_300L, "31.71"),
                    tuple("SICEPAT", "REG", 11_000L, 3, 750L, "32.73"));
        assertThat(order.getSellerOrders()).allSatisfy(sellerOrder -> {
            assertThat(sellerOrder.getCourier()).as("not shipped yet").isNull();
            assertThat(sellerOrder.getCreatedAt()).isEqualTo(PLACED);
        });
    }

    @Test
    void aShippingCostOrAWeightIsNeverNegative() {
        assertThatThrownBy(() -> new ShippingChoice("JNE", "REG", -1, 2, 1_000, "31.71"))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ShippingChoice("JNE", "REG", 18_000, 2, -1, "31.71"))
            .isInstanceOf(IllegalArgumentException.class);
        assertThat(new ShippingChoice("JNE", "REG", 0, 2, 0, "31.71").costIdr()).isZero();
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
        assertThat(first(order).getLines()).extracting(OrderLine::getPosition, OrderLine::getListingId)
            .containsExactly(tuple(0, BATIK), tuple(1, TOTE_BAG), tuple(2, COFFEE));
        assertThat(order.getSellerOrders().get(2).getLines()).extracting(OrderLine::getPosition).containsExactly(0, 1);
    }

    @Test
    void itsPartsCannotBeChangedFromOutside() {
        Order order = pendingOrder();

        assertThatThrownBy(() -> order.getSellerOrders().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> order.getHistory().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> first(order).getLines().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    // ---- totals

    @Test
    void theTotalIsTheItemsAndTheShippingOfEverySellerOrder() {
        Order order = pendingOrder();

        assertThat(order.itemsTotalIdr()).isEqualTo(520_000);
        assertThat(order.shippingTotalIdr()).isEqualTo(29_000);
        assertThat(order.getTotalIdr()).isEqualTo(order.itemsTotalIdr() + order.shippingTotalIdr())
            .isEqualTo(order.getSellerOrders().stream().mapToLong(SellerOrder::totalIdr).sum());
    }

    @Test
    void freeShippingCostsNothing() {
        Order order = order(sellerOrder(new ShippingChoice("JNE", "REG", 0, 2, 500, "31.71"), line(BATIK, 150_000, 1)));

        assertThat(first(order).totalIdr()).isEqualTo(150_000);
        assertThat(order.getTotalIdr()).isEqualTo(150_000);
    }

    @Test
    void aSellerOrderTotalBeyondTheRangeOfALongIsRefusedNotWrappedAround() {
        SellerOrder priceless = sellerOrder(JNE_REG, line(BATIK, Long.MAX_VALUE - 10_000, 1));

        assertThat(priceless.getSubtotalIdr()).isEqualTo(Long.MAX_VALUE - 10_000);
        assertThatThrownBy(priceless::totalIdr).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> order(priceless)).as("nor can it be ordered").isInstanceOf(ArithmeticException.class);
    }

    @Test
    void aSubtotalBeyondTheRangeOfALongIsRefusedNotWrappedAround() {
        assertThatThrownBy(
                () -> sellerOrder(line(BATIK, Long.MAX_VALUE / 2 + 1, 1), line(COFFEE, Long.MAX_VALUE / 2 + 1, 1)))
            .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void itemsOrShippingBeyondTheRangeOfALongAcrossSellerOrdersAreRefusedNotWrappedAround() {
        long half = Long.MAX_VALUE / 2 + 1;
        ShippingChoice dear = new ShippingChoice("JNE", "REG", half, 2, 1_000, "31.71");

        assertThatThrownBy(() -> order(sellerOrder(line(BATIK, half, 1)), sellerOrder(line(COFFEE, half, 1))))
            .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> order(sellerOrder(dear, line(BATIK, 1, 1)), sellerOrder(dear, line(COFFEE, 1, 1))))
            .isInstanceOf(ArithmeticException.class);
    }

    // ---- every verb in every state

    /**
     * Where a verb goes: the seller orders it acts on (all for a whole verb, else the
     * first; the other keeps its state) and the order.
     */
    static final List<Arguments> MOVES = List.of(arguments(PENDING_PAYMENT, Verb.PAY, PAID, PAID),
            arguments(PENDING_PAYMENT, Verb.CANCEL, CANCELLED, CANCELLED),
            arguments(PENDING_PAYMENT, Verb.CANCEL_UNPAID, CANCELLED, CANCELLED),
            arguments(PENDING_PAYMENT, Verb.EXPIRE, EXPIRED, EXPIRED),
            arguments(PAID, Verb.CANCEL, CANCELLED, CANCELLED), arguments(PAID, Verb.CANCEL_ONE, CANCELLED, PAID),
            arguments(PAID, Verb.CANCEL_BY_SELLER, CANCELLED, PAID), arguments(PAID, Verb.SHIP, SHIPPED, PAID),
            arguments(SHIPPED, Verb.CONFIRM_DELIVERY, DELIVERED, SHIPPED),
            arguments(SHIPPED, Verb.CONFIRM_EVERY_DELIVERY, DELIVERED, DELIVERED),
            arguments(SHIPPED, Verb.DELIVER_IF_DUE, DELIVERED, SHIPPED),
            arguments(DELIVERED, Verb.COMPLETE_IF_DUE, COMPLETED, DELIVERED),
            arguments(DELIVERED, Verb.MARK_RETURNED, RETURNED, DELIVERED));

    /**
     * Verbs that answer false and change nothing: a payment, a gateway cancellation or an
     * expiry that came too late, a job's move that does not apply (or, with a return
     * open, must wait).
     */
    static final List<Arguments> IGNORED = Stream
        .of(Stream.of(Verb.DELIVER_IF_DUE, Verb.COMPLETE_IF_DUE, Verb.COMPLETE_IF_DUE_WITH_RETURN_OPEN)
            .map(verb -> arguments(PENDING_PAYMENT, verb)),
                Stream
                    .of(Verb.PAY, Verb.CANCEL_UNPAID, Verb.EXPIRE, Verb.DELIVER_IF_DUE, Verb.COMPLETE_IF_DUE,
                            Verb.COMPLETE_IF_DUE_WITH_RETURN_OPEN)
                    .map(verb -> arguments(PAID, verb)),
                Stream
                    .of(Verb.PAY, Verb.CANCEL_UNPAID, Verb.EXPIRE, Verb.COMPLETE_IF_DUE,
                            Verb.COMPLETE_IF_DUE_WITH_RETURN_OPEN)
                    .map(verb -> arguments(SHIPPED, verb)),
                Stream.of(Verb.PAY, Verb.CANCEL_UNPAID, Verb.EXPIRE, Verb.DELIVER_IF_DUE,
                        Verb.COMPLETE_IF_DUE_WITH_RETURN_OPEN)
                    .map(verb -> arguments(DELIVERED, verb)),
                Stream.of(COMPLETED, RETURNED, CANCELLED, EXPIRED)
                    .flatMap(
                            closed -> Stream
                                .of(Verb.PAY, Verb.CANCEL_UNPAID, Verb.EXPIRE, Verb.DELIVER_IF_DUE,
                                        Verb.COMPLETE_IF_DUE, Verb.COMPLETE_IF_DUE_WITH_RETURN_OPEN)
                                .map(verb -> arguments(closed, verb))))
        .flatMap(rows -> rows)
        .toList();

    /**
     * Refusals: 409 INVALID_STATE with the state it was refused in (the order's for a
     * whole verb, the seller order's otherwise: here both the same), but another courier
     * than the chosen for a paid seller order is 422 COURIER_NOT_CHOSEN.
     */
    static final List<Arguments> REFUSALS = Stream.of(
            Stream
                .of(Verb.CANCEL_ONE, Verb.CANCEL_BY_SELLER, Verb.SHIP, Verb.SHIP_WITH_ANOTHER_COURIER,
                        Verb.CONFIRM_DELIVERY, Verb.CONFIRM_EVERY_DELIVERY, Verb.MARK_RETURNED)
                .map(verb -> arguments(PENDING_PAYMENT, verb, "INVALID_STATE")),
            Stream.of(arguments(PAID, Verb.SHIP_WITH_ANOTHER_COURIER, "COURIER_NOT_CHOSEN"),
                    arguments(PAID, Verb.CONFIRM_DELIVERY, "INVALID_STATE"),
                    arguments(PAID, Verb.CONFIRM_EVERY_DELIVERY, "INVALID_STATE"),
                    arguments(PAID, Verb.MARK_RETURNED, "INVALID_STATE")),
            Stream
                .of(Verb.CANCEL, Verb.CANCEL_ONE, Verb.CANCEL_BY_SELLER, Verb.SHIP, Verb.SHIP_WITH_ANOTHER_COURIER,
                        Verb.MARK_RETURNED)
                .map(verb -> arguments(SHIPPED, verb, "INVALID_STATE")),
            Stream
                .of(Verb.CANCEL, Verb.CANCEL_ONE, Verb.CANCEL_BY_SELLER, Verb.SHIP, Verb.SHIP_WITH_ANOTHER_COURIER,
                        Verb.CONFIRM_DELIVERY, Verb.CONFIRM_EVERY_DELIVERY)
                .map(verb -> arguments(DELIVERED, verb, "INVALID_STATE")),
            Stream.of(COMPLETED, RETURNED, CANCELLED, EXPIRED)
                .flatMap(closed -> Stream
                    .of(Verb.CANCEL, Verb.CANCEL_ONE, Verb.CANCEL_BY_SELLER, Verb.SHIP, Verb.SHIP_WITH_ANOTHER_COURIER,
                            Verb.CONFIRM_DELIVERY, Verb.CONFIRM_EVERY_DELIVERY, Verb.MARK_RETURNED)
                    .map(verb -> arguments(closed, verb, "INVALID_STATE"))))
        .flatMap(rows -> rows)
        .toList();

    static List<Arguments> moves() {
        return MOVES;
    }

    static List<Arguments> ignored() {
        return IGNORED;
    }

    static List<Arguments> refusals() {
        return REFUSALS;
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}, the order {3}")
    @MethodSource("moves")
    void movesWhatTheVerbActsOnAndDerivesTheOrder(OrderStatus from, Verb verb, OrderStatus to, OrderStatus orderTo) {
        Order order = OrderFixtures.inState(from);
        Snapshot before = Snapshot.of(order);

        Answer answer = act(order, verb, LATER);

        assertThat(answer.done()).isTrue();
        assertThat(order.getStatus()).isEqualTo(orderTo);
        List<Order.StatusChange> added = order.getHistory().subList(before.history(), order.getHistory().size());
        assertThat(added).isNotEmpty().allSatisfy(change -> {
            assertThat(change.getStatus()).isEqualTo(to);
            assertThat(change.getChangedAt()).isEqualTo(LATER);
        });
        if (verb.whole) {
            assertThat(order.getSellerOrders()).extracting(SellerOrder::getStatus).containsOnly(to);
            assertThat(added.get(added.size() - 1))
                .extracting(Order.StatusChange::getStatus, Order.StatusChange::getSellerOrderId)
                .as("the order's own change comes last")
                .containsExactly(orderTo, null);
        }
        else {
            assertThat(first(order).getStatus()).isEqualTo(to);
            assertThat(SellerOrderSnapshot.of(second(order))).as("the other seller order")
                .isEqualTo(before.sellerOrders().get(1));
            assertThat(added).extracting(Order.StatusChange::getSellerOrderId).containsExactly(first(order).getId());
        }
        assertThat(order.getClosedAt()).isEqualTo(orderTo.isClosed() ? LATER : null);
        assertThat(order.getSellerOrders())
            .allSatisfy(sellerOrder -> assertThat(sellerOrder.getClosedAt() != null).as("closed at once closed")
                .isEqualTo(sellerOrder.getStatus().isClosed()));
    }

    @ParameterizedTest(name = "{0} + {1}: nothing to do")
    @MethodSource("ignored")
    void answersFalseAndChangesNothing(OrderStatus from, Verb verb) {
        Order order = OrderFixtures.inState(from);
        Snapshot before = Snapshot.of(order);

        assertThat(act(order, verb, LATER).done()).isFalse();
        assertThat(Snapshot.of(order)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} + {1}: {2}")
    @MethodSource("refusals")
    void refusesAndChangesNothing(OrderStatus from, Verb verb, String code) {
        Order order = OrderFixtures.inState(from);
        Snapshot before = Snapshot.of(order);

        if (code.equals("INVALID_STATE")) {
            assertProblem(() -> act(order, verb, LATER), OrderProblems.InvalidState.class, HttpStatus.CONFLICT, code,
                    Map.of("state", from));
        }
        else {
            assertProblem(() -> act(order, verb, LATER), OrderProblems.CourierNotChosen.class,
                    HttpStatus.UNPROCESSABLE_CONTENT, code, Map.of("field", "courier", "chosenCourier", "JNE"));
        }
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

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("fixtures")
    void eachFixtureIsInItsStateThroughAndThrough(OrderStatus state) {
        Order order = OrderFixtures.inState(state);

        assertThat(order.getStatus()).isEqualTo(state);
        assertThat(order.getSellerOrders()).extracting(SellerOrder::getStatus).containsOnly(state);
        assertThat(order.getClosedAt() != null).isEqualTo(state.isClosed());
    }

    static Stream<OrderStatus> fixtures() {
        return Arrays.stream(OrderStatus.values());
    }

    // ---- paying, expiring, closing unpaid

    @Test
    void paymentRecordsItsTimeAndPaysEverySellerOrder() {
        Order order = pendingOrder();

        assertThat(order.markPaid(PAID_AT)).isTrue();

        assertThat(order.getPaidAt()).isEqualTo(PAID_AT);
        assertThat(order.getClosedAt()).isNull();
        assertThat(order.getSellerOrders()).extracting(SellerOrder::getStatus).containsOnly(PAID);
    }

    @Test
    void aSecondPaymentKeepsTheFirstPaymentsTime() {
        Order order = paidOrder();

        assertThat(order.markPaid(LATER)).isFalse();

        assertThat(order.getPaidAt()).isEqualTo(PAID_AT);
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

    static Stream<Arguments> unpaidClosings() {
        return Stream.of(arguments(Verb.CANCEL, CANCELLED, ClosedBy.SHOPPER, SHOPPERS_REASON),
                arguments(Verb.CANCEL_UNPAID, CANCELLED, ClosedBy.PAYMENT_GATEWAY, null),
                arguments(Verb.EXPIRE, EXPIRED, ClosedBy.SYSTEM, null));
    }

    @ParameterizedTest(name = "{0}: {1} by {2}")
    @MethodSource("unpaidClosings")
    void anUnpaidOrderClosesWholeRecordingWhoClosedItWhyAndWhen(Verb verb, OrderStatus closed, ClosedBy by,
            String reason) {
        Order order = pendingOrder();

        Answer answer = act(order, verb, LATER);

        assertThat(answer.closedUnshipped()).as("every unit goes back")
            .containsExactlyElementsOf(order.getSellerOrders());
        assertThat(order.getStatus()).isEqualTo(closed);
        assertThat(order.getClosedAt()).isEqualTo(LATER);
        assertThat(order.getPaidAt()).isNull();
        assertThat(order.getSellerOrders())
            .extracting(SellerOrder::getStatus, SellerOrder::getClosedBy, SellerOrder::getCloseReason,
                    SellerOrder::getClosedAt)
            .containsOnly(tuple(closed, by, reason, LATER));
        assertThat(order.getHistory())
            .extracting(Order.StatusChange::getStatus, Order.StatusChange::getSellerOrderId,
                    Order.StatusChange::getChangedAt)
            .containsExactly(tuple(PENDING_PAYMENT, null, PLACED), tuple(closed, null, LATER));
    }

    // ---- cancelling paid seller orders

    @ParameterizedTest(name = "by the {0}")
    @EnumSource(value = ClosedBy.class, names = { "SHOPPER", "SELLER" })
    void cancellingOnePaidSellerOrderWhenTheOtherShippedCancelsOnlyIt(ClosedBy by) {
        Order order = paidOrder();
        order.ship(second(order).getId(), "SICEPAT", "BDO0002", SHIPPED_AT);
        SellerOrderSnapshot shipped = SellerOrderSnapshot.of(second(order));

        SellerOrder cancelled = order.cancel(first(order).getId(), by, "no longer needed", LATER);

        assertThat(cancelled).isSameAs(first(order));
        assertThat(cancelled)
            .extracting(SellerOrder::getStatus, SellerOrder::getClosedBy, SellerOrder::getCloseReason,
                    SellerOrder::getClosedAt)
            .containsExactly(CANCELLED, by, "no longer needed", LATER);
        assertThat(Order.units(List.of(cancelled))).as("its own lines only")
            .containsExactlyInAnyOrderEntriesOf(Map.of(BATIK, 2, TOTE_BAG, 1));
        assertThat(SellerOrderSnapshot.of(second(order))).isEqualTo(shipped);
        assertThat(second(order).getStatus()).isEqualTo(SHIPPED);
        assertThat(order.getStatus()).as("what is left has shipped").isEqualTo(SHIPPED);
        assertThat(order.getClosedAt()).isNull();
        assertThat(order.getHistory())
            .extracting(Order.StatusChange::getStatus, Order.StatusChange::getSellerOrderId,
                    Order.StatusChange::getChangedAt)
            .endsWith(tuple(SHIPPED, second(order).getId(), SHIPPED_AT), tuple(CANCELLED, cancelled.getId(), LATER),
                    tuple(SHIPPED, null, LATER));
    }

    @Test
    void cancellingOneOfTwoPaidSellerOrdersLeavesTheOrderPaid() {
        Order order = paidOrder();

        SellerOrder cancelled = order.cancel(second(order).getId(), ClosedBy.SHOPPER, SHOPPERS_REASON, LATER);

        assertThat(Order.units(List.of(cancelled))).containsExactlyInAnyOrderEntriesOf(Map.of(COFFEE, 3));
        assertThat(first(order).getStatus()).isEqualTo(PAID);
        assertThat(first(order).getClosedAt()).isNull();
        assertThat(order.getStatus()).isEqualTo(PAID);
        assertThat(order.getClosedAt()).isNull();
        assertThat(order.getHistory()).extracting(Order.StatusChange::getStatus, Order.StatusChange::getSellerOrderId)
            .as("only the seller order changed")
            .endsWith(tuple(PAID, null), tuple(CANCELLED, cancelled.getId()));
    }

    @Test
    void aCancelledSellerOrderCannotBeCancelledAgain() {
        Order order = paidOrder();
        order.cancel(first(order).getId(), ClosedBy.SHOPPER, SHOPPERS_REASON, CLOSED_AT);
        Snapshot before = Snapshot.of(order);

        assertProblem(() -> order.cancel(first(order).getId(), ClosedBy.SELLER, SELLERS_REASON, LATER),
                OrderProblems.InvalidState.class, HttpStatus.CONFLICT, "INVALID_STATE", Map.of("state", CANCELLED));
        assertThat(Snapshot.of(order)).isEqualTo(before);
        assertThat(first(order).getClosedBy()).as("the first word stands").isEqualTo(ClosedBy.SHOPPER);
    }

    @Test
    void theOrderClosesWithItsLastSellerOrder() {
        Order order = paidOrder();

        order.cancel(first(order).getId(), ClosedBy.SELLER, SELLERS_REASON, CLOSED_AT);
        assertThat(order.getStatus()).isEqualTo(PAID);
        assertThat(order.getClosedAt()).isNull();

        order.cancel(second(order).getId(), ClosedBy.SHOPPER, SHOPPERS_REASON, LATER);
        assertThat(order.getStatus()).isEqualTo(CANCELLED);
        assertThat(order.getClosedAt()).isEqualTo(LATER);
        assertThat(order.getSellerOrders()).extracting(SellerOrder::getClosedBy, SellerOrder::getClosedAt)
            .containsExactly(tuple(ClosedBy.SELLER, CLOSED_AT), tuple(ClosedBy.SHOPPER, LATER));
    }

    @Test
    void aWholeCancelOfAPaidOrderWithOneShippedCancelsOnlyThePaidOnes() {
        Order order = paidOrder();
        order.ship(first(order).getId(), "JNE", "CGK0001", SHIPPED_AT);

        List<SellerOrder> cancelled = order.cancel(SHOPPERS_REASON, LATER);

        assertThat(cancelled).containsExactly(second(order));
        assertThat(Order.units(cancelled)).containsExactlyInAnyOrderEntriesOf(Map.of(COFFEE, 3));
        assertThat(second(order))
            .extracting(SellerOrder::getStatus, SellerOrder::getClosedBy, SellerOrder::getCloseReason,
                    SellerOrder::getClosedAt)
            .containsExactly(CANCELLED, ClosedBy.SHOPPER, SHOPPERS_REASON, LATER);
        assertThat(first(order))
            .extracting(SellerOrder::getStatus, SellerOrder::getClosedBy, SellerOrder::getCloseReason,
                    SellerOrder::getClosedAt)
            .containsExactly(SHIPPED, null, null, null);
        assertThat(order.getStatus()).isEqualTo(SHIPPED);
        assertThat(order.getClosedAt()).isNull();
    }

    @Test
    void aWholeCancelOfAPaidOrderCancelsEverySellerOrderAndClosesIt() {
        Order order = paidOrder();

        List<SellerOrder> cancelled = order.cancel(SHOPPERS_REASON, LATER);

        assertThat(cancelled).containsExactlyElementsOf(order.getSellerOrders());
        assertThat(Order.units(cancelled)).containsExactlyInAnyOrderEntriesOf(Map.of(BATIK, 2, TOTE_BAG, 1, COFFEE, 3));
        assertThat(order.getStatus()).isEqualTo(CANCELLED);
        assertThat(order.getClosedAt()).isEqualTo(LATER);
        assertThat(order.getPaidAt()).as("it was paid, and is refunded").isEqualTo(PAID_AT);
        assertThat(order.getHistory())
            .extracting(Order.StatusChange::getStatus, Order.StatusChange::getSellerOrderId,
                    Order.StatusChange::getChangedAt)
            .endsWith(tuple(CANCELLED, first(order).getId(), LATER), tuple(CANCELLED, second(order).getId(), LATER),
                    tuple(CANCELLED, null, LATER));
    }

    @Test
    void aWholeCancelWithNothingLeftUnshippedIsRefused() {
        Order order = paidOrder();
        order.cancel(first(order).getId(), ClosedBy.SELLER, SELLERS_REASON, CLOSED_AT);
        order.ship(second(order).getId(), "SICEPAT", "BDO0002", SHIPPED_AT);
        Snapshot before = Snapshot.of(order);

        assertProblem(() -> order.cancel(SHOPPERS_REASON, LATER), OrderProblems.InvalidState.class, HttpStatus.CONFLICT,
                "INVALID_STATE", Map.of("state", SHIPPED));
        assertThat(Snapshot.of(order)).isEqualTo(before);
    }

    // ---- shipping

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = { "JNE", "jne", " Jne " })
    void shipsWithTheChosenCourierWhateverItsCase(String courier) {
        Order order = paidOrder();

        order.ship(first(order).getId(), courier, "CGK0001", SHIPPED_AT);

        assertThat(first(order))
            .extracting(SellerOrder::getStatus, SellerOrder::getCourier, SellerOrder::getTrackingNumber,
                    SellerOrder::getShippedAt)
            .containsExactly(SHIPPED, "JNE", "CGK0001", SHIPPED_AT);
    }

    @ParameterizedTest(name = "courier \"{0}\"")
    @NullSource
    @ValueSource(strings = { "", "  " })
    void shipsWithTheChosenCourierWhenTheSellerNamesNone(String courier) {
        Order order = paidOrder();

        order.ship(second(order).getId(), courier, "BDO0002", SHIPPED_AT);

        assertThat(second(order).getStatus()).isEqualTo(SHIPPED);
        assertThat(second(order).getCourier()).isEqualTo("SICEPAT");
    }

    @Test
    void anotherCourierThanTheChosenIsRefusedAndNothingChanges() {
        Order order = paidOrder();
        Snapshot before = Snapshot.of(order);

        assertProblem(() -> order.ship(first(order).getId(), "SICEPAT", "BDO0002", SHIPPED_AT),
                OrderProblems.CourierNotChosen.class, HttpStatus.UNPROCESSABLE_CONTENT, "COURIER_NOT_CHOSEN",
                Map.of("field", "courier", "chosenCourier", "JNE"));
        assertThat(Snapshot.of(order)).isEqualTo(before);
    }

    /**
     * Orders placed before couriers were chosen ship with the courier their seller names.
     */
    @Test
    void withNoCourierChosenTheSellerNamesOne() {
        ShippingChoice unchosen = new ShippingChoice(null, null, 0, 0, 1_300, "31.71");
        Order order = order(sellerOrder(unchosen, line(BATIK, 150_000, 2)));
        order.markPaid(PAID_AT);
        Snapshot before = Snapshot.of(order);

        assertProblem(() -> order.ship(first(order).getId(), " ", "CGK0001", SHIPPED_AT),
                OrderProblems.CourierNotChosen.class, HttpStatus.UNPROCESSABLE_CONTENT, "COURIER_NOT_CHOSEN",
                Map.of("field", "courier"));
        assertThat(Snapshot.of(order)).isEqualTo(before);

        order.ship(first(order).getId(), " AnterAja ", "CGK0001", SHIPPED_AT);

        assertThat(first(order).getCourier()).isEqualTo("AnterAja");
        assertThat(order.getStatus()).isEqualTo(SHIPPED);
    }

    @Test
    void eachSellerShipsItsOwnPartAndTheOrderShipsWithTheLast() {
        Order order = paidOrder();
        SellerOrder first = first(order);
        SellerOrder second = second(order);

        order.ship(first.getId(), "JNE", "CGK0001", SHIPPED_AT);

        assertThat(first)
            .extracting(SellerOrder::getStatus, SellerOrder::getCourier, SellerOrder::getTrackingNumber,
                    SellerOrder::getShippedAt)
            .containsExactly(SHIPPED, "JNE", "CGK0001", SHIPPED_AT);
        assertThat(second.getStatus()).isEqualTo(PAID);
        assertThat(second.getShippedAt()).isNull();
        assertThat(order.getStatus()).as("not everything has shipped").isEqualTo(PAID);

        order.ship(second.getId(), "SiCepat", "BDO0002", LATER);

        assertThat(second)
            .extracting(SellerOrder::getStatus, SellerOrder::getCourier, SellerOrder::getTrackingNumber,
                    SellerOrder::getShippedAt)
            .containsExactly(SHIPPED, "SICEPAT", "BDO0002", LATER);
        assertThat(order.getStatus()).isEqualTo(SHIPPED);
        assertThat(order.getHistory())
            .extracting(Order.StatusChange::getStatus, Order.StatusChange::getSellerOrderId,
                    Order.StatusChange::getChangedAt)
            .endsWith(tuple(SHIPPED, first.getId(), SHIPPED_AT), tuple(SHIPPED, second.getId(), LATER),
                    tuple(SHIPPED, null, LATER));
    }

    @Test
    void aSellerOrderOfAnotherOrderIsNotFound() {
        Order order = paidOrder();
        Snapshot before = Snapshot.of(order);

        assertProblem(() -> order.ship(UUID.randomUUID(), "JNE", "CGK0001", LATER), OrderProblems.OrderNotFound.class,
                HttpStatus.NOT_FOUND, "ORDER_NOT_FOUND", Map.of());
        assertProblem(() -> order.cancel(second(shippedOrder()).getId(), ClosedBy.SELLER, SELLERS_REASON, LATER),
                OrderProblems.OrderNotFound.class, HttpStatus.NOT_FOUND, "ORDER_NOT_FOUND", Map.of());
        assertThat(Snapshot.of(order)).isEqualTo(before);
    }

    // ---- delivery

    @Test
    void confirmingOneDeliveryDeliversOnlyThatSellerOrder() {
        Order order = shippedOrder();

        SellerOrder delivered = order.confirmDelivery(first(order).getId(), DELIVERED_AT);

        assertThat(delivered).isSameAs(first(order));
        assertThat(delivered.getStatus()).isEqualTo(DELIVERED);
        assertThat(delivered.getDeliveredAt()).isEqualTo(DELIVERED_AT);
        assertThat(delivered.getClosedAt()).as("open for returns").isNull();
        assertThat(second(order).getStatus()).isEqualTo(SHIPPED);
        assertThat(second(order).getDeliveredAt()).isNull();
        assertThat(order.getStatus()).isEqualTo(SHIPPED);

        order.confirmDelivery(second(order).getId(), LATER);

        assertThat(order.getStatus()).isEqualTo(DELIVERED);
        assertThat(order.getClosedAt()).as("delivered is not closed").isNull();
    }

    @Test
    void confirmingEveryDeliveryDeliversWhatHasShippedOnly() {
        Order order = paidOrder();
        order.ship(first(order).getId(), "JNE", "CGK0001", SHIPPED_AT);

        List<SellerOrder> delivered = order.confirmDelivery(DELIVERED_AT);

        assertThat(delivered).containsExactly(first(order));
        assertThat(order.getSellerOrders()).extracting(SellerOrder::getStatus).containsExactly(DELIVERED, PAID);
        assertThat(order.getStatus()).isEqualTo(PAID);
    }

    static Stream<Arguments> deliveryTimes() {
        return Stream.of(arguments("a moment before the 7-day mark", DELIVERED_AFTER.minusMillis(1), false),
                arguments("at the 7-day mark", DELIVERED_AFTER, true),
                arguments("a day after it", DELIVERED_AFTER.plusDays(1), true));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("deliveryTimes")
    void theClockDeliversAShippedSellerOrderSevenDaysAfterShipping(String when, Duration sinceShipped,
            boolean delivers) {
        Order order = shippedOrder();
        Snapshot before = Snapshot.of(order);
        Instant now = SHIPPED_AT.plus(sinceShipped);

        assertThat(order.deliverIfDue(first(order).getId(), DELIVERED_AFTER, now)).isEqualTo(delivers);

        if (delivers) {
            assertThat(first(order).getStatus()).isEqualTo(DELIVERED);
            assertThat(first(order).getDeliveredAt()).isEqualTo(now);
            assertThat(order.getHistory()).last()
                .extracting(Order.StatusChange::getStatus, Order.StatusChange::getSellerOrderId,
                        Order.StatusChange::getChangedAt)
                .isEqualTo(List.of(DELIVERED, first(order).getId(), now));
        }
        else {
            assertThat(Snapshot.of(order)).isEqualTo(before);
        }
        assertThat(second(order).getStatus()).isEqualTo(SHIPPED);
    }

    // ---- completion and returns

    static Stream<Arguments> completionTimes() {
        return Stream.of(arguments("before the window has passed", RETURN_WINDOW.minusMillis(1), false, false),
                arguments("as it passes", RETURN_WINDOW, false, true),
                arguments("after it", RETURN_WINDOW.plusDays(3), false, true),
                arguments("before it, with a return open", RETURN_WINDOW.minusMillis(1), true, false),
                arguments("after it, with a return open", RETURN_WINDOW.plusDays(3), true, false));
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("completionTimes")
    void aDeliveredSellerOrderCompletesOnceTheReturnWindowHasPassedWithNoReturnOpen(String when,
            Duration sinceDelivered, boolean returnOpen, boolean completes) {
        Order order = deliveredOrder();
        Snapshot before = Snapshot.of(order);
        Instant now = DELIVERED_AT.plus(sinceDelivered);

        assertThat(order.completeIfDue(first(order).getId(), RETURN_WINDOW, returnOpen, now)).isEqualTo(completes);

        if (completes) {
            assertThat(first(order)).extracting(SellerOrder::getStatus, SellerOrder::getClosedAt)
                .containsExactly(COMPLETED, now);
            assertThat(order.getStatus()).isEqualTo(DELIVERED);
            assertThat(order.getClosedAt()).isNull();
        }
        else {
            assertThat(Snapshot.of(order)).isEqualTo(before);
        }
    }

    @Test
    void theOrderCompletesWithItsLastSellerOrderAndRecordsWhen() {
        Order order = deliveredOrder();

        order.completeIfDue(first(order).getId(), RETURN_WINDOW, false, COMPLETED_AT);
        assertThat(order.getClosedAt()).isNull();
        order.completeIfDue(second(order).getId(), RETURN_WINDOW, false, LATER);

        assertThat(order.getStatus()).isEqualTo(COMPLETED);
        assertThat(order.getClosedAt()).isEqualTo(LATER);
    }

    @Test
    void aReturnedSellerOrderLeavesTheOrderToTheOtherOneAndTheOrderCompletesWithIt() {
        Order order = deliveredOrder();

        SellerOrder returned = order.markReturned(first(order).getId(), RETURNED_AT);

        assertThat(returned).isSameAs(first(order));
        assertThat(returned).extracting(SellerOrder::getStatus, SellerOrder::getClosedAt, SellerOrder::getClosedBy)
            .containsExactly(RETURNED, RETURNED_AT, null);
        assertThat(order.getStatus()).isEqualTo(DELIVERED);

        order.completeIfDue(second(order).getId(), RETURN_WINDOW, false, LATER);

        assertThat(order.getStatus()).as("something was kept").isEqualTo(COMPLETED);
        assertThat(order.getClosedAt()).isEqualTo(LATER);
    }

    @Test
    void anOrderEveryPartOfWhichCameBackIsReturned() {
        Order order = OrderFixtures.returnedOrder();

        assertThat(order.getStatus()).isEqualTo(RETURNED);
        assertThat(order.getClosedAt()).isEqualTo(RETURNED_AT);
    }

    @Test
    void onlyADeliveredSellerOrderCanBeReturned() {
        Order order = shippedOrder();
        order.confirmDelivery(first(order).getId(), DELIVERED_AT);
        Snapshot before = Snapshot.of(order);

        assertProblem(() -> order.markReturned(second(order).getId(), LATER), OrderProblems.InvalidState.class,
                HttpStatus.CONFLICT, "INVALID_STATE", Map.of("state", SHIPPED));
        assertThat(Snapshot.of(order)).isEqualTo(before);
        order.markReturned(first(order).getId(), LATER);
        assertProblem(() -> order.markReturned(first(order).getId(), LATER), OrderProblems.InvalidState.class,
                HttpStatus.CONFLICT, "INVALID_STATE", Map.of("state", RETURNED));
    }

    // ---- history

    @Test
    void theHistoryRecordsEveryChangeInTurnWithItsTime() {
        Order order = OrderFixtures.completedOrder();
        UUID first = first(order).getId();
        UUID second = second(order).getId();

        assertThat(order.getHistory())
            .extracting(Order.StatusChange::getStatus, Order.StatusChange::getSellerOrderId,
                    Order.StatusChange::getChangedAt)
            .containsExactly(tuple(PENDING_PAYMENT, null, PLACED), tuple(PAID, null, PAID_AT),
                    tuple(SHIPPED, first, SHIPPED_AT), tuple(SHIPPED, second, SHIPPED_AT),
                    tuple(SHIPPED, null, SHIPPED_AT), tuple(DELIVERED, first, DELIVERED_AT),
                    tuple(DELIVERED, second, DELIVERED_AT), tuple(DELIVERED, null, DELIVERED_AT),
                    tuple(COMPLETED, first, COMPLETED_AT), tuple(COMPLETED, second, COMPLETED_AT),
                    tuple(COMPLETED, null, COMPLETED_AT));
        assertThat(order.getClosedAt()).isEqualTo(COMPLETED_AT);
    }

    // ---- the order's status, derived

    static Stream<Arguments> derivations() {
        return Stream.of(arguments(List.of(PENDING_PAYMENT, PENDING_PAYMENT), PENDING_PAYMENT),
                arguments(List.of(EXPIRED, EXPIRED), EXPIRED), arguments(List.of(CANCELLED, CANCELLED), CANCELLED),
                arguments(List.of(PAID, PAID), PAID), arguments(List.of(PAID, SHIPPED), PAID),
                arguments(List.of(SHIPPED, PAID), PAID), arguments(List.of(PAID, CANCELLED), PAID),
                arguments(List.of(PAID, DELIVERED), PAID), arguments(List.of(SHIPPED, CANCELLED), SHIPPED),
                arguments(List.of(SHIPPED, DELIVERED), SHIPPED), arguments(List.of(SHIPPED, COMPLETED), SHIPPED),
                arguments(List.of(SHIPPED, RETURNED), SHIPPED), arguments(List.of(DELIVERED, COMPLETED), DELIVERED),
                arguments(List.of(DELIVERED, RETURNED), DELIVERED), arguments(List.of(DELIVERED, CANCELLED), DELIVERED),
                arguments(List.of(COMPLETED, CANCELLED), COMPLETED), arguments(List.of(RETURNED, CANCELLED), RETURNED),
                arguments(List.of(COMPLETED, RETURNED), COMPLETED), arguments(List.of(RETURNED, COMPLETED), COMPLETED),
                arguments(List.of(RETURNED, RETURNED), RETURNED),
                arguments(List.of(CANCELLED, RETURNED, CANCELLED), RETURNED),
                arguments(List.of(COMPLETED, SHIPPED, CANCELLED, PAID), PAID));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("derivations")
    void theOrdersStatusIsDerivedFromItsSellerOrders(List<OrderStatus> parts, OrderStatus derived) {
        assertThat(Order.derivedFrom(parts)).isEqualTo(derived);
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void aLoneSellerOrdersStatusIsItsOrders(OrderStatus status) {
        assertThat(Order.derivedFrom(List.of(status))).isEqualTo(status);
    }

    // ---- stock

    @Test
    void whatGoesBackToTheShelfIsEveryListingsOrderedQuantity() {
        assertThat(Order.units(pendingOrder().getSellerOrders()))
            .containsExactlyInAnyOrderEntriesOf(Map.of(BATIK, 2, TOTE_BAG, 1, COFFEE, 3));
    }

    @Test
    void aListingOnSeveralLinesGoesBackOnceWithTheirSum() {
        Order order = order(sellerOrder(line(BATIK, 150_000, 2), line(COFFEE, 45_000, 1)),
                sellerOrder(SICEPAT_REG, line(BATIK, 150_000, 5)));

        assertThat(Order.units(order.getSellerOrders()))
            .containsExactlyInAnyOrderEntriesOf(Map.of(BATIK, 7, COFFEE, 1));
        assertThat(Order.units(List.of(second(order)))).containsExactlyInAnyOrderEntriesOf(Map.of(BATIK, 5));
        assertThat(Order.units(List.of())).isEmpty();
    }

    // ----

    /**
     * What a verb answered: whether it did anything, and the seller orders it closed
     * before they shipped, whose units go back to the shelf (as OrderBook gives them).
     */
    record Answer(boolean done, List<SellerOrder> closedUnshipped) {

        static final Answer DONE = new Answer(true, List.of());

        static Answer of(boolean done) {
            return new Answer(done, List.of());
        }

        static Answer closingAll(Order order, boolean done) {
            return new Answer(done, done ? order.getSellerOrders() : List.of());
        }

    }

    /** Applies the verb as the services do, to the first seller order. */
    static Answer act(Order order, Verb verb, Instant at) {
        return act(order, verb, 0, at);
    }

    /**
     * Applies the verb as the services do; a verb on one seller order acts on the one at
     * {@code which}.
     */
    static Answer act(Order order, Verb verb, int which, Instant at) {
        SellerOrder target = order.getSellerOrders().get(which);
        UUID id = target.getId();
        return switch (verb) {
            case PAY -> Answer.of(order.markPaid(at));
            case CANCEL -> new Answer(true, order.cancel(SHOPPERS_REASON, at));
            case CANCEL_ONE -> new Answer(true, List.of(order.cancel(id, ClosedBy.SHOPPER, SHOPPERS_REASON, at)));
            case CANCEL_BY_SELLER -> new Answer(true, List.of(order.cancel(id, ClosedBy.SELLER, SELLERS_REASON, at)));
            case CANCEL_UNPAID -> Answer.closingAll(order, order.cancelUnpaid(at));
            case EXPIRE -> Answer.closingAll(order, order.expire(at));
            case SHIP -> {
                order.ship(id, target.getShippingCourier(), "TRACK-" + which, at);
                yield Answer.DONE;
            }
            case SHIP_WITH_ANOTHER_COURIER -> {
                order.ship(id, "ANTERAJA", "ANT-" + which, at);
                yield Answer.DONE;
            }
            case CONFIRM_DELIVERY -> {
                assertThat(order.confirmDelivery(id, at)).isSameAs(target);
                yield Answer.DONE;
            }
            case CONFIRM_EVERY_DELIVERY -> {
                order.confirmDelivery(at);
                yield Answer.DONE;
            }
            case DELIVER_IF_DUE -> Answer.of(order.deliverIfDue(id, DELIVERED_AFTER, at));
            case COMPLETE_IF_DUE -> Answer.of(order.completeIfDue(id, RETURN_WINDOW, false, at));
            case COMPLETE_IF_DUE_WITH_RETURN_OPEN -> Answer.of(order.completeIfDue(id, RETURN_WINDOW, true, at));
            case MARK_RETURNED -> {
                assertThat(order.markReturned(id, at)).isSameAs(target);
                yield Answer.DONE;
            }
        };
    }

    static void assertProblem(ThrowingCallable call, Class<? extends ErrorResponseException> type, HttpStatus status,
            String code, Map<String, Object> properties) {
        assertThatThrownBy(call).isInstanceOf(type).satisfies(thrown -> {
            ErrorResponseException problem = (ErrorResponseException) thrown;
            assertThat(problem.getStatusCode()).isEqualTo(status);
            assertThat(problem.getBody().getProperties()).containsEntry("code", code).containsAllEntriesOf(properties);
        });
    }

    /** Everything a verb could change in a seller order. */
    record SellerOrderSnapshot(OrderStatus status, String courier, String trackingNumber, Instant shippedAt,
            Instant deliveredAt, Instant closedAt, ClosedBy closedBy, String closeReason) {

        static SellerOrderSnapshot of(SellerOrder s) {
            return new SellerOrderSnapshot(s.getStatus(), s.getCourier(), s.getTrackingNumber(), s.getShippedAt(),
                    s.getDeliveredAt(), s.getClosedAt(), s.getClosedBy(), s.getCloseReason());
        }

    }

    /** Everything a verb could change. */
    record Snapshot(OrderStatus status, List<SellerOrderSnapshot> sellerOrders, int history, Instant paidAt,
            Instant closedAt) {

        static Snapshot of(Order order) {
            return new Snapshot(order.getStatus(),
                    order.getSellerOrders().stream().map(SellerOrderSnapshot::of).toList(), order.getHistory().size(),
                    order.getPaidAt(), order.getClosedAt());
        }

    }

}
