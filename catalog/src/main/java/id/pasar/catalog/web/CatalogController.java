package id.pasar.catalog.web;

import id.pasar.catalog.Categories;
import id.pasar.catalog.RankingFormula;
import id.pasar.catalog.internal.CatalogProblems;
import id.pasar.catalog.internal.ExposureCounter;
import id.pasar.catalog.internal.ListingSearch;
import id.pasar.catalog.internal.ListingSearch.Hit;
import id.pasar.catalog.internal.ListingSearch.Position;
import id.pasar.catalog.internal.ListingSearch.PublishedListing;
import id.pasar.catalog.internal.SearchSort;
import id.pasar.catalog.internal.Variant;
import id.pasar.kernel.InvalidFields;
import id.pasar.kernel.KeysetCursor;
import id.pasar.kernel.KeysetPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What shoppers see, without a token: the published shelf only. */
@RestController
@RequestMapping("/api/v1/catalog")
@RequiredArgsConstructor
@Tag(name = "Catalog (shoppers)", description = "Browse and search published listings; no token needed")
class CatalogController {

    private final ListingSearch search;

    private final Categories categories;

    private final ExposureCounter exposure;

    @GetMapping("/listings")
    @Operation(summary = "Search the published listings",
            description = """
                    `q` is full text with Indonesian stemming and tolerates small typos in titles. \
                    Filters combine; `categoryCode` includes its children. Pages of `size` (max 100) with an opaque \
                    `cursor` from the previous page's `nextCursor`. `relevance` orders by the published formula of             `GET /api/v1/catalog/ranking`. Each listing on a first page counts as an impression, once per client and day, for the auditors'             exposure report (aggregates only).""")
    KeysetPage<SearchItem> listings(
            @Parameter(example = "batik tulis") @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) @Size(max = 40) String categoryCode,
            // Quoted: the example is read as JSON, and a bare 32 would be a number.
            @Parameter(example = "\"32\"") @RequestParam(required = false) @Size(max = 2) @Pattern(
                    regexp = "\\d{2}") String provinceCode,
            @RequestParam(required = false) @Min(0) @Max(ListingRequest.MAX_PRICE_IDR) Long minPriceIdr,
            @RequestParam(required = false) @Min(0) @Max(ListingRequest.MAX_PRICE_IDR) Long maxPriceIdr,
            @Parameter(description = "relevance (default), price_asc, price_desc or newest") @RequestParam(
                    defaultValue = "relevance") @Size(
                            max = 10) @Pattern(regexp = "relevance|price_asc|price_desc|newest") String sort,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(required = false) @Size(max = KeysetCursor.MAX_LENGTH) String cursor, Principal caller,
            HttpServletRequest request) {
        Set<String> categoryCodes = null;
        if (categoryCode != null) {
            if (categories.find(categoryCode).isEmpty()) {
                throw new InvalidFields("categoryCode", "is not a category code (GET /api/v1/catalog/categories)");
            }
            categoryCodes = categories.withDescendants(categoryCode);
        }
        String text = q == null || q.isBlank() ? null : q.trim().toLowerCase(Locale.ROOT);
        ListingSearch.Query query = new ListingSearch.Query(text, categoryCodes, provinceCode, minPriceIdr, maxPriceIdr,
                SearchSort.valueOf(sort.toUpperCase(Locale.ROOT)), size, null);
        if (cursor != null) {
            query = query.startingAfter(Position.decode(cursor, query.effectiveSort()));
        }
        KeysetPage<Hit> page = search.search(query);
        if (cursor == null) {
            exposure.firstPage(viewer(caller, request), page.items());
        }
        return new KeysetPage<>(page.items().stream().map(SearchItem::of).toList(), page.nextCursor());
    }

    @GetMapping("/listings/{listingId}")
    @Operation(summary = "One published listing; 404 unless published")
    ListingDetail listing(@PathVariable UUID listingId, Principal caller, HttpServletRequest request) {
        PublishedListing listing = search.published(listingId).orElseThrow(CatalogProblems.ListingNotFound::new);
        exposure.detailView(viewer(caller, request), listing);
        return ListingDetail.of(listing);
    }

    /**
     * The client of the exposure count: the token's account when there is one, else the
     * address.
     */
    private ExposureCounter.Viewer viewer(Principal caller, HttpServletRequest request) {
        return exposure.viewer(caller == null ? null : caller.getName(), request.getRemoteAddr());
    }

    @GetMapping("/ranking")
    @Operation(summary = "The relevance sort's whole formula: factors, weights and tie-break",
            description = "The search binds these very weights into its query. No factor is about the seller.")
    RankingFormula ranking() {
        return RankingFormula.CURRENT;
    }

    @GetMapping("/categories")
    @Operation(summary = "The whole category tree, with prohibited, regulated and halal-required categories marked",
            description = "Names in Bahasa Indonesia, or English with Accept-Language: en.")
    KeysetPage<CategoryItem> categories(Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        return KeysetPage.whole(categories.all()
            .stream()
            .map(c -> new CategoryItem(c.code(), english ? c.nameEn() : c.name(), c.parentCode(), c.prohibited(),
                    c.requiredLicence(), c.halalRequired()))
            .toList());
    }

    /**
     * {@code halalStatus} NON_HALAL is shown to shoppers as "tidak halal".
     * {@code priceIdr} is the lowest price of the listing's variants; {@code priceFrom}
     * says that others cost more (shown "mulai dari"), up to {@code maxPriceIdr}.
     */
    record SearchItem(UUID listingId, String title, long priceIdr, boolean priceFrom, Long maxPriceIdr, String shopName,
            UUID sellerId, String shipFromRegencyCode, String provinceCode, String categoryCode, boolean inStock,
            String halalStatus,
            @Schema(description = "The cover photo, or null when the listing has none") Photo photo) {
        static SearchItem of(Hit hit) {
            return new SearchItem(hit.listingId(), hit.title(), hit.priceIdr(), hit.maxPriceIdr() != null,
                    hit.maxPriceIdr(), hit.shopName(), hit.sellerId(), hit.shipFromRegencyCode(), hit.provinceCode(),
                    hit.categoryCode(), hit.inStock(), hit.halalStatus(),
                    hit.photoId() == null ? null : Photo.of(hit.photoId()));
        }
    }

    /**
     * A published listing with every variant and its stock state; a listing without
     * options has one variant, whose id is the listing's.
     */
    record ListingDetail(UUID listingId, String title, String description, long priceIdr, boolean priceFrom,
            Long maxPriceIdr, String shopName, UUID sellerId, String shipFromRegencyCode, String provinceCode,
            String categoryCode, boolean inStock, int stock, int weightGrams, String halalStatus,
            String halalCertificateNumber, List<String> optionTypes, List<VariantItem> variants,
            @Schema(description = "The photos, in order, the first the cover") List<Photo> photos) {
        static ListingDetail of(PublishedListing l) {
            return new ListingDetail(l.listingId(), l.title(), l.description(), l.priceIdr(), l.maxPriceIdr() != null,
                    l.maxPriceIdr(), l.shopName(), l.sellerId(), l.shipFromRegencyCode(), l.provinceCode(),
                    l.categoryCode(), l.stock() > 0, l.stock(), l.weightGrams(), l.halalStatus(),
                    l.halalCertificateNumber(), l.optionTypes(), l.variants().stream().map(VariantItem::of).toList(),
                    Photo.all(l.photoIds()));
        }
    }

    /**
     * A variant as shoppers see it.
     *
     * @param options one value of each option type, in their order
     */
    record VariantItem(UUID variantId, List<String> options, long priceIdr, int stock, boolean inStock,
            int weightGrams) {
        static VariantItem of(Variant v) {
            return new VariantItem(v.id(), v.optionValues(), v.priceIdr(), v.stock(), v.stock() > 0, v.weightGrams());
        }
    }

    record CategoryItem(String code, String name, String parentCode, boolean prohibited, String requiredLicence,
            boolean halalRequired) {
    }

}
