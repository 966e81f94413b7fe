package id.pasar.media;

import id.pasar.kernel.ProblemException;
import java.util.Collection;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** Whose photos are whose: another module attaches only its caller's own photos. */
public interface MediaOwnership {

    /**
     * @throws PhotoNotOwned naming the ids that are not photos uploaded by
     * {@code accountId} (unknown ids and other accounts' alike)
     */
    void requireOwnedBy(UUID accountId, Collection<UUID> mediaIds);

    /**
     * Photo ids given with something an account writes that do not name photos it
     * uploaded: 422 {@code PHOTO_NOT_OWNED}, with {@code mediaIds}. Another account's
     * photo and one that does not exist get the same answer, so ids cannot be probed.
     */
    final class PhotoNotOwned extends ProblemException {

        public PhotoNotOwned(Collection<UUID> mediaIds) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "PHOTO_NOT_OWNED", "Photo not yours",
                    "Every photo must be one you uploaded (POST /api/v1/media).");
            property("mediaIds", mediaIds.stream().map(UUID::toString).toList());
        }

    }

}
