package id.pasar.orders.web;

import static id.pasar.JsonBody.with;
import static id.pasar.gateway.web.ProblemHandling.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.http.MediaType.APPLICATION_JSON;

import id.pasar.WebSlice;
import id.pasar.orders.internal.Payments;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

/**
 * The payment gateway's notifications: no token (they are signed), the gateway's
 * snake_case fields.
 */
@WebSlice(PaymentController.class)
class PaymentSliceTest {

    private static final String SETTLEMENT = """
            { "order_id": "5f0c3a52-1d1e-4c57-9d0a-0f6f4c1b2a3d", "status_code": "200", "gross_amount": "100000.00",
              "transaction_status": "settlement", "fraud_status": "accept", "signature_key": "ab12",
              "payment_type": "bank_transfer" }""";

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    Payments payments;

    @Test
    void handsTheGatewaysFieldsToPaymentsWithoutAToken() {
        given(payments.receive(new Payments.Notification("5f0c3a52-1d1e-4c57-9d0a-0f6f4c1b2a3d", "200", "100000.00",
                "settlement", "accept", "ab12")))
            .willReturn("PAID");

        assertThat(notify(SETTLEMENT)).hasStatusOk().bodyJson().extractingPath("$.result").isEqualTo("PAID");
    }

    @Test
    void refusesAnAmountSentAsANumber() {
        assertThat(notify(with(SETTLEMENT, "gross_amount", 100000.00)))
            .satisfies(problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST"))
            .bodyJson()
            .extractingPath("$.errors[0].field")
            .isEqualTo("gross_amount");
    }

    /**
     * The size limits on the notification's fields hold: an oversized field never reaches
     * the payment logic.
     */
    @Test
    void refusesOversizedFieldsBeforeLookingAtThem() {
        assertThat(notify(with(SETTLEMENT, "order_id", "x".repeat(101))))
            .satisfies(problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED"));
        assertThat(notify(with(SETTLEMENT, "signature_key", "f".repeat(201))))
            .satisfies(problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED"));
        then(payments).shouldHaveNoInteractions();
    }

    @Test
    void refusesABodyThatIsNotJson() {
        assertThat(notify("order_id=1&status_code=200"))
            .satisfies(problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST"));
    }

    private MockMvcRequestBuilder notify(String body) {
        return mvc.post().uri("/api/v1/payments/notifications").contentType(APPLICATION_JSON).content(body);
    }

}
