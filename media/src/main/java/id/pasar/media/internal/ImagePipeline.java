package id.pasar.media.internal;

import id.pasar.media.MediaUrls;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Semaphore;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import net.coobird.thumbnailator.Thumbnails;
import org.springframework.stereotype.Component;

/**
 * From uploaded bytes to the stored widths, all in memory, before anything is stored:
 * <ol>
 * <li>the type from the first bytes (JPEG, PNG, WebP magic numbers), never from the name
 * or the Content-Type;</li>
 * <li>the size from the header, refused over {@code maxPixels} before the raster is
 * decoded (a decompression bomb never gets the memory it asks for);</li>
 * <li>the whole image decoded: an error or a decoder's warning (a truncated JPEG decodes
 * with a grey bottom and a warning) refuses it;</li>
 * <li>each width resized (Thumbnailator), turned upright by the EXIF orientation, with
 * any transparency laid on white, and encoded as a fresh baseline JPEG (quality 0.85)
 * from the pixels alone: no EXIF, GPS, XMP, ICC or comment of the upload survives.</li>
 * </ol>
 * Decoding takes up to four bytes a pixel (160 MB at 40 megapixels), so at most two
 * images are processed at once per instance; others wait their turn.
 */
@Component
public class ImagePipeline {

    public enum Format {

        JPEG, PNG, WEBP

    }

    /** One stored width: its key width, its pixels, its JPEG bytes and their SHA-256. */
    public record Rendition(int width, int pixelWidth, int pixelHeight, byte[] jpeg, String sha256) {
    }

    /** An accepted upload: its format and upright size, and each width's rendition. */
    public record Processed(Format format, int width, int height, List<Rendition> renditions) {
    }

    static final float QUALITY = 0.85f;

    private final long maxPixels;

    private final Semaphore decoding = new Semaphore(2, true);

    ImagePipeline(MediaProperties properties) {
        this.maxPixels = properties.maxPixels();
        // The TwelveMonkeys readers (WebP; JPEG in CMYK) register through ServiceLoader
        // on the class loader that first touches ImageIO: in a packaged application that
        // may not be the one that holds them. Images are small: no disk cache.
        ImageIO.scanForPlugins();
        ImageIO.setUseCache(false);
    }

    /**
     * @throws MediaProblems.UnsupportedImage not JPEG, PNG or WebP, or not decodable
     * @throws MediaProblems.ImageTooLarge more pixels than allowed
     */
    public Processed process(byte[] bytes) {
        Format format = sniff(bytes);
        if (format == null) {
            throw new MediaProblems.UnsupportedImage("FORMAT");
        }
        decoding.acquireUninterruptibly();
        try {
            BufferedImage decoded = decode(bytes, format);
            int orientation = format == Format.JPEG ? ExifOrientation.of(bytes) : 1;
            boolean turned = orientation >= 5;
            int width = turned ? decoded.getHeight() : decoded.getWidth();
            int height = turned ? decoded.getWidth() : decoded.getHeight();
            List<Rendition> renditions = new ArrayList<>();
            for (int target : MediaUrls.WIDTHS) {
                BufferedImage upright = upright(resized(decoded, Math.min(target, width) / (double) width),
                        orientation);
                byte[] jpeg = jpeg(upright);
                renditions.add(new Rendition(target, upright.getWidth(), upright.getHeight(), jpeg, sha256(jpeg)));
            }
            return new Processed(format, width, height, renditions);
        }
        finally {
            decoding.release();
        }
    }

    /** The format by its magic number, or null. */
    static Format sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return Format.JPEG;
        }
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D
                && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return Format.PNG;
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
                && b[10] == 'B' && b[11] == 'P') {
            return Format.WEBP;
        }
        return null;
    }

    private BufferedImage decode(byte[] bytes, Format format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.name().toLowerCase());
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for " + format);
        }
        ImageReader reader = readers.next();
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw new MediaProblems.UnsupportedImage("CORRUPT");
            }
            if ((long) width * height > maxPixels) {
                throw new MediaProblems.ImageTooLarge(width, height, maxPixels);
            }
            BufferedImage image = reader.read(0);
            if (image == null || !warnings.isEmpty()) {
                throw new MediaProblems.UnsupportedImage("CORRUPT");
            }
            return image;
        }
        catch (IOException | RuntimeException ex) {
            if (ex instanceof MediaProblems.UnsupportedImage || ex instanceof MediaProblems.ImageTooLarge) {
                throw (RuntimeException) ex;
            }
            // A decoder's own failure on hostile bytes (an index out of bounds, say) is
            // the file's fault, not ours.
            throw new MediaProblems.UnsupportedImage("CORRUPT");
        }
        finally {
            reader.dispose();
        }
    }

    private static BufferedImage resized(BufferedImage image, double scale) {
        if (scale >= 1.0) {
            return image;
        }
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        try {
            return Thumbnails.of(image).forceSize(width, height).asBufferedImage();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * The image as displayed (EXIF orientation 1-8 applied), on white, in plain RGB: a
     * new raster, so nothing of the source's colour model or properties carries over.
     */
    static BufferedImage upright(BufferedImage source, int orientation) {
        int w = source.getWidth();
        int h = source.getHeight();
        boolean turned = orientation >= 5 && orientation <= 8;
        BufferedImage target = new BufferedImage(turned ? h : w, turned ? w : h, BufferedImage.TYPE_INT_RGB);
        AffineTransform transform = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
            default -> new AffineTransform();
        };
        Graphics2D g = target.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, target.getWidth(), target.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(source, transform, null);
        }
        finally {
            g.dispose();
        }
        return target;
    }

    private static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.setOutput(stream);
            // No metadata given: the writer writes a bare JFIF header, nothing else.
            writer.write(null, new IIOImage(image, null, null), param);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
