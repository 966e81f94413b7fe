package id.pasar.catalog;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Which listings are on the shelf now, for a module that shows them next to its own
 * content (a post's tagged listings): read at every view, so that a listing taken down or
 * withdrawn disappears from it at once.
 */
public interface PublishedListings {

    /**
     * The published listings among {@code listingIds}; a draft, a suspended or an unknown
     * listing is absent.
     */
    Map<UUID, Shelved> published(Collection<UUID> listingIds);

    /**
     * @param coverPhotoId the first photo, or null
     * @param priceIdr the lowest price of its variants
     */
    record Shelved(UUID listingId, UUID sellerId, String shopName, String title, long priceIdr, UUID coverPhotoId) {
    }

}
