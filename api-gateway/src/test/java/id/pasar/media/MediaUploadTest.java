package id.pasar.media;

import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.TestApplicationInitializer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Node;
import tools.jackson.databind.JsonNode;

/**
 * Photo uploads over HTTP on the real application: what is accepted, what is stored (no
 * metadata, three widths), how it is served, and every bad file refused with nothing
 * stored.
 */
@IntegrationTest
class MediaUploadTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;

    String seller;

    @BeforeEach
    void client() {
        api = new Api(port);
        seller = api.newAccount("SELLER");
    }

    @Test
    void storesEveryWidthWithoutExifOrGpsAndTurnedUpright() throws Exception {
        // Stored sideways (1600 x 1200) with orientation 6: the photo is 1200 wide, 1600
        // high.
        byte[] upload = TestImages.jpegWithGps(1600, 1200, 6);
        assertThat(TestImages.hasApp1(upload)).as("the fixture carries EXIF").isTrue();
        assertThat(TestImages.contains(upload, TestImages.SECRET.getBytes(StandardCharsets.US_ASCII))).isTrue();

        JsonNode media = MediaUploads.upload(api, seller, "IMG_0001.jpg", "image/jpeg", upload).expect(201).json();

        assertThat(media.get("width").asInt()).isEqualTo(1200);
        assertThat(media.get("height").asInt()).isEqualTo(1600);
        String id = media.get("mediaId").asString();
        assertThat(media.get("urls").get("320").asString()).isEqualTo("/media/" + id + "/320.jpg");
        assertThat(media.get("createdAt").isNull()).isFalse();
        int[][] sizes = { { 320, 320, 427 }, { 720, 720, 960 }, { 1280, 1200, 1600 } };
        for (int[] size : sizes) {
            HttpResponse<byte[]> served = MediaUploads.download(port,
                    media.get("urls").get(Integer.toString(size[0])).asString(), null);
            assertThat(served.statusCode()).isEqualTo(200);
            byte[] bytes = served.body();
            assertThat(TestImages.hasApp1(bytes)).as("an APP1 (EXIF/XMP) segment at " + size[0]).isFalse();
            assertThat(TestImages.contains(bytes, "Exif".getBytes(StandardCharsets.US_ASCII))).isFalse();
            assertThat(TestImages.contains(bytes, TestImages.SECRET.getBytes(StandardCharsets.US_ASCII))).isFalse();
            assertThat(metadataNodes(bytes)).as("decoded metadata at " + size[0])
                .noneMatch(name -> name.equals("app1") || name.equals("unknown") || name.equals("com"));
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            assertThat(image.getWidth()).as("width at " + size[0]).isEqualTo(size[1]);
            assertThat(image.getHeight()).as("height at " + size[0]).isEqualTo(size[2]);
            // The stored top-left mark, turned 90 degrees clockwise, is now top-right.
            assertThat(blue(image.getRGB(image.getWidth() - 5, 5))).isTrue();
            assertThat(blue(image.getRGB(5, 5))).isFalse();
        }
        assertThat(storedFiles(id)).containsExactlyInAnyOrder("320.jpg", "720.jpg", "1280.jpg");
    }

    @Test
    void acceptsPngWithTransparencyAndWebp() {
        JsonNode png = MediaUploads.upload(api, seller, "foto.png", "image/png", TestImages.png(400, 300))
            .expect(201)
            .json();
        assertThat(png.get("width").asInt()).isEqualTo(400);
        byte[] served = MediaUploads.download(port, png.get("urls").get("1280").asString(), null).body();
        assertThat(TestImages.bytes(0xFF, 0xD8)).isEqualTo(new byte[] { served[0], served[1] });

        JsonNode webp = MediaUploads.upload(api, seller, "foto.webp", "image/webp", TestImages.WEBP_1X1)
            .expect(201)
            .json();
        assertThat(webp.get("width").asInt()).isEqualTo(1);
        assertThat(webp.get("height").asInt()).isEqualTo(1);
    }

    @Test
    void theTypeComesFromTheBytesNotTheNameOrContentType() {
        // A real PNG sent as a .jpg with image/gif: it is a PNG.
        MediaUploads.upload(api, seller, "foto.jpg", "image/gif", TestImages.png(50, 50)).expect(201);
    }

    @Test
    void refusesBadFilesAndStoresNothing() {
        byte[] png = TestImages.png(600, 400);
        byte[] jpeg = TestImages.jpeg(600, 400);
        byte[] fiveMibAndOne = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(jpeg, 0, fiveMibAndOne, 0, jpeg.length);
        List<Object[]> cases = List.of(
                new Object[] { "shell.jpg", "image/jpeg",
                        "<?php system($_GET['c']); ?>".getBytes(StandardCharsets.UTF_8), 415, "UNSUPPORTED_IMAGE" },
                new Object[] { "index.jpg", "image/jpeg",
                        "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), 415,
                        "UNSUPPORTED_IMAGE" },
                new Object[] { "logo.svg", "image/svg+xml",
                        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                            .getBytes(StandardCharsets.UTF_8),
                        415, "UNSUPPORTED_IMAGE" },
                new Object[] { "anim.gif", "image/gif",
                        TestImages.encode(TestImages.picture(20, 20, BufferedImage.TYPE_INT_RGB), "gif"), 415,
                        "UNSUPPORTED_IMAGE" },
                new Object[] { "half.png", "image/png", java.util.Arrays.copyOf(png, png.length / 2), 415,
                        "UNSUPPORTED_IMAGE" },
                new Object[] { "half.jpg", "image/jpeg", java.util.Arrays.copyOf(jpeg, jpeg.length / 2), 415,
                        "UNSUPPORTED_IMAGE" },
                new Object[] { "empty.jpg", "image/jpeg", new byte[0], 415, "UNSUPPORTED_IMAGE" },
                new Object[] { "bomb.png", "image/png", TestImages.pngHeader(50_000, 50_000), 413, "IMAGE_TOO_LARGE" },
                new Object[] { "huge.jpg", "image/jpeg", fiveMibAndOne, 413, "PAYLOAD_TOO_LARGE" });
        for (Object[] bad : cases) {
            long rowsBefore = rows();
            long filesBefore = files();
            Api.Response response = MediaUploads.upload(api, seller, (String) bad[0], (String) bad[1], (byte[]) bad[2]);
            assertThat(response.status()).as(bad[0] + ": " + response.body()).isEqualTo(bad[3]);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("code").asString()).as((String) bad[0]).isEqualTo(bad[4]);
            assertThat(rows()).as(bad[0] + " recorded nothing").isEqualTo(rowsBefore);
            assertThat(files()).as(bad[0] + " stored nothing").isEqualTo(filesBefore);
        }
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsRead() {
        byte[] sevenMib = new byte[7 * 1024 * 1024];
        Api.Response response = MediaUploads.upload(api, seller, "big.jpg", "image/jpeg", sevenMib);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
        // Other paths keep their 1 MiB limit.
        Api.Response json = api.post("/api/v1/listings", "{\"title\":\"" + "a".repeat(1_100_000) + "\"}")
            .bearer(seller)
            .send();
        assertThat(json.status()).isEqualTo(413);
    }

    @Test
    void servesWithLongCachingAStrongEtagAndNotModified() throws Exception {
        JsonNode media = MediaUploads.upload(api, seller, "a.jpg", "image/jpeg", TestImages.jpeg(900, 600))
            .expect(201)
            .json();
        String path = media.get("urls").get("720").asString();

        HttpResponse<byte[]> served = MediaUploads.download(port, path, null);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        String cacheControl = served.headers().firstValue("Cache-Control").orElseThrow();
        assertThat(cacheControl).contains("public", "max-age=31536000", "immutable").doesNotContain("no-store");
        String etag = served.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isEqualTo(
                "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(served.body())) + "\"");

        HttpResponse<byte[]> again = MediaUploads.download(port, path, etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);
        assertThat(MediaUploads.download(port, path, "\"another\"").statusCode()).isEqualTo(200);

        for (String unknown : List.of("/media/" + java.util.UUID.randomUUID() + "/720.jpg",
                "/media/" + media.get("mediaId").asString() + "/500.jpg", "/media/not-an-id/720.jpg")) {
            Api.Response missing = api.get(unknown).send();
            assertThat(missing.status()).as(unknown).isEqualTo(404);
            assertThat(missing.json().get("code").asString()).isEqualTo("MEDIA_NOT_FOUND");
        }
    }

    @Test
    void refusesMalformedRequestsAndOtherRoles() {
        byte[] jpeg = TestImages.jpeg(40, 40);
        assertProblem(MediaUploads.upload(api, null, "a.jpg", "image/jpeg", jpeg), 401, "UNAUTHORIZED");
        assertProblem(MediaUploads.upload(api, api.newAccount("SHOPPER"), "a.jpg", "image/jpeg", jpeg), 403,
                "FORBIDDEN");
        assertProblem(MediaUploads.multipart(api, seller, "photo", "a.jpg", "image/jpeg", jpeg), 400,
                "MISSING_PARAMETER");
        assertProblem(api.post("/api/v1/media", "{}").bearer(seller).send(), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(api.post("/api/v1/media", null)
            .rawBody(java.net.http.HttpRequest.BodyPublishers.ofString("--x\r\nnot a part at all"),
                    "multipart/form-data; boundary=x")
            .bearer(seller)
            .send(), 400, "MALFORMED_REQUEST");
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("code").asString()).isEqualTo(code);
    }

    private static boolean blue(int rgb) {
        int red = rgb >> 16 & 0xFF;
        int blue = rgb & 0xFF;
        return blue > 150 && red < 100;
    }

    private long rows() {
        return jdbc.sql("SELECT count(*) FROM media.media").query(Long.class).single();
    }

    private static long files() {
        try (Stream<Path> all = Files.walk(TestApplicationInitializer.MEDIA_DIRECTORY)) {
            return all.filter(Files::isRegularFile).count();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static List<String> storedFiles(String mediaId) throws IOException {
        try (Stream<Path> all = Files.list(TestApplicationInitializer.MEDIA_DIRECTORY.resolve(mediaId))) {
            return all.map(path -> path.getFileName().toString()).toList();
        }
    }

    /**
     * The names of every node of the JPEG's native metadata tree, as a decoder reads it.
     */
    private static List<String> metadataNodes(byte[] jpeg) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            ImageReader reader = readers.next();
            reader.setInput(in);
            IIOMetadata metadata = reader.getImageMetadata(0);
            List<String> names = new java.util.ArrayList<>();
            collect(metadata.getAsTree(metadata.getNativeMetadataFormatName()), names);
            reader.dispose();
            return names;
        }
    }

    private static void collect(Node node, List<String> names) {
        names.add(node.getNodeName());
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            collect(child, names);
        }
    }

}
