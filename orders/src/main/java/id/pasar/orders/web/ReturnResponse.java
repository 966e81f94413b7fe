package id.pasar.orders.web;

import id.pasar.orders.internal.ReturnRequest;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A return, as its shopper, its seller and the officers see it. */
record ReturnResponse(UUID returnId, UUID orderId, UUID sellerOrderId, UUID sellerId, ReturnRequest.State state,
        ReturnRequest.Reason reason, String description, List<String> photoUrls, ReturnRequest.DecidedBy decidedBy,
        String refusalReason, String officerNote, String returnCourier, String returnTrackingNumber,
        OffsetDateTime requestedAt, OffsetDateTime decidedAt, OffsetDateTime escalatedAt, OffsetDateTime shippedBackAt,
        OffsetDateTime closedAt) {
}
