package id.pasar.catalog.web;

import id.pasar.catalog.Categories;
import id.pasar.catalog.internal.CatalogProblems;
import id.pasar.catalog.internal.Listing;
import id.pasar.catalog.internal.Variant;
import id.pasar.catalog.internal.ListingContent;
import id.pasar.catalog.internal.PublishingWorkflow;
import id.pasar.catalog.internal.PublishingWorkflow.Publication;
import id.pasar.catalog.internal.SellerListings;
import id.pasar.kernel.InvalidFields;
import id.pasar.kernel.KeysetCursor;
import id.pasar.kernel.KeysetPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequiredArgsConstructor
@Tag(name = "Listings (sellers)", description = "A seller's own listings; another seller's are 404")
class SellerListingController {

    /** The caller's listings, newest first: a creation time and an id. */
    private static final String CURSOR = "listings";

    private final SellerListings listings;

    private final PublishingWorkflow publishing;

    private final Categories categories;

    private final ListingResponseMapper mapper;

    @PostMapping("/api/v1/listings")
    @Operation(summary = "Create a draft", description = "Any seller with an application may write drafts; "
            + "whether it is verified is checked when publishing.")
    ResponseEntity<ListingResponse> create(@Valid @RequestBody ListingRequest request, Principal caller) {
        Listing listing = listings.create(user(caller), checked(request));
        return ResponseEntity.created(URI.create("/api/v1/listings/" + listing.getId())).body(respond(listing));
    }

    @GetMapping("/api/v1/listings/{listingId}")
    @Operation(summary = "One of the caller's listings, whatever its status")
    ListingResponse read(@PathVariable UUID listingId, Principal caller) {
        return respond(listings.read(user(caller), listingId));
    }

    @PutMapping("/api/v1/listings/{listingId}")
    @Operation(summary = "Edit: a new version, back to DRAFT; publish it again to show it", description = """
            The options and variants are replaced by those given: a variant whose option values stay keeps its \
            id (and the carts that hold it); the others go, new ones come. 409 SKU_TAKEN when a SKU names another \
            variant of the seller.""")
    ListingResponse edit(@PathVariable UUID listingId, @Valid @RequestBody ListingRequest request, Principal caller) {
        return respond(listings.edit(user(caller), listingId, checked(request)));
    }

    @PutMapping("/api/v1/listings/{listingId}/stock")
    @Operation(summary = "Set the stock of a listing without options: no new version, no new compliance check",
            description = "A listing with options is 422 VARIANT_REQUIRED: set each variant's stock.")
    ListingResponse restock(@PathVariable UUID listingId, @Valid @RequestBody ListingRequest.Stock request,
            Principal caller) {
        return respond(listings.restock(user(caller), listingId, request.stock()));
    }

    @PutMapping("/api/v1/listings/{listingId}/variants/{variantId}")
    @Operation(summary = "Set a variant's price or stock: no new version, no new compliance check",
            description = "A published listing stays published. Adding or removing a variant, or changing option "
                    + "values, is an edit (PUT /listings/{listingId}): it is checked again.")
    ListingResponse changeVariant(@PathVariable UUID listingId, @PathVariable UUID variantId,
            @Valid @RequestBody ListingRequest.VariantChange request, Principal caller) {
        return respond(listings.changeVariant(user(caller), listingId, variantId, request.priceIdr(), request.stock()));
    }

    @PostMapping("/api/v1/listings/{listingId}/publish")
    @Operation(summary = "Ask compliance to publish the listing's current version", description = """
            200 {status: PUBLISHED, decisionId} on a PASS; 422 COMPLIANCE_REJECTED with every reason and the \
            decisionId otherwise (the refusal is logged). Reasons: SELLER_NOT_VERIFIED, SHIP_FROM_NOT_DOMESTIC, \
            PROHIBITED_CATEGORY, LICENCE_REQUIRED, HALAL_CERTIFICATE_REQUIRED.""")
    Published publish(@PathVariable UUID listingId, Principal caller) {
        Publication publication = publishing.publish(listingId, user(caller));
        if (!publication.published()) {
            throw new CatalogProblems.ComplianceRejected(publication.reasons(), publication.decisionId());
        }
        return new Published(listingId, "PUBLISHED", publication.decisionId());
    }

    record Published(UUID listingId, String status, UUID decisionId) {
    }

    @PostMapping("/api/v1/listings/{listingId}/unpublish")
    @Operation(summary = "Take the listing off the shelf: back to DRAFT")
    ListingResponse unpublish(@PathVariable UUID listingId, Principal caller) {
        return respond(listings.unpublish(user(caller), listingId));
    }

    @GetMapping("/api/v1/sellers/me/listings")
    @Operation(summary = "The caller's listings, newest first, with status and compliance reasons")
    KeysetPage<ListingResponse> mine(@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(required = false) @Size(max = KeysetCursor.MAX_LENGTH) String cursor, Principal caller) {
        KeysetCursor.Fields after = cursor == null ? null : KeysetCursor.decode(cursor, CURSOR, 2);
        List<Listing> fetched = listings.page(user(caller), after == null ? null : after.instant(0),
                after == null ? null : after.id(1), KeysetPage.fetchSize(size));
        Map<UUID, List<Variant>> variants = listings.variantsOf(fetched);
        return KeysetPage.of(fetched, size,
                listing -> mapper.toResponse(listing, variants.getOrDefault(listing.getId(), List.of())),
                last -> KeysetCursor.encode(CURSOR, last.getCreatedAt(), last.getId()));
    }

    private ListingContent checked(ListingRequest request) {
        if (categories.find(request.categoryCode()).isEmpty()) {
            throw new InvalidFields("categoryCode", "is not a category code (GET /api/v1/catalog/categories)");
        }
        return request.content();
    }

    private static UUID user(Principal caller) {
        return UUID.fromString(caller.getName());
    }

    private ListingResponse respond(Listing listing) {
        return mapper.toResponse(listing, listings.variantsOf(listing));
    }

}
