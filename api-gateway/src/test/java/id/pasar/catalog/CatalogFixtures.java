package id.pasar.catalog;

import id.pasar.Api;
import id.pasar.TestIdentityRegistry;
import id.pasar.onboarding.SellerFixtures;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Sellers and listings by state, through the API. */
public final class CatalogFixtures {

    private CatalogFixtures() {
    }

    public record Seller(String token, String sellerId) {
    }

    /** A seller whose KTP an identity registry confirmed: VERIFIED at once. */
    public static Seller verifiedSeller(Api api) {
        LocalDate born = SellerFixtures.someAdultBirthDate();
        String nik = SellerFixtures.nik(born, false);
        TestIdentityRegistry.confirm(nik);
        return apply(api, SellerFixtures.ktpApplication(nik, born, "MALE", "WNI"), "VERIFIED");
    }

    /** A seller waiting for an officer: it may write drafts but not publish. */
    public static Seller pendingSeller(Api api) {
        return apply(api, SellerFixtures.pendingKtpApplication(), "PENDING_REVIEW");
    }

    /**
     * A new SELLER account applies; the fixture fails unless the seller comes out
     * {@code expectedStatus}.
     */
    public static Seller apply(Api api, Map<String, Object> application, String expectedStatus) {
        String token = api.newAccount("SELLER");
        var seller = api.post("/api/v1/sellers", application).bearer(token).send().expect(201).json();
        if (!seller.get("status").asString().equals(expectedStatus)) {
            throw new AssertionError("fixture seller is " + seller);
        }
        return new Seller(token, seller.get("sellerId").asString());
    }

    /** A compliant listing of a craft category that needs no licence. */
    public static Map<String, Object> listing(String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("description", "Dibuat tangan oleh pengrajin lokal.");
        body.put("categoryCode", "anyaman-rotan");
        body.put("priceIdr", 150_000);
        body.put("stock", 10);
        body.put("shipFromRegencyCode", "3404");
        body.put("weightGrams", 800);
        return body;
    }

    public static Map<String, Object> with(Map<String, Object> listing, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(listing);
        copy.put(field, value);
        return copy;
    }

    public static String createDraft(Api api, Seller seller, Map<String, Object> listing) {
        return api.post("/api/v1/listings", listing)
            .bearer(seller.token())
            .send()
            .expect(201)
            .json()
            .get("listingId")
            .asString();
    }

    public static String publishedListing(Api api, Seller seller, Map<String, Object> listing) {
        String id = createDraft(api, seller, listing);
        api.post("/api/v1/listings/" + id + "/publish", Map.of()).bearer(seller.token()).send().expect(200);
        return id;
    }

    /**
     * A word no other test's listing holds, of letters only, so the Indonesian stemmer
     * leaves it whole.
     */
    public static String uniqueWord() {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }

}
