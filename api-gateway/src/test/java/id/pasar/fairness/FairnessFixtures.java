package id.pasar.fairness;

import id.pasar.Api;
import id.pasar.TestIdentityRegistry;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.onboarding.SellerFixtures;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Verified sellers of a chosen UMKM class and place, KTP or business. */
public final class FairnessFixtures {

    /** Declared annual sales that fall in each class (PP 7/2021). */
    static final Map<String, Long> REVENUE = Map.of("MICRO", 350_000_000L, "SMALL", 5_000_000_000L, "MEDIUM",
            20_000_000_000L, "LARGE", 60_000_000_000L);

    private FairnessFixtures() {
    }

    static Seller verifiedKtpSeller(Api api, String umkmClass, String regencyCode) {
        LocalDate born = SellerFixtures.someAdultBirthDate();
        String nik = SellerFixtures.nik(born, false);
        TestIdentityRegistry.confirm(nik);
        return CatalogFixtures.apply(api, SellerFixtures.application("INDIVIDUAL",
                SellerFixtures.ktp(nik, born, "MALE", "WNI"), regencyCode, REVENUE.get(umkmClass)), "VERIFIED");
    }

    /**
     * {@code sellers} verified KTP sellers of a class, registered in a regency, each with
     * one published listing titled {@code title}: the listings' ids.
     */
    static List<String> oneListingEach(Api api, String umkmClass, String regencyCode, int sellers, String title) {
        List<String> listings = new ArrayList<>();
        for (int i = 0; i < sellers; i++) {
            Seller seller = verifiedKtpSeller(api, umkmClass, regencyCode);
            listings.add(CatalogFixtures.publishedListing(api, seller, CatalogFixtures.listing(title)));
        }
        return listings;
    }

    /**
     * A PT whose NIB the registry confirms (VERIFIED), or not ({@code confirmed} false:
     * PENDING_REVIEW).
     */
    public static Seller businessSeller(Api api, String nib, String npwp, boolean confirmed) {
        if (confirmed) {
            TestIdentityRegistry.confirm(nib);
        }
        return CatalogFixtures.apply(api, SellerFixtures.application("BUSINESS",
                SellerFixtures.entity(nib, npwp, "ID", "PT"), "3204", REVENUE.get("LARGE")),
                confirmed ? "VERIFIED" : "PENDING_REVIEW");
    }

}
