package id.pasar.media;

import id.pasar.Api;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Multipart uploads and binary downloads, which {@link Api} does not build. */
public final class MediaUploads {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private MediaUploads() {
    }

    /** {@code POST /api/v1/media} with one part {@code file}. */
    public static Api.Response upload(Api api, String token, String filename, String contentType, byte[] bytes) {
        return multipart(api, token, "file", filename, contentType, bytes);
    }

    public static Api.Response multipart(Api api, String token, String part, String filename, String contentType,
            byte[] bytes) {
        String boundary = "pasar-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                + filename + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Api.Request request = api.post("/api/v1/media", null)
            .rawBody(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()),
                    "multipart/form-data; boundary=" + boundary);
        return token == null ? request.send() : request.bearer(token).send();
    }

    /** A GET whose body is kept as bytes. */
    public static HttpResponse<byte[]> download(int port, String path, String ifNoneMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

}
