package id.pasar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of the running application over real HTTP, as the mobile app and the auditors'
 * tools are: requests are built by hand, responses read as JSON.
 */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    public Request get(String path) {
        return new Request("GET", path, null);
    }

    public Request post(String path, Object body) {
        return new Request("POST", path, body);
    }

    public Request put(String path, Object body) {
        return new Request("PUT", path, body);
    }

    public Request patch(String path, Object body) {
        return new Request("PATCH", path, body);
    }

    public Request delete(String path) {
        return new Request("DELETE", path, null);
    }

    /** Registers an account of a self-service role and returns its token. */
    public String newAccount(String role) {
        String email = role.toLowerCase() + "-" + UUID.randomUUID() + "@example.id";
        post("/api/v1/auth/register", Map.of("email", email, "password", "password-" + role.toLowerCase(),
                "displayName", "Tester", "role", role))
            .send()
            .expect(201);
        return token(email, "password-" + role.toLowerCase());
    }

    /** An account of any role, created by the bootstrap ADMIN. */
    public String newStaffAccount(String role) {
        String email = role.toLowerCase() + "-" + UUID.randomUUID() + "@example.id";
        post("/api/v1/admin/users", Map.of("email", email, "password", "password-" + role.toLowerCase(), "displayName",
                "Staff", "role", role))
            .bearer(adminToken())
            .send()
            .expect(201);
        return token(email, "password-" + role.toLowerCase());
    }

    public String adminToken() {
        return token(TestApplicationInitializer.ADMIN_EMAIL, TestApplicationInitializer.ADMIN_PASSWORD);
    }

    public String token(String email, String password) {
        return post("/api/v1/auth/token", Map.of("email", email, "password", password)).send()
            .expect(200)
            .json()
            .get("accessToken")
            .asString();
    }

    /**
     * Every item of a paged list (api.md's {@code items}/{@code nextCursor}), 100 a page,
     * page after page.
     */
    public List<JsonNode> allItems(String path, String token) {
        List<JsonNode> all = new ArrayList<>();
        String separator = path.contains("?") ? "&" : "?";
        String cursor = null;
        do {
            JsonNode page = get(path + separator + "size=100" + (cursor == null ? "" : "&cursor=" + cursor))
                .bearer(token)
                .send()
                .expect(200)
                .json();
            page.get("items").forEach(all::add);
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        }
        while (cursor != null);
        return all;
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    public final class Request {

        private final String method;

        private final String path;

        private HttpRequest.BodyPublisher body;

        private final Map<String, String> headers = new LinkedHashMap<>();

        private Request(String method, String path, Object body) {
            this.method = method;
            this.path = path;
            if (body != null) {
                this.body = HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : json(body));
                headers.put("Content-Type", "application/json");
            }
        }

        public Request bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        public Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Request rawBody(HttpRequest.BodyPublisher publisher, String contentType) {
            this.body = publisher;
            headers.put("Content-Type", contentType);
            return this;
        }

        public Response send() {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body != null ? body : HttpRequest.BodyPublishers.noBody());
            headers.forEach(builder::header);
            try {
                return new Response(http.send(builder.build(), HttpResponse.BodyHandlers.ofString()));
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

    }

    public record Response(HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public JsonNode json() {
            return JSON.readTree(raw.body());
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        /** Fails with the whole response when the status is another. */
        public Response expect(int status) {
            if (status() != status) {
                throw new AssertionError("expected HTTP " + status + " but got " + status() + ": " + body());
            }
            return this;
        }
    }

}
