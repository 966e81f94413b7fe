package id.pasar.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.pasar.media.internal.MediaProperties;
import id.pasar.media.internal.S3MediaStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The S3 adapter against a stub of the S3 REST API (path-style PutObject, GetObject,
 * HeadObject, DeleteObject, and S3's NoSuchKey error), as the payment tests stub
 * Midtrans: the SDK's requests are real, only the service is not.
 */
class S3MediaStoreTest {

    private static final String BUCKET = "pasar-media";

    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();

    private final List<String> requests = new CopyOnWriteArrayList<>();

    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    private final Map<String, String> contentTypes = new ConcurrentHashMap<>();

    private HttpServer server;

    private S3MediaStore store;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        store = new S3MediaStore(new MediaProperties.S3(BUCKET, "http://127.0.0.1:" + server.getAddress().getPort(),
                "ap-southeast-3", "test-key", "test-secret", true));
    }

    @AfterEach
    void stop() {
        store.close();
        server.stop(0);
    }

    @Test
    void putsGetsAndDeletesObjectsPathStyleAndSigned() {
        byte[] jpeg = TestImages.jpeg(30, 20);
        String key = "0b6a3c1e-4a55-4d0e-9a53-6f3a2f1d9e10/320.jpg";

        store.put(key, jpeg, "image/jpeg");

        assertThat(objects.get("/" + BUCKET + "/" + key)).isEqualTo(jpeg);
        assertThat(contentTypes.get("/" + BUCKET + "/" + key)).isEqualTo("image/jpeg");
        assertThat(requests).contains("PUT /" + BUCKET + "/" + key);
        assertThat(authorizations).allMatch(auth -> auth.startsWith("AWS4-HMAC-SHA256 Credential=test-key/")
                && auth.contains("/ap-southeast-3/s3/aws4_request"));
        assertThat(store.get(key)).hasValue(jpeg);
        assertThat(store.get("0b6a3c1e-4a55-4d0e-9a53-6f3a2f1d9e10/720.jpg")).isEmpty();

        store.delete(key);
        assertThat(store.get(key)).isEmpty();
        assertThat(requests).contains("DELETE /" + BUCKET + "/" + key);
    }

    /**
     * S3's {@code aws-chunked} body, which the SDK sends over plain HTTP: chunks of
     * {@code <hex size>;chunk-signature=<sig>\r\n<data>\r\n}, ending with size 0.
     */
    private static byte[] unchunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (true) {
            int lineEnd = indexOfCrlf(body, i);
            String header = new String(body, i, lineEnd - i, StandardCharsets.US_ASCII);
            int size = Integer.parseInt(header.split(";")[0], 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(body, lineEnd + 2, size);
            i = lineEnd + 2 + size + 2;
        }
    }

    private static int indexOfCrlf(byte[] body, int from) {
        for (int i = from; i + 1 < body.length; i++) {
            if (body[i] == '\r' && body[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalArgumentException("no chunk header");
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        requests.add(method + " " + path);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        authorizations.add(authorization == null ? "" : authorization);
        byte[] body = exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().add("x-amz-request-id", "stub");
        switch (method) {
            case "PUT" -> {
                String payload = exchange.getRequestHeaders().getFirst("x-amz-content-sha256");
                objects.put(path, payload != null && payload.startsWith("STREAMING-") ? unchunk(body) : body);
                contentTypes.put(path, exchange.getRequestHeaders().getFirst("Content-Type"));
                exchange.getResponseHeaders().add("ETag", "\"stub\"");
                exchange.sendResponseHeaders(200, -1);
            }
            case "GET", "HEAD" -> {
                byte[] object = objects.get(path);
                if (object == null) {
                    byte[] error = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchKey</Code>"
                            + "<Message>The specified key does not exist.</Message><Key>" + path + "</Key></Error>")
                        .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/xml");
                    exchange.sendResponseHeaders(404, method.equals("HEAD") ? -1 : error.length);
                    if (!method.equals("HEAD")) {
                        exchange.getResponseBody().write(error);
                    }
                }
                else {
                    exchange.getResponseHeaders().add("Content-Type", "image/jpeg");
                    exchange.getResponseHeaders().add("ETag", "\"stub\"");
                    exchange.sendResponseHeaders(200, method.equals("HEAD") ? -1 : object.length);
                    if (!method.equals("HEAD")) {
                        exchange.getResponseBody().write(object);
                    }
                }
            }
            case "DELETE" -> {
                objects.remove(path);
                exchange.sendResponseHeaders(204, -1);
            }
            default -> exchange.sendResponseHeaders(405, -1);
        }
        exchange.close();
    }

}
