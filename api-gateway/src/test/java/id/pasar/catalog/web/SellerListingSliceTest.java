package id.pasar.catalog.web;

import static id.pasar.JsonBody.with;
import static id.pasar.gateway.security.Role.SELLER;
import static id.pasar.gateway.security.SliceSecurity.as;
import static id.pasar.gateway.web.ProblemHandling.invalid;
import static id.pasar.gateway.web.ProblemHandling.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.springframework.http.MediaType.APPLICATION_JSON;

import id.pasar.WebSlice;
import id.pasar.catalog.Categories;
import id.pasar.catalog.Categories.Category;
import id.pasar.catalog.internal.Listing;
import id.pasar.catalog.internal.ListingContent;
import id.pasar.catalog.internal.PublishingWorkflow;
import id.pasar.catalog.internal.PublishingWorkflow.Publication;
import id.pasar.catalog.internal.SellerListings;
import java.util.List;
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

@WebSlice(SellerListingController.class)
@Import(ListingResponseMapperImpl.class)
class SellerListingSliceTest {

    private static final UUID USER = UUID.randomUUID();

    private static final UUID LISTING = UUID.randomUUID();

    private static final String DRAFT = """
            { "title": "  Kain Batik Tulis Mega Mendung ", "description": "Katun primisima, 2 meter.",
              "categoryCode": "batik-kain", "priceIdr": 450000, "stock": 12, "shipFromRegencyCode": "3209",
              "weightGrams": 400 }""";

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    SellerListings listings;

    @MockitoBean
    PublishingWorkflow publishing;

    @MockitoBean
    Categories categories;

    @BeforeEach
    void batikIsACategoryAndDraftsAreWritten() {
        given(categories.find("batik-kain")).willReturn(Optional
            .of(new Category("batik-kain", "batik", "Kain batik", "Batik cloth", false, null, null, false)));
        Listing draft = mock(Listing.class);
        given(draft.getId()).willReturn(LISTING);
        given(draft.getStatus()).willReturn(Listing.Status.DRAFT);
        given(listings.create(eq(USER), any())).willReturn(draft);
    }

    @Test
    void createsADraftWithTheRegencyDottedAndTheTitleTrimmed() {
        assertThat(create(DRAFT)).hasStatus(HttpStatus.CREATED)
            .hasHeader("Location", "/api/v1/listings/" + LISTING)
            .bodyJson()
            .extractingPath("$.status")
            .isEqualTo("DRAFT");
        verify(listings).create(USER, new ListingContent("Kain Batik Tulis Mega Mendung", "Katun primisima, 2 meter.",
                "batik-kain", 450_000, 12, "32.09", 400, null, null, null));
    }

    @Test
    void namesEveryMissingField() {
        assertThat(create("{}"))
            .satisfies(invalid("title", "categoryCode", "priceIdr", "stock", "shipFromRegencyCode", "weightGrams"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({ "priceIdr, 0", "priceIdr, 10000000001", "stock, -1", "stock, 1000001", "weightGrams, 0",
            "weightGrams, 1000001", })
    void refusesANumberOutOfItsBounds(String field, long value) {
        assertThat(create(with(DRAFT, field, value))).satisfies(invalid(field));
    }

    @ParameterizedTest(name = "{0} = \"{1}\"")
    @CsvSource({ "title, ' '", "categoryCode, ''", "shipFromRegencyCode, 32-09", "shipFromRegencyCode, 320",
            "shipFromRegencyCode, 32.091", })
    void refusesAMalformedText(String field, String value) {
        assertThat(create(with(DRAFT, field, value))).satisfies(invalid(field));
    }

    @Test
    void refusesATitleOver200AndADescriptionOver5000Characters() {
        assertThat(create(with(DRAFT, "title", "x".repeat(201)))).satisfies(invalid("title"));
        assertThat(create(with(DRAFT, "description", "x".repeat(5001)))).satisfies(invalid("description"));
        assertThat(create(with(DRAFT, "title", "x".repeat(200)))).hasStatus(HttpStatus.CREATED);
    }

    @Test
    void refusesAnUnknownCategory() {
        assertThat(create(with(DRAFT, "categoryCode", "no-such-category"))).satisfies(invalid("categoryCode"));
    }

    @Test
    void refusesAnUnknownHalalStatusAsMalformed() {
        assertThat(create(with(DRAFT, "halalStatus", "MAYBE")))
            .satisfies(problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST"))
            .bodyJson()
            .extractingPath("$.errors[0].field")
            .isEqualTo("halalStatus");
    }

    @Test
    void checksAnEditLikeACreation() {
        assertThat(seller(mvc.put().uri("/api/v1/listings/{id}", LISTING), with(DRAFT, "stock", -1)))
            .satisfies(invalid("stock"));
    }

    @Test
    void refusesANegativeOrMissingStock() {
        assertThat(seller(mvc.put().uri("/api/v1/listings/{id}/stock", LISTING), "{\"stock\": -1}"))
            .satisfies(invalid("stock"));
        assertThat(seller(mvc.put().uri("/api/v1/listings/{id}/stock", LISTING), "{}")).satisfies(invalid("stock"));
    }

    @Test
    void aRefusedPublicationIs422WithEveryReasonAndTheDecision() {
        UUID decision = UUID.randomUUID();
        given(publishing.publish(LISTING, USER))
            .willReturn(new Publication(false, List.of("SELLER_NOT_VERIFIED", "LICENCE_REQUIRED"), decision));

        assertThat(seller(mvc.post().uri("/api/v1/listings/{id}/publish", LISTING), null))
            .satisfies(problem(HttpStatus.UNPROCESSABLE_CONTENT, "COMPLIANCE_REJECTED"))
            .bodyJson()
            .satisfies(body -> {
                assertThat(body).extractingPath("$.reasons")
                    .asArray()
                    .containsExactly("SELLER_NOT_VERIFIED", "LICENCE_REQUIRED");
                assertThat(body).extractingPath("$.decisionId").isEqualTo(decision.toString());
            });
    }

    @Test
    void aPassedPublicationIsPublishedWithItsDecision() {
        UUID decision = UUID.randomUUID();
        given(publishing.publish(LISTING, USER)).willReturn(new Publication(true, List.of(), decision));

        assertThat(seller(mvc.post().uri("/api/v1/listings/{id}/publish", LISTING), null)).hasStatusOk()
            .bodyJson()
            .extractingPath("$.status")
            .isEqualTo("PUBLISHED");
    }

    @Test
    void refusesAListingIdThatIsNotAUuid() {
        assertThat(seller(mvc.post().uri("/api/v1/listings/42/unpublish"), null))
            .satisfies(problem(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER"));
    }

    @Test
    void pagesOfOneTo100AndOnlyCursorsItGaveOut() {
        assertThat(mine("size=0")).satisfies(invalid("size"));
        assertThat(mine("size=101")).satisfies(invalid("size"));
        assertThat(mine("cursor=bm90LW91cnM")).satisfies(problem(HttpStatus.BAD_REQUEST, "INVALID_CURSOR"));
        assertThat(mine("size=100")).hasStatusOk().bodyJson().extractingPath("$.nextCursor").isNull();
    }

    @Test
    void needsAToken() {
        assertThat(mvc.post().uri("/api/v1/listings").contentType(APPLICATION_JSON).content(DRAFT))
            .satisfies(problem(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED"));
    }

    private MockMvcRequestBuilder create(String body) {
        return seller(mvc.post().uri("/api/v1/listings"), body);
    }

    private MockMvcRequestBuilder mine(String query) {
        return seller(mvc.get().uri("/api/v1/sellers/me/listings?" + query), null);
    }

    private static MockMvcRequestBuilder seller(MockMvcRequestBuilder request, String body) {
        request.with(as(SELLER, USER));
        return body == null ? request : request.contentType(APPLICATION_JSON).content(body);
    }

}
