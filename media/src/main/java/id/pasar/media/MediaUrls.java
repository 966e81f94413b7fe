package id.pasar.media;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where a photo is served. Every photo has the same three widths, each the photo at that
 * width or at its own when narrower (never upscaled), so a URL follows from the id alone:
 * showing photos costs no query (search reads only a listing's row). The path of a
 * photo's width never changes meaning: its bytes are immutable and cached for a year.
 */
public final class MediaUrls {

    /** The widths, in pixels, narrowest first; also the keys of {@link #of}. */
    public static final List<Integer> WIDTHS = List.of(320, 720, 1280);

    private MediaUrls() {
    }

    /** The URL of one width: {@code /media/{mediaId}/{width}.jpg}. */
    public static String of(UUID mediaId, int width) {
        return "/media/" + mediaId + "/" + width + ".jpg";
    }

    /** Every width's URL, keyed by the width as text ({@code "320"}), narrowest first. */
    public static Map<String, String> of(UUID mediaId) {
        Map<String, String> urls = new LinkedHashMap<>();
        for (int width : WIDTHS) {
            urls.put(Integer.toString(width), of(mediaId, width));
        }
        return Collections.unmodifiableMap(urls);
    }

}
