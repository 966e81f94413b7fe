package id.pasar.onboarding.internal;

import id.pasar.compliance.RegencyCode;
import id.pasar.compliance.SellerIdentity.Citizenship;
import id.pasar.compliance.SellerIdentity.EntityType;
import id.pasar.compliance.SellerIdentity.Gender;
import id.pasar.compliance.SellerIdentity.Ktp;
import id.pasar.compliance.SellerIdentity.LocalEntity;
import id.pasar.compliance.SellerIdentity.Passport;
import id.pasar.onboarding.SellerStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Applications of each kind and sellers in each status, brought there through the
 * aggregate's own verbs.
 */
final class SellerFixtures {

    static final Instant CREATED = Instant.parse("2026-12-01T03:00:00Z");
    static final Instant DECIDED = CREATED.plus(Duration.ofDays(1));

    /** After everything above: when a test acts on a seller in any status. */
    static final Instant LATER = CREATED.plus(Duration.ofDays(7));

    static final UUID SELLER_ID = UUID.fromString("00000000-0000-0000-0000-00000000e001");
    static final UUID USER_ID = UUID.fromString("00000000-0000-0000-0000-00000000e002");
    static final UUID SCREENING = UUID.fromString("00000000-0000-0000-0000-00000000f001");
    static final UUID REVIEW = UUID.fromString("00000000-0000-0000-0000-00000000f002");
    static final UUID REVOCATION = UUID.fromString("00000000-0000-0000-0000-00000000f003");
    static final LocalDate PASSPORT_EXPIRY = LocalDate.of(2030, 5, 1);

    private SellerFixtures() {
    }

    static Application ktpApplication() {
        return Application.of("Toko Batik Sekar", false, 1_500_000_000L, "Jl. Malioboro 12", RegencyCode.parse("34.71"),
                "55213",
                new Ktp("3471014101900001", "Siti Rahayu", LocalDate.of(1990, 1, 1), Gender.FEMALE, Citizenship.WNI));
    }

    static Application passportApplication() {
        return Application.of("Kopi Gayo Budi", false, 600_000_000L, "Jl. Sudirman 5", RegencyCode.parse("11.17"),
                "24552", new Passport("C1234567", "Budi Santoso", "IDN", LocalDate.of(1985, 6, 15), Gender.MALE,
                        PASSPORT_EXPIRY, List.of()));
    }

    static Application businessApplication() {
        return Application.of("Anyaman Nusantara", true, 20_000_000_000L, "Jl. Ahmad Yani 88",
                RegencyCode.parse("32.04"), "40375",
                new LocalEntity("PT Anyaman Nusantara", EntityType.PT, "9120001234567", "012345678901000", "ID"));
    }

    static Application withAnnualSales(long rupiah) {
        Application ktp = ktpApplication();
        return Application.of(ktp.shopName(), false, rupiah, ktp.street(), ktp.regencyCode(), ktp.postalCode(),
                ktp.identity());
    }

    static Seller.ProtectedIdentity protectedIdentity(String of) {
        return new Seller.ProtectedIdentity(("index " + of).getBytes(StandardCharsets.UTF_8),
                ("ciphertext " + of).getBytes(StandardCharsets.UTF_8), null);
    }

    /**
     * What screening made of an application under rule set v1 (the one place that names
     * the record).
     */
    static Seller.StatusChange screened(SellerStatus status, String... reasons) {
        return new Seller.StatusChange(status, List.of(reasons), SCREENING, "v1");
    }

    static Seller newSeller() {
        return new Seller(SELLER_ID, USER_ID, CREATED);
    }

    static Seller pendingSeller() {
        Seller seller = newSeller();
        seller.apply(ktpApplication(), protectedIdentity("ktp"), screened(SellerStatus.PENDING_REVIEW), CREATED);
        return seller;
    }

    static Seller verifiedSeller() {
        Seller seller = pendingSeller();
        seller.approve(REVIEW, "documents checked", DECIDED);
        return seller;
    }

    static Seller rejectedSeller() {
        Seller seller = pendingSeller();
        seller.reject(REVIEW, List.of("OFFICER_REJECTED"), "photo unreadable", DECIDED);
        return seller;
    }

    static Seller revokedSeller() {
        Seller seller = verifiedSeller();
        seller.revoke(REVOCATION, "OFFICER_REVOKED", "counterfeit goods", DECIDED.plus(Duration.ofDays(1)));
        return seller;
    }

}
