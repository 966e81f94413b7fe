package id.pasar.orders.web;

import id.pasar.orders.internal.PaymentSandbox;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Only while the payment sandbox is on: settles a payment as the gateway would. */
@RestController
@RequiredArgsConstructor
@ConditionalOnProperty(name = "pasar.orders.payment-gateway", havingValue = "sandbox", matchIfMissing = true)
@Tag(name = "Payments sandbox", description = "Only with MARKETPLACE_PAYMENT_GATEWAY=sandbox (the default)")
class SandboxPaymentController {

    private final PaymentSandbox sandbox;

    @PostMapping("/api/v1/sandbox/payments/{paymentId}/settle")
    @Operation(summary = "Settle a payment in the sandbox", description = """
            Builds a settlement notification signed with the server key and passes it through the path of a real \
            one (POST /payments/notifications); answers its result. The order's shopper or an ADMIN; others 404.""")
    Map<String, String> settle(@PathVariable UUID paymentId, HttpServletRequest caller) {
        boolean admin = caller.isUserInRole("ADMIN");
        return Map.of("result",
                sandbox.settle(paymentId, admin ? null : UUID.fromString(caller.getUserPrincipal().getName())));
    }

}
