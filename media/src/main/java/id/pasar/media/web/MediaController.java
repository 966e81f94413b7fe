package id.pasar.media.web;

import id.pasar.media.MediaUrls;
import id.pasar.media.internal.MediaLibrary;
import id.pasar.media.internal.MediaLibrary.StoredMedia;
import id.pasar.media.internal.MediaLibrary.StoredRendition;
import id.pasar.media.internal.MediaProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Media", description = "Photos: uploaded by sellers, served to anyone")
class MediaController {

    /** The largest photo file accepted; the gateway lets this path's body be that big. */
    static final long MAX_BYTES = DataSize.ofMegabytes(5).toBytes();

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    /** A width's bytes never change: a year, and no revalidation. */
    private static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private final MediaLibrary library;

    MediaController(MediaLibrary library) {
        this.library = library;
    }

    @PostMapping(path = "/api/v1/media", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a photo (multipart/form-data, part 'file')", description = """
            JPEG, PNG or WebP, read from the bytes (not the name or Content-Type), at most 5 MiB and 40 megapixels. \
            The photo is decoded, turned upright and re-encoded as JPEG in three widths (320, 720, 1280; never \
            upscaled) without any metadata: EXIF, GPS and XMP are gone. 415 UNSUPPORTED_IMAGE for anything else \
            (a PHP file named .jpg, an SVG, a GIF, a truncated image), 413 PAYLOAD_TOO_LARGE or IMAGE_TOO_LARGE; \
            nothing is stored then. The uploader owns the photo: only it may attach it to a listing.""")
    ResponseEntity<Uploaded> upload(@RequestParam("file") MultipartFile file, Principal caller) throws IOException {
        if (file.getSize() > MAX_BYTES) {
            throw new MediaProblems.PayloadTooLarge(MAX_BYTES);
        }
        if (file.isEmpty()) {
            throw new MediaProblems.UnsupportedImage("FORMAT");
        }
        StoredMedia media = library.upload(UUID.fromString(caller.getName()), file.getBytes());
        Map<String, String> urls = MediaUrls.of(media.mediaId());
        return ResponseEntity.created(URI.create(MediaUrls.of(media.mediaId(), MediaUrls.WIDTHS.get(2))))
            .body(new Uploaded(media.mediaId(), media.width(), media.height(), urls,
                    media.createdAt().atZone(JAKARTA).toOffsetDateTime()));
    }

    /**
     * @param width the upright size of the upload, in pixels
     * @param urls each width's URL, keyed by the width
     */
    record Uploaded(UUID mediaId, int width, int height, Map<String, String> urls, OffsetDateTime createdAt) {
    }

    @GetMapping(path = "/media/{mediaId}/{width}.jpg", produces = MediaType.IMAGE_JPEG_VALUE)
    @Operation(summary = "A photo at one width (320, 720 or 1280): public, immutable, cached for a year",
            description = "ETag is the SHA-256 of the bytes; If-None-Match with it answers 304.")
    ResponseEntity<byte[]> serve(
            @Parameter(description = "anything else is 404 MEDIA_NOT_FOUND",
                    schema = @Schema(type = "string", format = "uuid")) @PathVariable String mediaId,
            @Parameter(description = "anything else is 404 MEDIA_NOT_FOUND",
                    schema = @Schema(type = "string",
                            allowableValues = { "320", "720", "1280" })) @PathVariable String width,
            // Bounded by the server (8 KB of headers), not by a @Size.
            @Parameter(schema = @Schema(type = "string", maxLength = 8192)) @RequestHeader(name = "If-None-Match",
                    required = false) String ifNoneMatch) {
        StoredRendition rendition = library.rendition(id(mediaId), width(width))
            .orElseThrow(MediaProblems.MediaNotFound::new);
        String etag = "\"" + rendition.sha256() + "\"";
        if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).cacheControl(FOREVER).eTag(etag).build();
        }
        byte[] bytes = library.bytes(rendition).orElseThrow(MediaProblems.MediaNotFound::new);
        return ResponseEntity.ok()
            .cacheControl(FOREVER)
            .eTag(etag)
            .contentType(MediaType.IMAGE_JPEG)
            .contentLength(bytes.length)
            .body(bytes);
    }

    /** RFC 9110's weak comparison for If-None-Match: a list of tags, or {@code *}. */
    private static boolean matches(String ifNoneMatch, String etag) {
        for (String tag : ifNoneMatch.split(",")) {
            String candidate = tag.trim();
            if (candidate.startsWith("W/")) {
                candidate = candidate.substring(2);
            }
            if (candidate.equals("*") || candidate.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static UUID id(String text) {
        try {
            return UUID.fromString(text);
        }
        catch (IllegalArgumentException ex) {
            throw new MediaProblems.MediaNotFound();
        }
    }

    private static int width(String text) {
        for (int width : MediaUrls.WIDTHS) {
            if (Integer.toString(width).equals(text)) {
                return width;
            }
        }
        throw new MediaProblems.MediaNotFound();
    }

}
