package id.pasar.orders.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.pasar.orders.internal.PaymentMethod;
import id.pasar.orders.internal.PaymentView;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A payment attempt with what the shopper needs to pay it; absent fields are omitted. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PaymentResponse(UUID paymentId, UUID orderId, PaymentMethod method, String bank, String ewallet, long amountIdr,
        OffsetDateTime expiresAt, String status, String vaNumber, String billKey, String billerCode, String qrString,
        String deeplink, OffsetDateTime createdAt) {

    static PaymentResponse of(PaymentView p) {
        return new PaymentResponse(p.id(), p.orderId(), p.method(),
                p.method() == PaymentMethod.BANK_TRANSFER ? p.channel() : null,
                p.method() == PaymentMethod.EWALLET ? p.channel() : null, p.amountIdr(), jakarta(p.expiresAt()),
                p.status(), p.vaNumber(), p.billKey(), p.billerCode(), p.qrString(), p.deeplink(),
                jakarta(p.createdAt()));
    }

    private static OffsetDateTime jakarta(Instant instant) {
        return instant.atZone(OrderResponseMapper.JAKARTA).toOffsetDateTime();
    }

}
