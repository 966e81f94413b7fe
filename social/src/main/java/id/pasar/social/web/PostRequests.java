package id.pasar.social.web;

import id.pasar.kernel.InvalidFields;
import id.pasar.social.internal.PostBoard.Content;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/** The bodies of {@code POST} and {@code PATCH /api/v1/posts}. */
final class PostRequests {

    private PostRequests() {
    }

    /**
     * A new post: text up to 2,200 characters, up to 9 of the author's photos (in order),
     * up to 10 published listings tagged.
     */
    record NewPost(@NotNull @Size(max = 2200) String text, @Size(max = 9) List<@NotNull UUID> photoIds,
            @Size(max = 10) List<@NotNull UUID> listingIds) {

        Content content() {
            return new Content(text, distinct("photoIds", photoIds), distinct("listingIds", listingIds));
        }
    }

    /** An edit: each field given replaces the post's; a missing one is kept. */
    record PostChanges(@Size(max = 2200) String text, @Size(max = 9) List<@NotNull UUID> photoIds,
            @Size(max = 10) List<@NotNull UUID> listingIds) {

        Content content() {
            return new Content(text, photoIds == null ? null : distinct("photoIds", photoIds),
                    listingIds == null ? null : distinct("listingIds", listingIds));
        }
    }

    private static List<UUID> distinct(String field, List<UUID> ids) {
        if (ids == null) {
            return List.of();
        }
        if (new HashSet<>(ids).size() != ids.size()) {
            throw new InvalidFields(field, "must not repeat an id");
        }
        return List.copyOf(ids);
    }

}
