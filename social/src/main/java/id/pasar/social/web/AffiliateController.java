package id.pasar.social.web;

import id.pasar.catalog.PublishedListings.Shelved;
import id.pasar.kernel.KeysetCursor;
import id.pasar.kernel.KeysetPage;
import id.pasar.social.AffiliateRefKey;
import id.pasar.social.internal.AffiliateProgram;
import id.pasar.social.internal.AffiliateProgram.OpenListing;
import id.pasar.social.internal.AffiliateProgram.Plan;
import id.pasar.social.internal.AffiliateProgram.ShowcaseItem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The affiliate program's routes (docs/social.md, "Affiliates"): sellers' plans,
 * creators' showcases and the listings open to them, and shoppers' clicks.
 */
@RestController
@Validated
@Tag(name = "Affiliates",
        description = "Sellers open listings to creators at a commission; creators showcase them; shoppers' clicks")
class AffiliateController {

    private static final String OPEN_CURSOR = "affiliate-open";

    private static final String SHOWCASE_CURSOR = "showcase";

    private final AffiliateProgram program;

    AffiliateController(AffiliateProgram program) {
        this.program = program;
    }

    @PutMapping("/api/v1/sellers/me/affiliate-plans/{listingId}")
    @Operation(summary = "Open the caller's published listing to affiliates, or change its rate", description = """
            commissionPercent, 1 to 30, of the item subtotal, the same for every creator; an order pays the rate in \
            force when it was placed. Another seller's listing, a draft and an unknown one: 404 LISTING_NOT_FOUND.""")
    PlanResponse open(@PathVariable UUID listingId, @Valid @RequestBody Rate rate, Principal caller) {
        return plan(program.open(account(caller), listingId, rate.commissionPercent()));
    }

    @DeleteMapping("/api/v1/sellers/me/affiliate-plans/{listingId}")
    @Operation(summary = "Close the plan: orders placed from now on pay no commission (204, open or not)")
    ResponseEntity<Void> close(@PathVariable UUID listingId, Principal caller) {
        program.close(account(caller), listingId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/sellers/me/affiliate-plans")
    @Operation(summary = "The caller's open plans, the most recently opened first")
    KeysetPage<PlanResponse> plans(Principal caller) {
        return KeysetPage.whole(program.plansOf(account(caller)).stream().map(AffiliateController::plan).toList());
    }

    @GetMapping("/api/v1/affiliate/listings")
    @Operation(summary = "Published listings open to affiliates, the most recently opened first (CREATOR)")
    KeysetPage<OpenListingResponse> openListings(@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(required = false) @Size(max = KeysetCursor.MAX_LENGTH) String cursor) {
        KeysetCursor.Fields after = cursor == null ? null : KeysetCursor.decode(cursor, OPEN_CURSOR, 2);
        List<OpenListing> walked = program.openListings(after == null ? null : after.instant(0),
                after == null ? null : after.id(1), KeysetPage.fetchSize(size));
        KeysetPage<OpenListing> page = KeysetPage.of(walked, size, open -> open,
                last -> KeysetCursor.encode(OPEN_CURSOR, last.openSince(), last.listingId()));
        return new KeysetPage<>(page.items()
            .stream()
            .filter(open -> open.listing() != null)
            .map(open -> new OpenListingResponse(listing(open.listing(), null), open.commissionPercent(),
                    CreatorController.time(open.openSince())))
            .toList(), page.nextCursor());
    }

    @PutMapping("/api/v1/creators/me/showcase/{listingId}")
    @Operation(summary = "Add a listing to the caller's showcase (204; again: nothing)", description = """
            A VERIFIED creator (422 AUTHOR_NOT_VERIFIED); a published listing open to affiliates (422 \
            LISTING_NOT_AFFILIATE_OPEN); at most 200 listings (422 SHOWCASE_FULL).""")
    ResponseEntity<Void> showcase(@PathVariable UUID listingId, Principal caller) {
        program.showcase(account(caller), listingId);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/v1/creators/me/showcase/{listingId}")
    @Operation(summary = "Remove a listing from the caller's showcase (204, there or not)")
    ResponseEntity<Void> removeFromShowcase(@PathVariable UUID listingId, Principal caller) {
        program.removeFromShowcase(account(caller), listingId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/creators/{handle}/showcase")
    @Operation(summary = "A creator's showcase (public): the listings published and open to affiliates now",
            description = """
                    Newest first, in keyset pages; each with the affiliateRef a client sends to POST \
                    /api/v1/affiliate-clicks when the shopper opens it, and with the order's item.""")
    KeysetPage<ListingResponse> showcaseOf(@PathVariable @Size(max = 30) String handle,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(required = false) @Size(max = KeysetCursor.MAX_LENGTH) String cursor) {
        KeysetCursor.Fields after = cursor == null ? null : KeysetCursor.decode(cursor, SHOWCASE_CURSOR, 2);
        List<ShowcaseItem> walked = program.showcaseOf(handle, after == null ? null : after.instant(0),
                after == null ? null : after.id(1), KeysetPage.fetchSize(size));
        KeysetPage<ShowcaseItem> page = KeysetPage.of(walked, size, item -> item,
                last -> KeysetCursor.encode(SHOWCASE_CURSOR, last.addedAt(), last.listingId()));
        return new KeysetPage<>(page.items()
            .stream()
            .filter(item -> item.listing() != null)
            .map(item -> listing(item.listing(), item.affiliateRef()))
            .toList(), page.nextCursor());
    }

    @PostMapping("/api/v1/affiliate-clicks")
    @Operation(summary = "The shopper opened a listing through a creator's reference (204)", description = """
            Counted for the creator and remembered for 7 days: the shopper's order of the listing within them \
            earns the creator of the last touch its commission. 400 AFFILIATE_REF_INVALID for a reference the \
            platform did not give out. 120 a minute per shopper (429 TOO_MANY_CLICKS).""")
    ResponseEntity<Void> click(@Valid @RequestBody Click click, Principal caller) {
        program.click(account(caller), click.affiliateRef());
        return ResponseEntity.noContent().build();
    }

    private static UUID account(Principal caller) {
        return UUID.fromString(caller.getName());
    }

    private static PlanResponse plan(Plan plan) {
        return new PlanResponse(plan.listingId(), plan.commissionPercent(), CreatorController.time(plan.openSince()));
    }

    private static ListingResponse listing(Shelved listing, String affiliateRef) {
        return new ListingResponse(listing.listingId(), listing.title(), listing.priceIdr(), listing.sellerId(),
                listing.shopName(), PostController.photoOf(listing), affiliateRef);
    }

    @Schema(name = "CommissionRate")
    record Rate(@Schema(example = "10", minimum = "1",
            maximum = "30") @NotNull @Min(1) @Max(30) Integer commissionPercent) {
    }

    record Click(@Schema(maxLength = AffiliateRefKey.MAX_LENGTH) @NotNull @Size(
            max = AffiliateRefKey.MAX_LENGTH) String affiliateRef) {
    }

    record PlanResponse(UUID listingId, int commissionPercent, OffsetDateTime openSince) {
    }

    record OpenListingResponse(ListingResponse listing, int commissionPercent, OffsetDateTime openSince) {
    }

    /**
     * @param affiliateRef in a showcase: the reference to carry; null where none applies
     */
    @Schema(name = "ShowcaseListing")
    record ListingResponse(UUID listingId, String title, long priceIdr, UUID sellerId, String shopName,
            PostController.Photo photo, String affiliateRef) {
    }

}
