package id.pasar.orders;

import id.pasar.Api;
import id.pasar.TestApplicationInitializer;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Orders through the API, and payment notifications signed as the gateway signs them. */
public final class OrderFixtures {

    private OrderFixtures() {
    }

    public static final Map<String, Object> ADDRESS = Map.of("recipientName", "Siti Rahayu", "phone",
            "+62 812 3456 7890", "street", "Jl. Kenanga 12", "regencyCode", "3273", "postalCode", "40115");

    public static Map<String, Object> order(Map<String, Integer> quantities) {
        return Map.of("items",
                quantities.entrySet()
                    .stream()
                    .map(e -> Map.of("listingId", e.getKey(), "quantity", e.getValue()))
                    .toList(),
                "shippingAddress", ADDRESS);
    }

    public static Map<String, Object> order(String listingId, int quantity) {
        return order(Map.of(listingId, quantity));
    }

    public static Api.Response place(Api api, String shopper, Map<String, Object> order) {
        return api.post("/api/v1/orders", order)
            .bearer(shopper)
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .send();
    }

    /** A published listing with this stock and price, of a fresh verified seller. */
    public static String listingWithStock(Api api, Seller seller, int stock, long price) {
        Map<String, Object> listing = CatalogFixtures.with(CatalogFixtures.with(
                CatalogFixtures.listing("Keranjang Rotan " + UUID.randomUUID().toString().substring(0, 5)), "stock",
                stock), "priceIdr", price);
        return CatalogFixtures.publishedListing(api, seller, listing);
    }

    public static int stockOf(Api api, String listingId) {
        return api.get("/api/v1/catalog/listings/" + listingId).send().expect(200).json().get("stock").asInt();
    }

    /**
     * What the gateway would notify for the order: its total (items and shipping) as the
     * decimal string Midtrans sends.
     */
    public static String grossOf(Api api, String shopper, String orderId) {
        return api.get("/api/v1/orders/" + orderId).bearer(shopper).send().expect(200).json().get("totalIdr").asLong()
                + ".00";
    }

    public static Map<String, String> notification(String orderId, String status, String grossAmount) {
        String statusCode = "settlement".equals(status) || "capture".equals(status) ? "200" : "202";
        return Map.of("order_id", orderId, "status_code", statusCode, "gross_amount", grossAmount, "transaction_status",
                status, "payment_type", "bank_transfer", "signature_key",
                sha512(orderId + statusCode + grossAmount + TestApplicationInitializer.PAYMENT_SERVER_KEY));
    }

    public static String sha512(String text) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-512").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code orders} single-unit orders for one listing, placed at once from 16 threads
     * by 20 shoppers spread over the given instances (round robin); the count of each
     * HTTP status.
     */
    static Map<Integer, Integer> placeConcurrently(List<Api> instances, String listingId, int orders) throws Exception {
        return placeConcurrently(instances, orders, i -> order(listingId, 1));
    }

    /** Orders of one unit each, taking the variants in turn. */
    static Map<Integer, Integer> placeVariantsConcurrently(List<Api> instances, List<String> variantIds, int orders)
            throws Exception {
        return placeConcurrently(instances, orders, i -> byVariant(variantIds.get(i % variantIds.size()), 1));
    }

    /** An order of so many units of a variant, to the test address. */
    public static Map<String, Object> byVariant(String variantId, int quantity) {
        return Map.of("items", List.of(Map.of("variantId", variantId, "quantity", quantity)), "shippingAddress",
                ADDRESS);
    }

    private static Map<Integer, Integer> placeConcurrently(List<Api> instances, int orders,
            IntFunction<Map<String, Object>> order) throws Exception {
        List<String> shoppers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            shoppers.add(instances.get(i % instances.size()).newAccount("SHOPPER"));
        }
        List<Callable<Integer>> placements = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            Api instance = instances.get(i % instances.size());
            String shopper = shoppers.get(i % shoppers.size());
            Map<String, Object> body = order.apply(i);
            placements.add(() -> place(instance, shopper, body).status());
        }
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (Future<Integer> status : pool.invokeAll(placements)) {
                counts.merge(status.get(), 1, Integer::sum);
            }
        }
        finally {
            pool.shutdown();
        }
        return counts;
    }

    /**
     * The sales tally of a listing, all days: "orders units revenue", or null before any.
     */
    public static String dailySales(String listingId) throws Exception {
        try (Connection connection = TestDatabase.instance().connect();
                PreparedStatement select = connection.prepareStatement("SELECT sum(orders) || ' ' || sum(units) || ' ' "
                        + "|| sum(revenue_idr) FROM orders.listing_daily_sales WHERE listing_id = ?")) {
            select.setObject(1, UUID.fromString(listingId));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

}
