package id.pasar.social;

import id.pasar.Api;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.TestIdentityRegistry;
import id.pasar.media.MediaUploads;
import id.pasar.media.TestImages;
import id.pasar.onboarding.SellerFixtures;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Creators by state, through the API. */
public final class SocialFixtures {

    private SocialFixtures() {
    }

    public record Creator(String token, String creatorId, String handle) {
    }

    /** A fresh handle of 3 to 30 characters of [a-z0-9._]. */
    public static String handle() {
        return "kr." + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50), 36);
    }

    /** A photo the account uploads: its id. */
    public static String photo(Api api, String token) {
        return MediaUploads.upload(api, token, "foto.jpg", "image/jpeg", TestImages.jpeg(400, 300))
            .expect(201)
            .json()
            .get("mediaId")
            .asString();
    }

    /** The seller opens its published listing to affiliates at this rate. */
    public static String affiliateOpen(Api api, Seller seller, String listingId, int percent) {
        api.put("/api/v1/sellers/me/affiliate-plans/" + listingId, Map.of("commissionPercent", percent))
            .bearer(seller.token())
            .send()
            .expect(200);
        return listingId;
    }

    /** A post of the caller's: its id. */
    public static String post(Api api, String token, Map<String, Object> body) {
        return api.post("/api/v1/posts", body).bearer(token).send().expect(201).json().get("postId").asString();
    }

    /** A fresh Indonesian mobile number, as a shopper or a creator types it. */
    public static String phone() {
        return "08" + ThreadLocalRandom.current().nextLong(100_000_000L, 1_000_000_000L);
    }

    public static Map<String, Object> application(String handle, Map<String, Object> identity, String regencyCode) {
        return application(handle, identity, regencyCode, phone());
    }

    public static Map<String, Object> application(String handle, Map<String, Object> identity, String regencyCode,
            String phone) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("handle", handle);
        body.put("displayName", "Kriya Nusantara");
        body.put("regencyCode", regencyCode);
        body.put("phone", phone);
        body.put("identity", identity);
        return body;
    }

    /** A KTP that an identity registry confirmed: VERIFIED at once. */
    public static Map<String, Object> confirmedKtp() {
        LocalDate born = SellerFixtures.someAdultBirthDate();
        String nik = SellerFixtures.nik(born, false);
        TestIdentityRegistry.confirm(nik);
        return SellerFixtures.ktp(nik, born, "MALE", "WNI");
    }

    public static Creator verifiedCreator(Api api) {
        return apply(api, application(handle(), confirmedKtp(), "3204"), "VERIFIED");
    }

    /**
     * A new CREATOR account applies; fails unless the creator comes out {@code status}.
     */
    public static Creator apply(Api api, Map<String, Object> application, String status) {
        String token = api.newAccount("CREATOR");
        var creator = api.post("/api/v1/creators", application).bearer(token).send().expect(201).json();
        if (!creator.get("status").asString().equals(status)) {
            throw new AssertionError("fixture creator is " + creator);
        }
        return new Creator(token, creator.get("creatorId").asString(), creator.get("handle").asString());
    }

}
