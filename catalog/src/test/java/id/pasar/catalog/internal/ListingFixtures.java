package id.pasar.catalog.internal;

import id.pasar.compliance.ListingRules.HalalStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Listings in each status, brought there through the aggregate's own verbs, at known
 * times.
 */
final class ListingFixtures {

    static final Instant CREATED = Instant.parse("2026-12-01T03:00:00Z");
    static final Instant PUBLISHED = CREATED.plus(Duration.ofMinutes(5));
    static final Instant SUSPENDED = CREATED.plus(Duration.ofDays(1));

    /** After everything above: when a test acts on a listing in any status. */
    static final Instant LATER = CREATED.plus(Duration.ofDays(7));

    static final UUID SELLER = UUID.fromString("00000000-0000-0000-0000-00000000c001");
    static final UUID FIRST_PASS = UUID.fromString("00000000-0000-0000-0000-00000000d001");
    static final UUID FAIL = UUID.fromString("00000000-0000-0000-0000-00000000d002");

    private ListingFixtures() {
    }

    static ListingContent batik() {
        return new ListingContent("Batik Tulis Parang", "Batik tulis tangan, katun primisima", "batik-kain", 350_000,
                12, "34.71", 400, null, null, null);
    }

    static ListingContent rendang() {
        return new ListingContent("Rendang Daging Sapi", "Rendang kemasan 250 g", "makanan-beku", 85_000, 40, "13.71",
                300, "MD 224510001234", HalalStatus.CERTIFIED, "ID31110001234567");
    }

    static Listing draftListing() {
        return new Listing(SELLER, batik(), CREATED);
    }

    static Listing publishedListing() {
        Listing listing = draftListing();
        listing.publish(1, FIRST_PASS, "v1", "Toko Batik Sekar", PUBLISHED);
        return listing;
    }

    static Listing suspendedListing() {
        Listing listing = publishedListing();
        listing.suspend(FAIL, List.of("SELLER_NOT_VERIFIED"), SUSPENDED);
        return listing;
    }

    static Listing inStatus(Listing.Status status) {
        return switch (status) {
            case DRAFT -> draftListing();
            case PUBLISHED -> publishedListing();
            case SUSPENDED -> suspendedListing();
        };
    }

}
