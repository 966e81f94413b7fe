package id.pasar.media.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The EXIF orientation (tag 0x0112 of IFD0, 1 to 8) of a JPEG, read from its bytes: the
 * one piece of metadata that is applied (the photo is turned upright) before all of it is
 * dropped. Anything unexpected reads as 1, upright as stored: a malformed segment never
 * refuses a photo that decodes.
 */
final class ExifOrientation {

    private static final byte[] EXIF = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);

    private static final int ORIENTATION_TAG = 0x0112;

    private ExifOrientation() {
    }

    static int of(byte[] jpeg) {
        int i = 2;
        while (i + 4 <= jpeg.length) {
            if (jpeg[i] != (byte) 0xFF) {
                return 1;
            }
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++;
                continue;
            }
            if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                i += 2;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                return 1;
            }
            int length = u16(jpeg, i + 2, false);
            int start = i + 4;
            int end = i + 2 + length;
            if (length < 2 || end > jpeg.length) {
                return 1;
            }
            if (marker == 0xE1 && end - start > EXIF.length + 8
                    && Arrays.equals(jpeg, start, start + EXIF.length, EXIF, 0, EXIF.length)) {
                int orientation = tiffOrientation(jpeg, start + EXIF.length, end);
                if (orientation != 0) {
                    return orientation;
                }
            }
            i = end;
        }
        return 1;
    }

    private static int tiffOrientation(byte[] b, int tiff, int end) {
        boolean little;
        if (b[tiff] == 'I' && b[tiff + 1] == 'I') {
            little = true;
        }
        else if (b[tiff] == 'M' && b[tiff + 1] == 'M') {
            little = false;
        }
        else {
            return 0;
        }
        if (u16(b, tiff + 2, little) != 42) {
            return 0;
        }
        long ifd = u32(b, tiff + 4, little);
        if (ifd < 8 || tiff + ifd + 2 > end) {
            return 0;
        }
        int entries = tiff + (int) ifd + 2;
        int count = u16(b, entries - 2, little);
        for (int k = 0; k < count; k++) {
            int entry = entries + 12 * k;
            if (entry + 12 > end) {
                return 0;
            }
            if (u16(b, entry, little) == ORIENTATION_TAG && u16(b, entry + 2, little) == 3) {
                int value = u16(b, entry + 8, little);
                return value >= 1 && value <= 8 ? value : 0;
            }
        }
        return 0;
    }

    private static int u16(byte[] b, int at, boolean little) {
        int first = b[at] & 0xFF;
        int second = b[at + 1] & 0xFF;
        return little ? second << 8 | first : first << 8 | second;
    }

    private static long u32(byte[] b, int at, boolean little) {
        long high = u16(b, little ? at + 2 : at, little);
        long low = u16(b, little ? at : at + 2, little);
        return high << 16 | low;
    }

}
