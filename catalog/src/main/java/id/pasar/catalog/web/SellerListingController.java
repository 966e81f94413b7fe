package id.pasar.catalog.web;

import id.pasar.catalog.Categories;
import id.pasar.catalog.internal.CatalogProblems.InvalidListing;
import id.pasar.catalog.internal.Listing;
import id.pasar.catalog.internal.ListingContent;
import id.pasar.catalog.internal.SellerListings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
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
@SecurityRequirement(name = "bearer")
@Tag(name = "Listings (sellers)", description = "A seller's own listings; another seller's are 404")
class SellerListingController {

    private final SellerListings listings;
    private final Categories categories;
    private final ListingResponseMapper mapper;

    @PostMapping("/api/v1/listings")
    @Operation(summary = "Create a draft", description = "Any seller with an application may write drafts; "
            + "whether it is verified is checked when publishing.")
    ResponseEntity<ListingResponse> create(@Valid @RequestBody ListingRequest request, Principal caller) {
        Listing listing = listings.create(user(caller), checked(request));
        return ResponseEntity.created(URI.create("/api/v1/listings/" + listing.getId())).body(mapper.toResponse(listing));
    }

    @GetMapping("/api/v1/listings/{listingId}")
    @Operation(summary = "One of the caller's listings, whatever its status")
    ListingResponse read(@PathVariable UUID listingId, Principal caller) {
        return mapper.toResponse(listings.read(user(caller), listingId));
    }

    @PutMapping("/api/v1/listings/{listingId}")
    @Operation(summary = "Edit: a new version, back to DRAFT; publish it again to show it")
    ListingResponse edit(@PathVariable UUID listingId, @Valid @RequestBody ListingRequest request, Principal caller) {
        return mapper.toResponse(listings.edit(user(caller), listingId, checked(request)));
    }

    @PutMapping("/api/v1/listings/{listingId}/stock")
    @Operation(summary = "Set the stock alone: no new version, no new compliance check")
    ListingResponse restock(@PathVariable UUID listingId, @Valid @RequestBody ListingRequest.Stock request, Principal caller) {
        return mapper.toResponse(listings.restock(user(caller), listingId, request.stock()));
    }

    @PostMapping("/api/v1/listings/{listingId}/unpublish")
    @Operation(summary = "Take the listing off the shelf: back to DRAFT")
    ListingResponse unpublish(@PathVariable UUID listingId, Principal caller) {
        return mapper.toResponse(listings.unpublish(user(caller), listingId));
    }

    @GetMapping("/api/v1/sellers/me/listings")
    @Operation(summary = "The caller's listings, newest first, with status and compliance reasons")
    ListingPage mine(@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(required = false) String cursor, Principal caller) {
        PageCursor after = cursor == null ? null : PageCursor.decode(cursor);
        List<Listing> page = listings.page(user(caller), after == null ? null : after.instant(),
                after == null ? null : after.id(), size + 1);
        boolean more = page.size() > size;
        List<Listing> items = more ? page.subList(0, size) : page;
        Listing last = more ? items.get(size - 1) : null;
        return new ListingPage(items.stream().map(mapper::toResponse).toList(),
                last == null ? null : new PageCursor(last.getCreatedAt(), last.getId()).encode());
    }

    record ListingPage(List<ListingResponse> items, String nextCursor) {
    }

    private ListingContent checked(ListingRequest request) {
        if (categories.find(request.categoryCode()).isEmpty()) {
            throw new InvalidListing("categoryCode", "is not a category code (GET /api/v1/catalog/categories)");
        }
        return request.content();
    }

    private static UUID user(Principal caller) {
        return UUID.fromString(caller.getName());
    }

    /** An opaque position in a list ordered by a time and an id. */
    record PageCursor(Instant instant, UUID id) {
        String encode() {
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                    (instant.toString() + "|" + id).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        static PageCursor decode(String text) {
            try {
                String[] parts = new String(java.util.Base64.getUrlDecoder().decode(text),
                        java.nio.charset.StandardCharsets.UTF_8).split("\\|", 2);
                return new PageCursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw new InvalidListing("cursor", "is not a cursor this API gave out");
            }
        }
    }
}
