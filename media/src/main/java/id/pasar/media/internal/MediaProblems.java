package id.pasar.media.internal;

import id.pasar.kernel.ProblemException;
import org.springframework.http.HttpStatus;

/** The refusals of the media module, each with its stable code. */
public final class MediaProblems {

    private MediaProblems() {
    }

    /**
     * Not a JPEG, PNG or WebP by its bytes (whatever its name or Content-Type says), or
     * one that does not decode (truncated, corrupt). {@code reason}: FORMAT or CORRUPT.
     */
    public static final class UnsupportedImage extends ProblemException {

        public UnsupportedImage(String reason) {
            super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_IMAGE", "Unsupported image",
                    "The file must be a whole JPEG, PNG or WebP image; its type is read from its bytes.");
            property("reason", reason);
        }

    }

    /**
     * More pixels than are ever decoded ({@code maxPixels}), as the file's header
     * declares them: a decompression bomb is refused before its raster is read.
     */
    public static final class ImageTooLarge extends ProblemException {

        public ImageTooLarge(int width, int height, long maxPixels) {
            super(HttpStatus.CONTENT_TOO_LARGE, "IMAGE_TOO_LARGE", "Image too large",
                    "An image may have at most " + maxPixels + " pixels (width times height).");
            property("width", width);
            property("height", height);
            property("maxPixels", maxPixels);
        }

    }

    /** A file over the upload limit, as the gateway's body limit answers other paths. */
    public static final class PayloadTooLarge extends ProblemException {

        public PayloadTooLarge(long limitBytes) {
            super(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", "Request body too large",
                    "A photo may hold at most 5 MiB (" + limitBytes + " bytes).");
            property("limitBytes", limitBytes);
        }

    }

    /** No such photo, or no such width of it. */
    public static final class MediaNotFound extends ProblemException {

        public MediaNotFound() {
            super(HttpStatus.NOT_FOUND, "MEDIA_NOT_FOUND", "Media not found", "There is no such photo.");
        }

    }

}
