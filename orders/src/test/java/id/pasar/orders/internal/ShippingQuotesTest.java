package id.pasar.orders.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pasar.kernel.ProblemException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Pricing a shopper's choice from a seller's quote, as checkout does. */
class ShippingQuotesTest {

    static final UUID SELLER = UUID.randomUUID();

    static final ShippingQuotes.SellerQuote QUOTE = new ShippingQuotes.SellerQuote(SELLER, "34.04", "32.73", 300_000,
            1_600,
            List.of(new ShippingOption("SICEPAT", "REG", 22_000, 3), new ShippingOption("JNE", "REG", 24_000, 3)));

    final ShippingQuotes quotes = new ShippingQuotes(null, null, null, null, null);

    @Test
    void aServiceOnOfferIsPricedFromTheQuote() {
        assertThat(quotes.option(QUOTE, "JNE", "REG")).contains(new ShippingOption("JNE", "REG", 24_000, 3));
        assertThat(quotes.chosen(QUOTE, "SICEPAT", "REG").costIdr()).isEqualTo(22_000);
    }

    @Test
    void aServiceNotOnOfferIsRefusedNamingSellerCourierAndService() {
        assertThat(quotes.option(QUOTE, "JNE", "YES")).isEmpty();
        assertThat(quotes.option(QUOTE, "GOSEND", "INSTANT")).isEmpty();
        assertThatThrownBy(() -> quotes.chosen(QUOTE, "GOSEND", "INSTANT"))
            .isInstanceOfSatisfying(ShippingProblems.ServiceUnavailable.class, problem -> {
                assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
                assertThat(((ProblemException) problem).code()).isEqualTo("SHIPPING_SERVICE_UNAVAILABLE");
                assertThat(problem.getBody().getProperties()).containsEntry("sellerId", SELLER)
                    .containsEntry("courier", "GOSEND")
                    .containsEntry("service", "INSTANT");
            });
    }

}
