package id.pasar.faults;

import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.onboarding.SellerFixtures;
import id.pasar.orders.OrderFixtures;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Fuzzing the request bodies of every POST and PUT endpoint (api.md's, as built), each
 * with a valid token of the role it needs: valid JSON of random shape, the endpoint's own
 * body with fields swapped for values of random types (or dropped, or joined by
 * strangers), and random bytes. Whatever comes in, the answer is a 2xx or an RFC 9457
 * problem with a stable {@code code}, never a 5xx.
 *
 * <p>
 * {@value #TRIES} tries per endpoint from a seed printed with any failure (and fixed with
 * {@code -Dpasar.fuzz.seed=...}), so a failure can be replayed.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestBodyFuzzIT {

    private static final int TRIES = 50;

    private static final long SEED = Long.getLong("pasar.fuzz.seed", System.nanoTime());

    private static final String[] STRINGS = { "", " ", "a", "KTP", "PASSPORT", "LOCAL_ENTITY", "INDIVIDUAL", "BUSINESS",
            "WNI", "FEMALE", "APPROVE", "REJECT", "SHOPPER", "ADMIN", "3204110609970001", "32.04", "3204", "99.99",
            "1997-09-06", "2026-02-30", "not-a-date", "00000000-0000-0000-0000-000000000000", "x".repeat(5000),
            "\u0000", "\uD83D\uDE00", "<script>", "'; DROP TABLE x; --", "settlement", "100000.00", "1e309", "NaN",
            "\\u0000" };

    @LocalServerPort
    int port;

    Api api;

    Seller seller;

    String listing;

    String shopper;

    String order;

    String sellerOrder;

    String officer;

    String admin;

    @BeforeAll
    void aWorldToFuzzIn() {
        api = new Api(port);
        seller = CatalogFixtures.verifiedSeller(api);
        listing = OrderFixtures.listingWithStock(api, seller, 1_000, 10_000);
        shopper = api.newAccount("SHOPPER");
        JsonNode placed = OrderFixtures.place(api, shopper, OrderFixtures.order(listing, 1)).expect(201).json();
        order = placed.get("orderId").asString();
        sellerOrder = placed.get("sellerOrders").get(0).get("sellerOrderId").asString();
        officer = api.newStaffAccount("COMPLIANCE_OFFICER");
        admin = api.adminToken();
    }

    record Endpoint(String method, String path, String token, Map<String, Object> validBody) {
        @Override
        public String toString() {
            return method + " " + path.replaceAll("[0-9a-f-]{36}", "{id}");
        }
    }

    @TestFactory
    Stream<DynamicTest> everyWriteEndpointAnswersRandomBodiesWithA2xxOrAProblem() {
        Map<String, Object> listingBody = CatalogFixtures.listing("Keranjang Fuzz");
        String passport = SellerFixtures.passportNumber();
        LocalDate born = LocalDate.of(1990, 6, 15);
        LocalDate expiry = LocalDate.now().plusYears(5);
        List<Endpoint> endpoints = List.of(
                new Endpoint("POST", "/api/v1/auth/register", null,
                        Map.of("email", "fuzz@example.id", "password", "password-1234", "displayName", "Fuzz", "role",
                                "SHOPPER")),
                new Endpoint("POST", "/api/v1/auth/token", null,
                        Map.of("email", "fuzz@example.id", "password", "password-1234")),
                new Endpoint("POST", "/api/v1/admin/users", admin,
                        Map.of("email", "staff@example.id", "password", "password-1234", "displayName", "Staff", "role",
                                "AUDITOR")),
                new Endpoint("POST", "/api/v1/sellers", seller.token(), SellerFixtures.pendingKtpApplication()),
                new Endpoint("POST", "/api/v1/sellers", api.newAccount("SELLER"),
                        SellerFixtures.application("INDIVIDUAL",
                                SellerFixtures.passport(passport, "IDN", born, "FEMALE", expiry,
                                        SellerFixtures.mrz(passport, "IDN", born, "F", expiry)))),
                new Endpoint("POST", "/api/v1/sellers", api.newAccount("SELLER"),
                        SellerFixtures.application("BUSINESS",
                                SellerFixtures.entity(SellerFixtures.nib(), SellerFixtures.npwp(), "ID", "CV"))),
                new Endpoint("POST", "/api/v1/listings", seller.token(), listingBody),
                new Endpoint("PUT", "/api/v1/listings/" + listing, seller.token(), listingBody),
                new Endpoint("PUT", "/api/v1/listings/" + listing + "/stock", seller.token(), Map.of("stock", 1_000)),
                new Endpoint("POST", "/api/v1/listings/" + listing + "/publish", seller.token(), Map.of()),
                new Endpoint("POST", "/api/v1/listings/" + listing + "/unpublish", seller.token(), Map.of()),
                new Endpoint("POST", "/api/v1/orders", shopper, OrderFixtures.order(listing, 1)),
                new Endpoint("POST", "/api/v1/orders/" + order + "/cancel", shopper, Map.of()),
                new Endpoint("POST", "/api/v1/orders/" + order + "/confirm-delivery", shopper, Map.of()),
                new Endpoint("POST", "/api/v1/payments/notifications", null,
                        new LinkedHashMap<>(OrderFixtures.notification(order, "settlement", "10000.00"))),
                new Endpoint("POST", "/api/v1/sellers/me/orders/" + sellerOrder + "/ship", seller.token(),
                        Map.of("courier", "JNE", "trackingNumber", "JNE123")),
                new Endpoint("POST", "/api/v1/compliance/seller-applications/" + seller.sellerId() + "/decision",
                        officer, Map.of("decision", "APPROVE", "note", "fuzz")),
                new Endpoint("POST", "/api/v1/compliance/sellers/" + UUID.randomUUID() + "/revoke", officer,
                        Map.of("reason", "fuzz")),
                new Endpoint("POST", "/api/v1/admin/platform-affiliates", admin, Map.of("nib", SellerFixtures.nib(),
                        "npwp", SellerFixtures.npwp(), "legalName", "PT Fuzz", "note", "fuzz")));
        return endpoints.stream().map(endpoint -> DynamicTest.dynamicTest(endpoint.toString(), () -> fuzz(endpoint)));
    }

    private void fuzz(Endpoint endpoint) {
        Random random = new Random(SEED ^ endpoint.toString().hashCode());
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < TRIES; i++) {
            byte[] body = switch (i % 3) {
                case 0 -> Api.json(mutated(endpoint.validBody(), random)).getBytes(StandardCharsets.UTF_8);
                case 1 -> Api.json(randomJson(random, 0)).getBytes(StandardCharsets.UTF_8);
                default -> garbage(Api.json(endpoint.validBody()), random);
            };
            Api.Request request = endpoint.method().equals("PUT") ? api.put(endpoint.path(), null)
                    : api.post(endpoint.path(), null);
            request.rawBody(HttpRequest.BodyPublishers.ofByteArray(body), "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString());
            if (endpoint.token() != null) {
                request.bearer(endpoint.token());
            }
            Api.Response response = request.send();
            String problem = problemWithoutACode(response);
            if (response.status() >= 500 || problem != null) {
                failures.add(response.status() + " " + (problem != null ? problem : response.body()) + " <- "
                        + new String(body, StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}", "?")
                            .substring(0, Math.min(body.length, 300)));
            }
        }
        assertThat(failures).as("%s, seed %d (-Dpasar.fuzz.seed=%d)", endpoint, SEED, SEED).isEmpty();
    }

    /**
     * Null when the response is a 2xx, or a problem with its status and an UPPER_SNAKE
     * code; otherwise what is wrong.
     */
    private static String problemWithoutACode(Api.Response response) {
        if (response.status() < 300) {
            return null;
        }
        if (response.contentType() == null || !response.contentType().startsWith("application/problem+json")) {
            return "not a problem: " + response.contentType();
        }
        JsonNode json = response.json();
        if (json.path("status").asInt() != response.status() || !json.has("code")
                || !json.get("code").asString().matches("[A-Z][A-Z0-9_]*")) {
            return "problem without status or code: " + response.body();
        }
        return null;
    }

    /**
     * The valid body with one to three fields (at any depth) replaced by random values,
     * dropped, or joined by a stranger.
     */
    @SuppressWarnings("unchecked")
    private static Object mutated(Map<String, Object> valid, Random random) {
        Map<String, Object> copy = (Map<String, Object>) deepCopy(valid);
        for (int change = 0, changes = 1 + random.nextInt(3); change < changes; change++) {
            Map<String, Object> target = copy;
            while (true) {
                List<String> nested = target.entrySet()
                    .stream()
                    .filter(e -> e.getValue() instanceof Map)
                    .map(Map.Entry::getKey)
                    .toList();
                if (nested.isEmpty() || random.nextBoolean()) {
                    break;
                }
                target = (Map<String, Object>) target.get(nested.get(random.nextInt(nested.size())));
            }
            List<String> keys = new ArrayList<>(target.keySet());
            int what = random.nextInt(10);
            if (keys.isEmpty() || what == 0) {
                target.put(randomString(random), randomJson(random, 2));
            }
            else if (what == 1) {
                target.remove(keys.get(random.nextInt(keys.size())));
            }
            else {
                target.put(keys.get(random.nextInt(keys.size())), randomJson(random, 2));
            }
        }
        return random.nextInt(20) == 0 ? List.of(copy) : copy;
    }

    private static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k.toString(), deepCopy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return new ArrayList<>(list.stream().map(RequestBodyFuzzIT::deepCopy).toList());
        }
        return value;
    }

    private static Object randomJson(Random random, int depth) {
        int kind = random.nextInt(depth >= 4 ? 6 : 8);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> switch (random.nextInt(6)) {
                case 0 -> random.nextInt();
                case 1 -> random.nextLong();
                case 2 -> -random.nextInt(3);
                case 3 -> new BigInteger(80, random);
                case 4 -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
                default -> new BigDecimal("1e400");
            };
            case 3, 4, 5 -> randomString(random);
            case 6 -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(randomJson(random, depth + 1));
                }
                yield list;
            }
            default -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    map.put(random.nextBoolean() ? randomString(random) : FIELDS[random.nextInt(FIELDS.length)],
                            randomJson(random, depth + 1));
                }
                yield map;
            }
        };
    }

    private static final String[] FIELDS = { "email", "password", "displayName", "role", "shopName", "sellerType",
            "annualRevenueIdr", "address", "identity", "documentType", "nik", "mrz", "title", "priceIdr", "stock",
            "items", "listingId", "quantity", "shippingAddress", "regencyCode", "decision", "reason", "order_id",
            "gross_amount", "signature_key", "transaction_status", "courier", "trackingNumber", "categoryCode" };

    private static String randomString(Random random) {
        if (random.nextBoolean()) {
            return STRINGS[random.nextInt(STRINGS.length)];
        }
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(40); i > 0; i--) {
            int codePoint = random.nextInt(4) == 0 ? random.nextInt(0x2FFFF) : 0x20 + random.nextInt(0x5F);
            if (!Character.isSurrogate((char) codePoint) || codePoint > 0xFFFF) {
                text.appendCodePoint(codePoint);
            }
        }
        return text.toString();
    }

    /** Random bytes, or the valid body cut short or with bytes flipped. */
    private static byte[] garbage(String valid, Random random) {
        byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
        return switch (random.nextInt(3)) {
            case 0 -> {
                byte[] noise = new byte[random.nextInt(300)];
                random.nextBytes(noise);
                yield noise;
            }
            case 1 -> Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
            default -> {
                byte[] flipped = bytes.clone();
                for (int i = 1 + random.nextInt(4); i > 0 && flipped.length > 0; i--) {
                    flipped[random.nextInt(flipped.length)] = (byte) random.nextInt(256);
                }
                yield flipped;
            }
        };
    }

}
