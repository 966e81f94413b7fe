package id.pasar.orders.web;

import id.pasar.orders.internal.Refund;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Money going back to the shopper for one seller order: REQUESTED, SUCCEEDED, or FAILED
 * (retried; docs/payments.md).
 */
record RefundResponse(UUID refundId, UUID sellerOrderId, long amountIdr, String reason, String state,
        OffsetDateTime requestedAt, OffsetDateTime succeededAt) {

    static RefundResponse of(Refund refund) {
        return new RefundResponse(refund.id(), refund.sellerOrderId(), refund.amountIdr(), refund.reason(),
                refund.state(), jakarta(refund.createdAt()), jakarta(refund.succeededAt()));
    }

    private static OffsetDateTime jakarta(java.time.Instant instant) {
        return instant == null ? null : instant.atZone(OrderResponseMapper.JAKARTA).toOffsetDateTime();
    }

}
