package id.pasar.orders.web;

import static id.pasar.JsonBody.with;
import static id.pasar.gateway.security.Role.SELLER;
import static id.pasar.gateway.security.Role.SHOPPER;
import static id.pasar.gateway.security.SliceSecurity.as;
import static id.pasar.gateway.web.ProblemHandling.invalid;
import static id.pasar.gateway.web.ProblemHandling.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.http.MediaType.APPLICATION_JSON;

import id.pasar.WebSlice;
import id.pasar.orders.internal.AddressBook;
import id.pasar.orders.internal.Checkout;
import id.pasar.orders.internal.OrderBook;
import id.pasar.orders.internal.Refunds;
import id.pasar.orders.internal.ShippingAddress;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

@WebSlice(OrderController.class)
@Import(OrderResponseMapperImpl.class)
class OrderSliceTest {

    private static final UUID SHOPPER_ID = UUID.randomUUID();

    private static final UUID LISTING = UUID.fromString("0d6f5c1e-6a5b-4f0e-9b8a-2f1a3c4d5e6f");

    private static final String ORDER = """
            { "items": [ { "listingId": "0d6f5c1e-6a5b-4f0e-9b8a-2f1a3c4d5e6f", "quantity": 2 } ],
              "shippingAddress": { "recipientName": " Siti Rahayu ", "phone": "+62 812 3456 7890",
                                   "street": "Jl. Kenanga 12", "regencyCode": "3273", "postalCode": "40115" } }""";

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    Checkout checkout;

    @MockitoBean
    OrderBook book;

    @MockitoBean
    Refunds refunds;

    @MockitoBean
    AddressBook addresses;

    @Test
    void placesTheOrderOnceUnderItsKeyAndAnswersWhatCheckoutRendered() {
        UUID orderId = UUID.randomUUID();
        given(checkout.place(eq(SHOPPER_ID), eq("checkout-1"), anyString(), any(), any(), any(), any()))
            .willReturn(new Checkout.Result(orderId, 201, "{\"orderId\":\"" + orderId + "\"}"));

        assertThat(place("checkout-1", ORDER)).hasStatus(HttpStatus.CREATED)
            .hasHeader("Location", "/api/v1/orders/" + orderId)
            .bodyJson()
            .extractingPath("$.orderId")
            .isEqualTo(orderId.toString());
        then(checkout).should()
            .place(eq(SHOPPER_ID), eq("checkout-1"), anyString(),
                    eq(new Checkout.Items(List.of(new Checkout.Line(LISTING, 2, null)))),
                    eq(new ShippingAddress("Siti Rahayu", "+6281234567890", "Jl. Kenanga 12", "3273", "40115")),
                    eq(List.of()), any());
    }

    @Test
    void refusesAnOrderWithoutIdempotencyKey() {
        assertThat(place(null, ORDER)).satisfies(problem(HttpStatus.BAD_REQUEST, "MISSING_HEADER"));
    }

    /** The field is named after the controller's parameter, not the header. */
    @Test
    void refusesAnEmptyIdempotencyKeyOrOneOver100Characters() {
        assertThat(place("", ORDER)).satisfies(invalid("Idempotency-Key"));
        assertThat(place("k".repeat(101), ORDER)).satisfies(invalid("Idempotency-Key"));
    }

    @Test
    void refusesAnOrderWithoutItems() {
        assertThat(place("k", with(ORDER, "items", List.of()))).satisfies(invalid("items"));
        assertThat(place("k", with(ORDER, "items", null))).satisfies(invalid("items"));
    }

    @Test
    void ordersTheCartInsteadOfItemsButNotBoth() {
        assertThat(place("k", with(ORDER, "cart", Map.of("sellerIds", List.of())))).satisfies(invalid("items"));
        assertThat(place("k", with(with(ORDER, "items", null), "cart", Map.of("sellerIds", List.of("not-a-uuid")))))
            .satisfies(problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST"));

        UUID seller = UUID.randomUUID();
        given(checkout.place(eq(SHOPPER_ID), eq("cart-1"), anyString(), any(), any(), any(), any()))
            .willReturn(new Checkout.Result(UUID.randomUUID(), 201, "{}"));
        assertThat(place("cart-1", with(with(ORDER, "items", null), "cart", Map.of("sellerIds", List.of(seller)))))
            .hasStatus(HttpStatus.CREATED);
        then(checkout).should()
            .place(eq(SHOPPER_ID), eq("cart-1"), anyString(), eq(new Checkout.FromCart(Set.of(seller))), any(), any(),
                    any());
    }

    @Test
    void refusesMoreThan50Items() {
        List<Map<String, Object>> items = Collections.nCopies(51, Map.of("listingId", LISTING, "quantity", 1));
        assertThat(place("k", with(ORDER, "items", items))).satisfies(invalid("items"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({ "items.0.quantity, 0", "items.0.quantity, 101" })
    void refusesAQuantityOutsideOneTo100(String field, int quantity) {
        assertThat(place("k", with(ORDER, field, quantity))).satisfies(invalid("items[0].quantity"));
    }

    @ParameterizedTest(name = "{0} = \"{1}\"")
    @CsvSource({ "phone, 0812", "phone, +62 812 3456 7890 1234", "phone, nomor saya", "postalCode, 4011",
            "postalCode, 40115-1", "regencyCode, 32-73", "regencyCode, Bandung", "recipientName, ' '", "street, ''", })
    void refusesAMalformedShippingAddress(String field, String value) {
        assertThat(place("k", with(ORDER, "shippingAddress." + field, value)))
            .satisfies(invalid("shippingAddress." + field));
    }

    @Test
    void refusesAnOrderWithoutListingOrAddress() {
        assertThat(place("k", with(ORDER, "shippingAddress", null))).satisfies(invalid("shippingAddress"));
        assertThat(place("k", with(ORDER, "items.0.listingId", null))).satisfies(invalid("items[0].variantId"));
        assertThat(place("k", with(ORDER, "items.0.variantId", UUID.randomUUID().toString())))
            .as("a variant or a listing, not both")
            .satisfies(invalid("items[0].variantId"));
    }

    @Test
    void pagesOfOneTo100AndOnlyCursorsItGaveOut() {
        assertThat(mine("size=0")).satisfies(invalid("size"));
        assertThat(mine("size=101")).satisfies(invalid("size"));
        assertThat(mine("cursor=abc")).satisfies(problem(HttpStatus.BAD_REQUEST, "INVALID_CURSOR"));
        assertThat(mine("size=100")).hasStatusOk().bodyJson().extractingPath("$.items").asArray().isEmpty();
    }

    @Test
    void onlyShoppersOrder() {
        assertThat(mvc.post()
            .uri("/api/v1/orders")
            .with(as(SELLER, SHOPPER_ID))
            .header("Idempotency-Key", "k")
            .contentType(APPLICATION_JSON)
            .content(ORDER)).satisfies(problem(HttpStatus.FORBIDDEN, "FORBIDDEN"));
    }

    private MockMvcRequestBuilder place(String idempotencyKey, String body) {
        MockMvcRequestBuilder request = mvc.post()
            .uri("/api/v1/orders")
            .with(as(SHOPPER, SHOPPER_ID))
            .contentType(APPLICATION_JSON)
            .content(body);
        return idempotencyKey == null ? request : request.header("Idempotency-Key", idempotencyKey);
    }

    private MockMvcRequestBuilder mine(String query) {
        return mvc.get().uri("/api/v1/orders?" + query).with(as(SHOPPER, SHOPPER_ID));
    }

}
