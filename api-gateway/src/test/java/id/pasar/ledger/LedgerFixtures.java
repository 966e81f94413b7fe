package id.pasar.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.pasar.Api;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.onboarding.SellerFixtures;
import id.pasar.orders.OrderFixtures;
import id.pasar.orders.OrderSteps;
import id.pasar.orders.internal.OrderJobs;
import id.pasar.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Seller orders walked to their end over HTTP, and the ledger read as its owner. */
final class LedgerFixtures {

    private LedgerFixtures() {
    }

    /** A PT approved by a compliance officer. */
    static Seller verifiedBusiness(Api api) {
        Seller business = CatalogFixtures.apply(api,
                SellerFixtures.application("BUSINESS",
                        SellerFixtures.entity(SellerFixtures.nib(), SellerFixtures.npwp(), "ID", "PT")),
                "PENDING_REVIEW");
        api.post("/api/v1/compliance/seller-applications/" + business.sellerId() + "/decision",
                Map.of("decision", "APPROVE"))
            .bearer(api.newStaffAccount("COMPLIANCE_OFFICER"))
            .send()
            .expect(200);
        return business;
    }

    /** An order of one seller's listing, placed and paid through the sandbox. */
    record Paid(String orderId, String sellerOrderId, long subtotalIdr, long totalIdr) {
    }

    static Paid paid(Api api, Seller seller, String shopper, long priceIdr, int quantity) {
        return paid(api, seller, shopper, priceIdr, quantity, null);
    }

    /**
     * @param placedIn moves the order's placement by this PostgreSQL interval before it
     * is paid ("100 years"), or null
     */
    static Paid paid(Api api, Seller seller, String shopper, long priceIdr, int quantity, String placedIn) {
        String listing = OrderFixtures.listingWithStock(api, seller, quantity, priceIdr);
        JsonNode placed = OrderFixtures.place(api, shopper, OrderFixtures.order(listing, quantity)).expect(201).json();
        String orderId = placed.get("orderId").asString();
        if (placedIn != null) {
            sql("UPDATE orders.orders SET created_at = created_at + ?::interval WHERE id = ?", placedIn,
                    UUID.fromString(orderId));
        }
        settle(api, shopper, qris(api, shopper, orderId));
        JsonNode part = placed.get("sellerOrders").get(0);
        return new Paid(orderId, part.get("sellerOrderId").asString(), part.get("subtotalIdr").asLong(),
                placed.get("totalIdr").asLong());
    }

    /** A QRIS payment of the order, started: its id. */
    static String qris(Api api, String shopper, String orderId) {
        return api.post("/api/v1/orders/" + orderId + "/payments", Map.of("method", "QRIS"))
            .bearer(shopper)
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .send()
            .expect(201)
            .json()
            .get("paymentId")
            .asString();
    }

    /** The sandbox settles the payment: what the notification came to. */
    static String settle(Api api, String shopper, String paymentId) {
        return api.post("/api/v1/sandbox/payments/" + paymentId + "/settle", Map.of())
            .bearer(shopper)
            .send()
            .expect(200)
            .json()
            .get("result")
            .asString();
    }

    /** The seller's statement lines of the last 30 days. */
    static JsonNode statement(Api api, Seller seller) {
        return api.get("/api/v1/sellers/me/ledger").bearer(seller.token()).send().expect(200).json().get("items");
    }

    /**
     * What an order's entries on one kind of account sum to (debits positive), of the
     * transactions of one kind or, with null, of all.
     */
    static long sumOn(UUID orderId, String accountKind, String transactionKind) {
        return number("""
                SELECT coalesce(sum(e.amount_idr), 0) FROM ledger.entries e JOIN ledger.transactions t
                ON t.id = e.transaction_id JOIN ledger.accounts a ON a.id = e.account_id
                WHERE t.order_id = ? AND a.kind = ? AND (CAST(? AS text) IS NULL OR t.kind = CAST(? AS text))""",
                orderId, accountKind, transactionKind, transactionKind);
    }

    /** Shipped, delivered, and completed by the clock once the return window passed. */
    static void completed(Api api, Seller seller, String shopper, Paid paid, OrderJobs jobs) throws Exception {
        api.post("/api/v1/sellers/me/orders/" + paid.sellerOrderId() + "/ship",
                Map.of("trackingNumber", "JNE" + System.nanoTime() % 10_000_000_000L))
            .bearer(seller.token())
            .send()
            .expect(200);
        api.post("/api/v1/orders/" + paid.orderId() + "/confirm-delivery", Map.of()).bearer(shopper).send().expect(200);
        OrderSteps.movedBack("seller_orders", "delivered_at", paid.sellerOrderId(), "3 days");
        OrderSteps.clock(jobs);
        assertThat(api.get("/api/v1/orders/" + paid.orderId())
            .bearer(shopper)
            .send()
            .expect(200)
            .json()
            .get("status")
            .asString()).isEqualTo("COMPLETED");
    }

    /** The seller's balances once its ledger has taken what the outbox delivers. */
    static JsonNode balanceOnceSettled(Api api, Seller seller, long availableIdr) {
        await().atMost(Duration.ofSeconds(15))
            .untilAsserted(() -> assertThat(balance(api, seller).get("availableIdr").asLong()).isEqualTo(availableIdr));
        return balance(api, seller);
    }

    static JsonNode balance(Api api, Seller seller) {
        return api.get("/api/v1/sellers/me/balance").bearer(seller.token()).send().expect(200).json();
    }

    /** Runs a statement as the database's owner. */
    static void sql(String statement, Object... parameters) {
        try (Connection connection = TestDatabase.instance().connect();
                PreparedStatement sql = connection.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                sql.setObject(i + 1, parameters[i]);
            }
            sql.execute();
        }
        catch (Exception e) {
            throw new IllegalStateException(statement, e);
        }
    }

    /** One number a query answers, as the database's owner. */
    static long number(String query, Object... parameters) {
        try (Connection connection = TestDatabase.instance().connect();
                PreparedStatement sql = connection.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                sql.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = sql.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
        catch (Exception e) {
            throw new IllegalStateException(query, e);
        }
    }

}
