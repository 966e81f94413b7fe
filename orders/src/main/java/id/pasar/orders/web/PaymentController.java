package id.pasar.orders.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import id.pasar.orders.internal.Payments;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequiredArgsConstructor
@Tag(name = "Payments", description = "Notifications from the payment gateway (no token: signed)")
class PaymentController {

    private final Payments payments;

    @PostMapping("/api/v1/payments/notifications")
    @Operation(summary = "A payment gateway notification (Midtrans-style)", description = """
            signature_key = hex SHA-512 of order_id + status_code + gross_amount + server key; a bad signature is \
            401 and changes nothing. settlement (or capture) makes the order PAID; expire, cancel and deny cancel an \
            unpaid one; repeats change nothing.""")
    Map<String, String> notification(@Valid @RequestBody Notification body) {
        return Map.of("result", payments.receive(new Payments.Notification(body.orderId(), body.statusCode(),
                body.grossAmount(), body.transactionStatus(), body.fraudStatus(), body.signatureKey())));
    }

    /**
     * The gateway's fields, snake_case as it sends them; others (payment_type, ...) are
     * ignored.
     */
    record Notification(@JsonProperty("order_id") @Size(max = 100) String orderId,
            @JsonProperty("status_code") @Size(max = 10) String statusCode,
            @JsonProperty("gross_amount") @Size(max = 30) String grossAmount,
            @JsonProperty("transaction_status") @Size(max = 30) String transactionStatus,
            @JsonProperty("fraud_status") @Size(max = 30) String fraudStatus,
            @JsonProperty("signature_key") @Size(max = 200) String signatureKey) {
    }

}
