package id.pasar.orders.web;

import static id.pasar.JsonBody.with;
import static id.pasar.gateway.security.Role.SELLER;
import static id.pasar.gateway.security.SliceSecurity.as;
import static id.pasar.gateway.web.ProblemHandling.invalid;
import static id.pasar.gateway.web.ProblemHandling.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.springframework.http.MediaType.APPLICATION_JSON;

import id.pasar.WebSlice;
import id.pasar.onboarding.SellerStatus;
import id.pasar.onboarding.Sellers;
import id.pasar.onboarding.Sellers.SellerSummary;
import id.pasar.orders.OrderStatus;
import id.pasar.orders.internal.Order;
import id.pasar.orders.internal.Destinations;
import id.pasar.orders.internal.OrderBook;
import id.pasar.orders.internal.Refunds;
import id.pasar.orders.internal.SellerOrder;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

@WebSlice(SellerOrderController.class)
@Import(OrderResponseMapperImpl.class)
class SellerOrderSliceTest {

    private static final UUID USER = UUID.randomUUID();

    private static final UUID SELLER_ID = UUID.randomUUID();

    private static final UUID SELLER_ORDER = UUID.randomUUID();

    private static final String SHIPMENT = "{ \"courier\": \" JNE \", \"trackingNumber\": \" CGK1234567890 \" }";

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    OrderBook book;

    @MockitoBean
    Refunds refunds;

    @MockitoBean
    Sellers sellers;

    @MockitoBean
    Destinations destinations;

    @BeforeEach
    void theCallerSells() {
        given(sellers.ofUser(USER)).willReturn(Optional
            .of(new SellerSummary(SELLER_ID, USER, "Batik Sekar Jagad", SellerStatus.VERIFIED, null, "32.04", null)));
    }

    @Test
    void shipsWithCourierAndTrackingNumberTrimmed() {
        SellerOrder shipped = mock(SellerOrder.class);
        given(shipped.getId()).willReturn(SELLER_ORDER);
        given(shipped.getOrderId()).willReturn(UUID.randomUUID());
        given(shipped.getStatus()).willReturn(OrderStatus.SHIPPED);
        Order order = mock(Order.class);
        given(order.getId()).willReturn(UUID.randomUUID());
        given(order.sellerOrder(SELLER_ORDER)).willReturn(shipped);
        given(book.ship(SELLER_ID, SELLER_ORDER, "JNE", "CGK1234567890")).willReturn(order);

        assertThat(ship(SHIPMENT)).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("SHIPPED");
    }

    @Test
    void namesEveryMissingField() {
        assertThat(ship("{}")).satisfies(invalid("trackingNumber"));
    }

    @ParameterizedTest(name = "{0} of {1} characters")
    @CsvSource({ "courier, 51", "trackingNumber, 0", "trackingNumber, 5", "trackingNumber, 41" })
    void refusesAFieldOfTheWrongLength(String field, int length) {
        assertThat(ship(with(SHIPMENT, field, "x".repeat(length)))).satisfies(invalid(field));
    }

    @Test
    void aCallerWithoutASellerHasNoOrders() {
        given(sellers.ofUser(USER)).willReturn(Optional.empty());
        assertThat(ship(SHIPMENT)).satisfies(problem(HttpStatus.NOT_FOUND, "ORDER_NOT_FOUND"));
    }

    @Test
    void pagesOfOneTo100AndOnlyCursorsItGaveOut() {
        assertThat(mine("size=0")).satisfies(invalid("size"));
        assertThat(mine("size=101")).satisfies(invalid("size"));
        assertThat(mine("cursor=abc")).satisfies(problem(HttpStatus.BAD_REQUEST, "INVALID_CURSOR"));
    }

    private MockMvcRequestBuilder ship(String body) {
        return mvc.post()
            .uri("/api/v1/sellers/me/orders/{id}/ship", SELLER_ORDER)
            .with(as(SELLER, USER))
            .contentType(APPLICATION_JSON)
            .content(body);
    }

    private MockMvcRequestBuilder mine(String query) {
        return mvc.get().uri("/api/v1/sellers/me/orders?" + query).with(as(SELLER, USER));
    }

}
