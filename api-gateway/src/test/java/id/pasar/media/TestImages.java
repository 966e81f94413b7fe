package id.pasar.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Images built in code, as the tests need them: real, hostile, broken. */
public final class TestImages {

    /**
     * A marker written into the EXIF of {@link #jpegWithGps}: it must never come back.
     */
    static final String SECRET = "RUMAH-PENJUAL-JL-MAWAR-7";

    /**
     * A lossless WebP of 1 by 1 pixel (34 bytes): RIFF, VP8L, the smallest valid image.
     */
    static final byte[] WEBP_1X1 = bytes(0x52, 0x49, 0x46, 0x46, 0x1a, 0x00, 0x00, 0x00, 0x57, 0x45, 0x42, 0x50, 0x56,
            0x50, 0x38, 0x4c, 0x0d, 0x00, 0x00, 0x00, 0x2f, 0x00, 0x00, 0x00, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88,
            0xfe, 0x07, 0x00);

    private TestImages() {
    }

    static BufferedImage picture(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(200, 60, 40));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(20, 90, 200));
        // A mark at the stored top-left corner, to see where it ends up.
        g.fillRect(0, 0, width / 4, height / 4);
        g.dispose();
        return image;
    }

    static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }

    public static byte[] jpeg(int width, int height) {
        return encode(picture(width, height, BufferedImage.TYPE_INT_RGB), "jpeg");
    }

    static byte[] png(int width, int height) {
        return encode(picture(width, height, BufferedImage.TYPE_INT_ARGB), "png");
    }

    /**
     * A JPEG with an EXIF segment (APP1) right after SOI, built by hand: IFD0 with an
     * ImageDescription (the {@link #SECRET}), the orientation, and a GPS IFD pointer; the
     * GPS IFD with latitude S 6°12'30" and longitude E 106°49'40" (Jakarta), as a phone
     * writes them.
     */
    static byte[] jpegWithGps(int width, int height, int orientation) {
        byte[] plain = jpeg(width, height);
        byte[] secret = (SECRET + "\0").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer tiff = ByteBuffer.allocate(512);
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        // IFD0 at 8: 3 entries, then the next-IFD offset 0.
        int ifd0 = 8;
        int gpsIfd = ifd0 + 2 + 3 * 12 + 4;
        int gpsEntries = 4;
        int gpsData = gpsIfd + 2 + gpsEntries * 12 + 4;
        int descriptionAt = gpsData + 6 * 8;
        tiff.putShort((short) 3);
        entry(tiff, 0x010E, 2, secret.length, descriptionAt);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        entry(tiff, 0x8825, 4, 1, gpsIfd);
        tiff.putInt(0);
        // GPS IFD.
        tiff.putShort((short) gpsEntries);
        tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'S').put((byte) 0).putShort((short) 0);
        entry(tiff, 0x0002, 5, 3, gpsData);
        tiff.putShort((short) 0x0003).putShort((short) 2).putInt(2).put((byte) 'E').put((byte) 0).putShort((short) 0);
        entry(tiff, 0x0004, 5, 3, gpsData + 24);
        tiff.putInt(0);
        // Latitude 6/1 12/1 30/1, longitude 106/1 49/1 40/1.
        for (int value : new int[] { 6, 12, 30, 106, 49, 40 }) {
            tiff.putInt(value).putInt(1);
        }
        tiff.put(secret);
        byte[] tiffBytes = Arrays.copyOf(tiff.array(), tiff.position());
        byte[] exif = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        int length = 2 + exif.length + tiffBytes.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(exif);
        out.writeBytes(tiffBytes);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    private static void entry(ByteBuffer tiff, int tag, int type, int count, int offset) {
        tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(offset);
    }

    /**
     * A PNG whose header declares {@code width} by {@code height} pixels, with a valid
     * CRC, and a few bytes of image data: a decompression bomb's header.
     */
    static byte[] pngHeader(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A));
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2);
        chunk(out, "IHDR", Arrays.copyOf(ihdr.array(), 13));
        chunk(out, "IDAT", bytes(0x78, 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    /**
     * Whether the JPEG has an APP1 segment (EXIF or XMP) before its image data: walks the
     * markers, so no entropy-coded byte can look like one.
     */
    static boolean hasApp1(byte[] jpeg) {
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == 0xDA || marker == 0xD9) {
                return false;
            }
            if (marker == 0xE1) {
                return true;
            }
            i += 2 + ((jpeg[i + 2] & 0xFF) << 8 | (jpeg[i + 3] & 0xFF));
        }
        return false;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

}
