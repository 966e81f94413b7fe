package id.pasar.catalog.web;

import id.pasar.media.MediaUrls;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A listing's photo: its id and its URL at each width (320, 720, 1280), which follow from
 * the id, so showing photos reads nothing but the listing's row.
 */
record Photo(UUID mediaId,
        @Schema(example = "{\"320\": \"/media/3f0c.../320.jpg\", \"720\": \"/media/3f0c.../720.jpg\", "
                + "\"1280\": \"/media/3f0c.../1280.jpg\"}") Map<String, String> urls) {

    static Photo of(UUID mediaId) {
        return new Photo(mediaId, MediaUrls.of(mediaId));
    }

    static List<Photo> all(List<UUID> mediaIds) {
        return mediaIds == null ? List.of() : mediaIds.stream().map(Photo::of).toList();
    }

}
