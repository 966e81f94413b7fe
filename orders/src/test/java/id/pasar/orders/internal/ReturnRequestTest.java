package id.pasar.orders.internal;

import static id.pasar.orders.internal.OrderFixtures.DELIVERED_AT;
import static id.pasar.orders.internal.OrderFixtures.SHOPPER;
import static id.pasar.orders.internal.OrderFixtures.deliveredOrder;
import static id.pasar.orders.internal.OrderFixtures.first;
import static id.pasar.orders.internal.OrderTest.assertProblem;
import static id.pasar.orders.internal.ReturnRequest.State.ACCEPTED;
import static id.pasar.orders.internal.ReturnRequest.State.ESCALATED;
import static id.pasar.orders.internal.ReturnRequest.State.LAPSED;
import static id.pasar.orders.internal.ReturnRequest.State.REFUNDED;
import static id.pasar.orders.internal.ReturnRequest.State.REFUSED;
import static id.pasar.orders.internal.ReturnRequest.State.REJECTED;
import static id.pasar.orders.internal.ReturnRequest.State.REQUESTED;
import static id.pasar.orders.internal.ReturnRequest.State.SHIPPED_BACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import id.pasar.orders.internal.ReturnRequest.DecidedBy;
import id.pasar.orders.internal.ReturnRequest.State;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpStatus;

/**
 * A return's life without Spring or a database, as its javadoc tells it: REQUESTED ->
 * ACCEPTED (by the seller or the clock) or REFUSED; REFUSED -> ESCALATED within the
 * window; ESCALATED -> ACCEPTED or REJECTED by an officer; ACCEPTED -> SHIPPED_BACK ->
 * REFUNDED, or LAPSED. Every verb in every state: where it goes, or 409 INVALID_STATE
 * with the return's state.
 */
class ReturnRequestTest {

    /** As in OrdersProperties' defaults: the time to decide, and to escalate. */
    static final Duration DECISION_WINDOW = Duration.ofDays(2);

    static final Instant REQUESTED_AT = DELIVERED_AT.plus(Duration.ofDays(1));
    static final Instant DECIDED_AT = REQUESTED_AT.plus(Duration.ofDays(1));
    static final Instant ESCALATED_AT = DECIDED_AT.plus(Duration.ofHours(2));
    static final Instant OFFICER_AT = DECIDED_AT.plus(Duration.ofHours(4));
    static final Instant SHIPPED_BACK_AT = DECIDED_AT.plus(Duration.ofHours(6));
    static final Instant CLOSED_AT = DECIDED_AT.plus(Duration.ofHours(8));

    /**
     * After everything above, and within the window to escalate a refusal: when a test
     * acts on a return in any state.
     */
    static final Instant NOW = DECIDED_AT.plus(Duration.ofDays(1));

    /** The verbs that decide a return, recording when. */
    static final Set<Verb> DECIDING = EnumSet.of(Verb.ACCEPT, Verb.ACCEPT_BY_THE_CLOCK, Verb.REFUSE,
            Verb.OFFICER_ACCEPTS, Verb.OFFICER_REJECTS);

    static final UUID OFFICER = UUID.fromString("00000000-0000-0000-0000-00000000c001");

    enum Verb {

        ACCEPT, ACCEPT_BY_THE_CLOCK, REFUSE, ESCALATE, OFFICER_ACCEPTS, OFFICER_REJECTS, SHIP_BACK, REFUND, LAPSE

    }

    // ---- requesting

    @Test
    void aReturnIsRequestedForOneDeliveredSellerOrderOfItsShopper() {
        Order order = deliveredOrder();
        SellerOrder sellerOrder = first(order);
        List<String> photos = new ArrayList<>(List.of("https://img.pasar.id/r/1.jpg", "https://img.pasar.id/r/2.jpg"));

        ReturnRequest request = new ReturnRequest(order, sellerOrder, ReturnRequest.Reason.DAMAGED, "torn seam", photos,
                REQUESTED_AT);
        photos.clear();

        assertThat(request.getId()).isNotNull();
        assertThat(request)
            .extracting(ReturnRequest::getOrderId, ReturnRequest::getSellerOrderId, ReturnRequest::getShopperId,
                    ReturnRequest::getSellerId, ReturnRequest::getReason, ReturnRequest::getDescription,
                    ReturnRequest::getState, ReturnRequest::getRequestedAt)
            .containsExactly(order.getId(), sellerOrder.getId(), SHOPPER, sellerOrder.getSellerId(),
                    ReturnRequest.Reason.DAMAGED, "torn seam", REQUESTED, REQUESTED_AT);
        assertThat(request.getPhotoUrls()).as("kept as given, whatever the caller does to its list")
            .containsExactly("https://img.pasar.id/r/1.jpg", "https://img.pasar.id/r/2.jpg");
        assertThat(Snapshot.of(request))
            .isEqualTo(new Snapshot(REQUESTED, null, null, null, null, null, null, null, null, null, null));
    }

    @Test
    void itsPhotosCannotBeChangedFromOutside() {
        ReturnRequest request = inState(REQUESTED);

        assertThatThrownBy(() -> request.getPhotoUrls().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    // ---- every verb in every state

    /** Where a verb goes, who decided, and whether that closes the return. */
    static final List<Arguments> MOVES = List.of(arguments(REQUESTED, Verb.ACCEPT, ACCEPTED, DecidedBy.SELLER, false),
            arguments(REQUESTED, Verb.ACCEPT_BY_THE_CLOCK, ACCEPTED, DecidedBy.SYSTEM, false),
            arguments(REQUESTED, Verb.REFUSE, REFUSED, DecidedBy.SELLER, false),
            arguments(REFUSED, Verb.ESCALATE, ESCALATED, DecidedBy.SELLER, false),
            arguments(ESCALATED, Verb.OFFICER_ACCEPTS, ACCEPTED, DecidedBy.OFFICER, false),
            arguments(ESCALATED, Verb.OFFICER_REJECTS, REJECTED, DecidedBy.OFFICER, true),
            arguments(ACCEPTED, Verb.SHIP_BACK, SHIPPED_BACK, DecidedBy.SELLER, false),
            arguments(ACCEPTED, Verb.LAPSE, LAPSED, DecidedBy.SELLER, true),
            arguments(SHIPPED_BACK, Verb.REFUND, REFUNDED, DecidedBy.SELLER, true));

    /**
     * Refusals, 409 INVALID_STATE with the return's state; the closed ones refuse all.
     */
    static final List<Arguments> REFUSALS = Stream
        .of(Stream
            .of(Verb.ESCALATE, Verb.OFFICER_ACCEPTS, Verb.OFFICER_REJECTS, Verb.SHIP_BACK, Verb.REFUND, Verb.LAPSE)
            .map(verb -> arguments(REQUESTED, verb)),
                Stream
                    .of(Verb.ACCEPT, Verb.ACCEPT_BY_THE_CLOCK, Verb.REFUSE, Verb.ESCALATE, Verb.OFFICER_ACCEPTS,
                            Verb.OFFICER_REJECTS, Verb.REFUND)
                    .map(verb -> arguments(ACCEPTED, verb)),
                Stream
                    .of(Verb.ACCEPT, Verb.ACCEPT_BY_THE_CLOCK, Verb.REFUSE, Verb.OFFICER_ACCEPTS, Verb.OFFICER_REJECTS,
                            Verb.SHIP_BACK, Verb.REFUND, Verb.LAPSE)
                    .map(verb -> arguments(REFUSED, verb)),
                Stream
                    .of(Verb.ACCEPT, Verb.ACCEPT_BY_THE_CLOCK, Verb.REFUSE, Verb.ESCALATE, Verb.SHIP_BACK, Verb.REFUND,
                            Verb.LAPSE)
                    .map(verb -> arguments(ESCALATED, verb)),
                Stream
                    .of(Verb.ACCEPT, Verb.ACCEPT_BY_THE_CLOCK, Verb.REFUSE, Verb.ESCALATE, Verb.OFFICER_ACCEPTS,
                            Verb.OFFICER_REJECTS, Verb.SHIP_BACK, Verb.LAPSE)
                    .map(verb -> arguments(SHIPPED_BACK, verb)),
                Stream.of(REJECTED, REFUNDED, LAPSED)
                    .flatMap(closed -> Arrays.stream(Verb.values()).map(verb -> arguments(closed, verb))))
        .flatMap(rows -> rows)
        .toList();

    static List<Arguments> moves() {
        return MOVES;
    }

    static List<Arguments> refusals() {
        return REFUSALS;
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @MethodSource("moves")
    void movesAndRecordsWhoDecidedAndWhen(State from, Verb verb, State to, DecidedBy decidedBy, boolean closes) {
        ReturnRequest request = inState(from);
        Snapshot before = Snapshot.of(request);

        act(request, verb, NOW);

        assertThat(request.getState()).isEqualTo(to);
        assertThat(request.getDecidedBy()).isEqualTo(decidedBy);
        assertThat(request.getClosedAt()).isEqualTo(closes ? NOW : null);
        assertThat(request.getDecidedAt()).as("decided at")
            .isEqualTo(DECIDING.contains(verb) ? NOW : before.decidedAt());
        assertThat(request.getEscalatedAt()).as("escalated at")
            .isEqualTo(verb == Verb.ESCALATE ? NOW : before.escalatedAt());
        assertThat(request.getShippedBackAt()).as("shipped back at")
            .isEqualTo(verb == Verb.SHIP_BACK ? NOW : before.shippedBackAt());
    }

    @ParameterizedTest(name = "{0} + {1}: INVALID_STATE")
    @MethodSource("refusals")
    void refusesWithItsStateAndChangesNothing(State from, Verb verb) {
        ReturnRequest request = inState(from);
        Snapshot before = Snapshot.of(request);

        assertProblem(() -> act(request, verb, NOW), OrderProblems.InvalidState.class, HttpStatus.CONFLICT,
                "INVALID_STATE", Map.of("state", from));
        assertThat(Snapshot.of(request)).isEqualTo(before);
    }

    @Test
    void theTablesAnswerEveryVerbInEveryStateExactlyOnce() {
        List<List<Object>> answered = new ArrayList<>();
        Stream.of(MOVES, REFUSALS)
            .flatMap(List::stream)
            .forEach(row -> answered.add(List.of(row.get()[0], row.get()[1])));
        List<List<Object>> every = Arrays.stream(State.values())
            .flatMap(state -> Arrays.stream(Verb.values()).map(verb -> List.<Object>of(state, verb)))
            .toList();

        assertThat(answered).containsExactlyInAnyOrderElementsOf(every);
    }

    @ParameterizedTest
    @EnumSource(State.class)
    void eachFixtureIsInItsState(State state) {
        assertThat(inState(state).getState()).isEqualTo(state);
    }

    // ---- what each move records

    @Test
    void aRefusalRecordsItsReason() {
        ReturnRequest request = inState(REQUESTED);

        request.refuse("worn before it came back", NOW);

        assertThat(request)
            .extracting(ReturnRequest::getState, ReturnRequest::getDecidedBy, ReturnRequest::getRefusalReason,
                    ReturnRequest::getDecidedAt, ReturnRequest::getClosedAt)
            .containsExactly(REFUSED, DecidedBy.SELLER, "worn before it came back", NOW, null);
    }

    static Stream<Arguments> escalationTimes() {
        return Stream.of(arguments("right after the refusal", Duration.ZERO, true),
                arguments("a moment before the window closes", DECISION_WINDOW.minusMillis(1), true),
                arguments("as it closes", DECISION_WINDOW, true),
                arguments("a moment after", DECISION_WINDOW.plusMillis(1), false),
                arguments("days after", DECISION_WINDOW.plusDays(5), false));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("escalationTimes")
    void aRefusalCanBeEscalatedOnlyWithinTheWindow(String when, Duration sinceRefused, boolean escalates) {
        ReturnRequest request = inState(REFUSED);
        Snapshot before = Snapshot.of(request);
        Instant now = DECIDED_AT.plus(sinceRefused);

        if (escalates) {
            request.escalate(DECISION_WINDOW, now);

            assertThat(request.getState()).isEqualTo(ESCALATED);
            assertThat(request.getEscalatedAt()).isEqualTo(now);
            assertThat(request.getRefusalReason()).as("kept for the officer").isEqualTo("worn before it came back");
        }
        else {
            assertProblem(() -> request.escalate(DECISION_WINDOW, now), OrderProblems.EscalationWindowClosed.class,
                    HttpStatus.CONFLICT, "ESCALATION_WINDOW_CLOSED",
                    Map.of("closedAt", request.getDecidedAt().plus(DECISION_WINDOW).toString()));
            assertThat(Snapshot.of(request)).isEqualTo(before);
        }
    }

    @Test
    void anOfficerWhoAcceptsLeavesTheirNameAndNoteAndTheReturnGoesOn() {
        ReturnRequest request = inState(ESCALATED);

        request.decideAsOfficer(OFFICER, true, "photos show the tear", NOW);

        assertThat(request)
            .extracting(ReturnRequest::getState, ReturnRequest::getDecidedBy, ReturnRequest::getOfficerId,
                    ReturnRequest::getOfficerNote, ReturnRequest::getDecidedAt, ReturnRequest::getClosedAt)
            .containsExactly(ACCEPTED, DecidedBy.OFFICER, OFFICER, "photos show the tear", NOW, null);

        request.shipBack("JNE", "RET0001", NOW);

        assertThat(request.getState()).isEqualTo(SHIPPED_BACK);
    }

    @Test
    void anOfficerWhoRejectsClosesTheReturn() {
        ReturnRequest request = inState(ESCALATED);

        request.decideAsOfficer(OFFICER, false, "no damage visible", NOW);

        assertThat(request)
            .extracting(ReturnRequest::getState, ReturnRequest::getDecidedBy, ReturnRequest::getOfficerId,
                    ReturnRequest::getOfficerNote, ReturnRequest::getDecidedAt, ReturnRequest::getClosedAt)
            .containsExactly(REJECTED, DecidedBy.OFFICER, OFFICER, "no damage visible", NOW, NOW);
    }

    @Test
    void anAcceptedReturnIsShippedBackWithItsCourierAndTrackingAndRefundedOnArrival() {
        ReturnRequest request = inState(ACCEPTED);

        request.shipBack("SICEPAT", "RET0002", SHIPPED_BACK_AT);

        assertThat(request)
            .extracting(ReturnRequest::getState, ReturnRequest::getReturnCourier,
                    ReturnRequest::getReturnTrackingNumber, ReturnRequest::getShippedBackAt, ReturnRequest::getClosedAt)
            .containsExactly(SHIPPED_BACK, "SICEPAT", "RET0002", SHIPPED_BACK_AT, null);

        request.refund(CLOSED_AT);

        assertThat(request.getState()).isEqualTo(REFUNDED);
        assertThat(request.getClosedAt()).isEqualTo(CLOSED_AT);
        assertThat(request.getDecidedBy()).as("the seller's decision stands").isEqualTo(DecidedBy.SELLER);
    }

    // ----

    /**
     * A return of the first seller order of a delivered order, in each state, brought
     * there through its own verbs; decided by the seller where a seller decides.
     */
    static ReturnRequest inState(State state) {
        Order order = deliveredOrder();
        ReturnRequest request = new ReturnRequest(order, first(order), ReturnRequest.Reason.NOT_AS_DESCRIBED,
                "the colour differs", List.of("https://img.pasar.id/r/1.jpg"), REQUESTED_AT);
        switch (state) {
            case REQUESTED -> {
            }
            case ACCEPTED -> request.accept(DecidedBy.SELLER, DECIDED_AT);
            case REFUSED -> request.refuse("worn before it came back", DECIDED_AT);
            case ESCALATED -> {
                request.refuse("worn before it came back", DECIDED_AT);
                request.escalate(DECISION_WINDOW, ESCALATED_AT);
            }
            case REJECTED -> {
                request.refuse("worn before it came back", DECIDED_AT);
                request.escalate(DECISION_WINDOW, ESCALATED_AT);
                request.decideAsOfficer(OFFICER, false, "no damage visible", OFFICER_AT);
            }
            case SHIPPED_BACK -> {
                request.accept(DecidedBy.SELLER, DECIDED_AT);
                request.shipBack("JNE", "RET0001", SHIPPED_BACK_AT);
            }
            case REFUNDED -> {
                request.accept(DecidedBy.SELLER, DECIDED_AT);
                request.shipBack("JNE", "RET0001", SHIPPED_BACK_AT);
                request.refund(CLOSED_AT);
            }
            case LAPSED -> {
                request.accept(DecidedBy.SELLER, DECIDED_AT);
                request.lapse(CLOSED_AT);
            }
        }
        return request;
    }

    static void act(ReturnRequest request, Verb verb, Instant at) {
        switch (verb) {
            case ACCEPT -> request.accept(DecidedBy.SELLER, at);
            case ACCEPT_BY_THE_CLOCK -> request.accept(DecidedBy.SYSTEM, at);
            case REFUSE -> request.refuse("worn before it came back", at);
            case ESCALATE -> request.escalate(DECISION_WINDOW, at);
            case OFFICER_ACCEPTS -> request.decideAsOfficer(OFFICER, true, "photos show the tear", at);
            case OFFICER_REJECTS -> request.decideAsOfficer(OFFICER, false, "no damage visible", at);
            case SHIP_BACK -> request.shipBack("JNE", "RET0001", at);
            case REFUND -> request.refund(at);
            case LAPSE -> request.lapse(at);
        }
    }

    /** Everything a verb could change. */
    record Snapshot(State state, DecidedBy decidedBy, String refusalReason, UUID officerId, String officerNote,
            String returnCourier, String returnTrackingNumber, Instant decidedAt, Instant escalatedAt,
            Instant shippedBackAt, Instant closedAt) {

        static Snapshot of(ReturnRequest r) {
            return new Snapshot(r.getState(), r.getDecidedBy(), r.getRefusalReason(), r.getOfficerId(),
                    r.getOfficerNote(), r.getReturnCourier(), r.getReturnTrackingNumber(), r.getDecidedAt(),
                    r.getEscalatedAt(), r.getShippedBackAt(), r.getClosedAt());
        }

    }

}
