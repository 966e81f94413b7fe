package id.pasar.catalog.web;

import static id.pasar.gateway.web.ProblemHandling.invalid;
import static id.pasar.gateway.web.ProblemHandling.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.then;

import id.pasar.WebSlice;
import id.pasar.catalog.Categories;
import id.pasar.catalog.Categories.Category;
import id.pasar.catalog.internal.ExposureCounter;
import id.pasar.catalog.internal.ListingSearch;
import id.pasar.catalog.internal.ListingSearch.Hit;
import id.pasar.catalog.internal.ListingSearch.PublishedListing;
import id.pasar.catalog.internal.Variant;
import id.pasar.catalog.internal.ListingSearch.Query;
import id.pasar.catalog.internal.SearchSort;
import id.pasar.kernel.KeysetPage;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** What shoppers send to the shelf, without a token. */
@WebSlice(CatalogController.class)
class CatalogSliceTest {

    private static final UUID LISTING = UUID.randomUUID();

    private static final UUID SELLER = UUID.randomUUID();

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    ListingSearch search;

    @MockitoBean
    Categories categories;

    @MockitoBean
    ExposureCounter exposure;

    @Test
    void searchesWithTheShoppersFiltersAndCountsTheFirstPageAsImpressions() {
        given(categories.find("batik"))
            .willReturn(Optional.of(new Category("batik", null, "Batik", "Batik", false, null, null, false)));
        given(categories.withDescendants("batik")).willReturn(Set.of("batik", "batik-kain"));
        given(search.search(any())).willReturn(
                new KeysetPage<>(
                        List.of(new Hit(LISTING, "Kain Batik Tulis", 450_000, null, "Batik Sekar Jagad", SELLER,
                                "32.09", "32", "batik-kain", true, null, BigDecimal.ONE, WebSlice.NOW, "t", null)),
                        null));

        assertThat(mvc.get()
            .uri("/api/v1/catalog/listings?q= Batik Tulis &categoryCode=batik&provinceCode=32"
                    + "&minPriceIdr=0&maxPriceIdr=500000&sort=price_asc&size=5"))
            .hasStatusOk()
            .bodyJson()
            .extractingPath("$.items[0].listingId")
            .isEqualTo(LISTING.toString());
        then(search).should()
            .search(new Query("batik tulis", Set.of("batik", "batik-kain"), "32", 0L, 500_000L, SearchSort.PRICE_ASC, 5,
                    null));
        then(exposure).should()
            .firstPage(any(), argThat(hits -> hits.size() == 1 && hits.get(0).listingId().equals(LISTING)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "size=0, size", "size=101, size", "sort=cheapest, sort", "provinceCode=3, provinceCode",
            "provinceCode=320, provinceCode", "minPriceIdr=-1, minPriceIdr", "maxPriceIdr=-1, maxPriceIdr", })
    void refusesAParameterOutOfItsBounds(String parameter, String field) {
        assertThat(mvc.get().uri("/api/v1/catalog/listings?" + parameter)).satisfies(invalid(field));
    }

    @Test
    void refusesAQueryOver200Characters() {
        assertThat(mvc.get().uri("/api/v1/catalog/listings").param("q", "batik ".repeat(34))).satisfies(invalid("q"));
    }

    @Test
    void refusesAnUnknownCategory() {
        assertThat(mvc.get().uri("/api/v1/catalog/listings?categoryCode=senjata")).satisfies(invalid("categoryCode"));
    }

    @Test
    void refusesAPriceThatIsNotANumber() {
        assertThat(mvc.get().uri("/api/v1/catalog/listings?minPriceIdr=murah"))
            .satisfies(problem(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER"));
    }

    @Test
    void refusesACursorItDidNotGiveOut() {
        assertThat(mvc.get().uri("/api/v1/catalog/listings?cursor=abc"))
            .satisfies(problem(HttpStatus.BAD_REQUEST, "INVALID_CURSOR"));
    }

    @Test
    void showsAPublishedListingAndCountsTheView() {
        given(search.published(LISTING))
            .willReturn(Optional.of(new PublishedListing(LISTING, "Kain Batik Tulis", "Katun primisima", 450_000, null,
                    "Batik Sekar Jagad", SELLER, "32.09", "32", "batik-kain", 0, 400, null, null, List.of(),
                    List.of(new Variant(LISTING, LISTING, List.of(), null, 450_000, 0, 400)), List.of())));

        assertThat(mvc.get().uri("/api/v1/catalog/listings/{id}", LISTING)).hasStatusOk()
            .bodyJson()
            .extractingPath("$.inStock")
            .isEqualTo(false);
        then(exposure).should().detailView(any(), argThat(listing -> listing.listingId().equals(LISTING)));
    }

    @Test
    void aListingThatIsNotPublishedIsNotFound() {
        assertThat(mvc.get().uri("/api/v1/catalog/listings/{id}", LISTING))
            .satisfies(problem(HttpStatus.NOT_FOUND, "LISTING_NOT_FOUND"));
    }

    @Test
    void refusesAListingIdThatIsNotAUuid() {
        assertThat(mvc.get().uri("/api/v1/catalog/listings/batik"))
            .satisfies(problem(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER"));
    }

}
