package id.pasar.onboarding.internal;

import static id.pasar.onboarding.internal.SellerFixtures.CREATED;
import static id.pasar.onboarding.internal.SellerFixtures.DECIDED;
import static id.pasar.onboarding.internal.SellerFixtures.LATER;
import static id.pasar.onboarding.internal.SellerFixtures.PASSPORT_EXPIRY;
import static id.pasar.onboarding.internal.SellerFixtures.REVIEW;
import static id.pasar.onboarding.internal.SellerFixtures.REVOCATION;
import static id.pasar.onboarding.internal.SellerFixtures.SCREENING;
import static id.pasar.onboarding.internal.SellerFixtures.SELLER_ID;
import static id.pasar.onboarding.internal.SellerFixtures.USER_ID;
import static id.pasar.onboarding.internal.SellerFixtures.businessApplication;
import static id.pasar.onboarding.internal.SellerFixtures.ktpApplication;
import static id.pasar.onboarding.internal.SellerFixtures.newSeller;
import static id.pasar.onboarding.internal.SellerFixtures.passportApplication;
import static id.pasar.onboarding.internal.SellerFixtures.pendingSeller;
import static id.pasar.onboarding.internal.SellerFixtures.protectedIdentity;
import static id.pasar.onboarding.internal.SellerFixtures.rejectedSeller;
import static id.pasar.onboarding.internal.SellerFixtures.screened;
import static id.pasar.onboarding.internal.SellerFixtures.verifiedSeller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pasar.compliance.SellerIdentity.DocumentType;
import id.pasar.onboarding.SellerStatus;
import id.pasar.onboarding.UmkmClass;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The seller's life without Spring or a database: every verb in every state (where it
 * goes, or the refusal and its code), what an application and each decision record, and
 * the UMKM class.
 */
class SellerTest {

    /**
     * A seller's state: NEW before its first application (its status is null), else its
     * status.
     */
    enum State {

        NEW, PENDING_REVIEW, VERIFIED, REJECTED, REVOKED;

        SellerStatus status() {
            return this == NEW ? null : SellerStatus.valueOf(name());
        }

        Seller seller() {
            return switch (this) {
                case NEW -> newSeller();
                case PENDING_REVIEW -> pendingSeller();
                case VERIFIED -> verifiedSeller();
                case REJECTED -> rejectedSeller();
                case REVOKED -> SellerFixtures.revokedSeller();
            };
        }

    }

    /**
     * What can happen to a seller; APPLY is an application that screening leaves
     * PENDING_REVIEW.
     */
    enum Verb {

        APPLY, APPROVE, REJECT, REVOKE

    }

    static final String MOVES = """
            # from          | verb    | to
            NEW             | APPLY   | PENDING_REVIEW
            PENDING_REVIEW  | APPROVE | VERIFIED
            PENDING_REVIEW  | REJECT  | REJECTED
            VERIFIED        | REVOKE  | REVOKED
            REJECTED        | APPLY   | PENDING_REVIEW
            """;

    static final String REFUSALS = """
            # from          | verb    | code
            NEW             | APPROVE | APPLICATION_NOT_PENDING
            NEW             | REJECT  | APPLICATION_NOT_PENDING
            NEW             | REVOKE  | SELLER_NOT_VERIFIED
            PENDING_REVIEW  | APPLY   | SELLER_EXISTS
            PENDING_REVIEW  | REVOKE  | SELLER_NOT_VERIFIED
            VERIFIED        | APPLY   | SELLER_EXISTS
            VERIFIED        | APPROVE | APPLICATION_NOT_PENDING
            VERIFIED        | REJECT  | APPLICATION_NOT_PENDING
            REJECTED        | APPROVE | APPLICATION_NOT_PENDING
            REJECTED        | REJECT  | APPLICATION_NOT_PENDING
            REJECTED        | REVOKE  | SELLER_NOT_VERIFIED
            REVOKED         | APPLY   | SELLER_EXISTS
            REVOKED         | APPROVE | APPLICATION_NOT_PENDING
            REVOKED         | REJECT  | APPLICATION_NOT_PENDING
            REVOKED         | REVOKE  | SELLER_NOT_VERIFIED
            """;

    static final Map<String, Class<? extends ErrorResponseException>> REFUSAL_BY_CODE = Map.of("SELLER_EXISTS",
            OnboardingProblems.SellerExists.class, "APPLICATION_NOT_PENDING", OnboardingProblems.NotPending.class,
            "SELLER_NOT_VERIFIED", OnboardingProblems.NotRevocable.class);

    // ---- every verb in every state

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = MOVES)
    void movesTheSeller(State from, Verb verb, SellerStatus to) {
        Seller seller = from.seller();

        act(seller, verb, LATER);

        assertThat(seller.getStatus()).isEqualTo(to);
        assertThat(seller.isPending()).isEqualTo(to == SellerStatus.PENDING_REVIEW);
        assertThat(seller.getUpdatedAt()).isEqualTo(LATER);
    }

    @ParameterizedTest(name = "{0} + {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = REFUSALS)
    void refusesWithAConflictAndChangesNothing(State from, Verb verb, String code) {
        Seller seller = from.seller();
        Snapshot before = Snapshot.of(seller);

        assertThatThrownBy(() -> act(seller, verb, LATER)).isInstanceOf(REFUSAL_BY_CODE.get(code)).satisfies(thrown -> {
            ErrorResponseException problem = (ErrorResponseException) thrown;
            assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(problem.getBody().getProperties()).containsEntry("code", code);
        });
        assertThat(Snapshot.of(seller)).isEqualTo(before);
        assertThat(seller.getStatus()).isEqualTo(from.status());
    }

    @Test
    void theTablesAnswerEveryVerbInEveryStateExactlyOnce() {
        List<String> answered = Stream.of(MOVES, REFUSALS)
            .flatMap(String::lines)
            .filter(row -> !row.isBlank() && !row.strip().startsWith("#"))
            .map(row -> row.split("\\|"))
            .map(cells -> cells[0].strip() + " " + cells[1].strip())
            .toList();
        List<String> every = new ArrayList<>();
        Arrays.stream(State.values())
            .forEach(state -> Arrays.stream(Verb.values()).forEach(verb -> every.add(state + " " + verb)));

        assertThat(answered).containsExactlyInAnyOrderElementsOf(every);
    }

    // ---- applying

    @Test
    void aNewSellerHasNoApplicationYet() {
        Seller seller = newSeller();

        assertThat(seller.getId()).isEqualTo(SELLER_ID);
        assertThat(seller.getUserId()).isEqualTo(USER_ID);
        assertThat(seller.getStatus()).isNull();
        assertThat(seller.isPending()).isFalse();
        assertThat(seller.getCreatedAt()).isEqualTo(CREATED);
    }

    @Test
    void anApplicationRecordsTheShopTheMaskedIdentityAndTheScreening() {
        Seller seller = newSeller();
        Seller.ProtectedIdentity identity = protectedIdentity("ktp");

        seller.apply(ktpApplication(), identity, screened(SellerStatus.PENDING_REVIEW, "NIK_REGION_UNVERIFIED"), LATER);

        assertThat(seller)
            .extracting(Seller::getShopName, Seller::getSellerType, Seller::getAnnualRevenueIdr, Seller::getUmkmClass,
                    Seller::getStreet, Seller::getRegencyCode, Seller::getPostalCode)
            .containsExactly("Toko Batik Sekar", SellerType.INDIVIDUAL, 1_500_000_000L, UmkmClass.MICRO,
                    "Jl. Malioboro 12", "34.71", "55213");
        assertThat(seller.getDocumentType()).isEqualTo(DocumentType.KTP);
        assertThat(seller.getMaskedIdentity()).isEqualTo("347101********01");
        assertThat(seller.getIdentityIndex()).isEqualTo(identity.index());
        assertThat(seller.getIdentityCiphertext()).isEqualTo(identity.ciphertext());
        assertThat(seller.getNpwpIndex()).isNull();
        assertThat(seller.getPassportExpiry()).isNull();
        assertThat(seller.getStatus()).isEqualTo(SellerStatus.PENDING_REVIEW);
        assertThat(seller.getReasons()).containsExactly("NIK_REGION_UNVERIFIED");
        assertThat(seller.getDecisionId()).isEqualTo(SCREENING);
        assertThat(seller.getRuleSetVersion()).isEqualTo("v1");
        assertThat(seller.getStatusNote()).isNull();
        assertThat(seller.getCreatedAt()).isEqualTo(CREATED);
        assertThat(seller.getUpdatedAt()).isEqualTo(LATER);
    }

    @ParameterizedTest(name = "screened {0} {1}")
    @CsvSource({ "PENDING_REVIEW, ''", "VERIFIED, ''", "REJECTED, IDENTITY_ALREADY_REGISTERED" })
    void anApplicationTakesTheStatusItsScreeningGave(SellerStatus screenedAs, String reason) {
        Seller seller = newSeller();
        String[] reasons = reason.isEmpty() ? new String[0] : new String[] { reason };

        seller.apply(ktpApplication(), protectedIdentity("ktp"), screened(screenedAs, reasons), LATER);

        assertThat(seller.getStatus()).isEqualTo(screenedAs);
        assertThat(seller.getReasons()).containsExactly(reasons);
    }

    @Test
    void aPassportApplicationKeepsTheExpiryDateForTheDailyCheck() {
        Seller seller = newSeller();

        seller.apply(passportApplication(), protectedIdentity("passport"), screened(SellerStatus.PENDING_REVIEW),
                LATER);

        assertThat(seller.getDocumentType()).isEqualTo(DocumentType.PASSPORT);
        assertThat(seller.getPassportExpiry()).isEqualTo(PASSPORT_EXPIRY);
        assertThat(seller.getMaskedIdentity()).isEqualTo("*****567");
    }

    @Test
    void aBusinessApplicationKeepsItsNpwpIndex() {
        Seller seller = newSeller();
        byte[] npwpIndex = { 1, 2, 3 };

        seller.apply(businessApplication(), new Seller.ProtectedIdentity(new byte[] { 4 }, new byte[] { 5 }, npwpIndex),
                screened(SellerStatus.PENDING_REVIEW), LATER);

        assertThat(seller.getSellerType()).isEqualTo(SellerType.BUSINESS);
        assertThat(seller.getDocumentType()).isEqualTo(DocumentType.LOCAL_ENTITY);
        assertThat(seller.getNpwpIndex()).isEqualTo(npwpIndex);
        assertThat(seller.getMaskedIdentity()).isEqualTo("**********567");
        assertThat(seller.getUmkmClass()).isEqualTo(UmkmClass.MEDIUM);
    }

    @Test
    void aNewApplicationReplacesTheRejectedOneWhole() {
        Seller seller = newSeller();
        seller.apply(passportApplication(), protectedIdentity("passport"), screened(SellerStatus.PENDING_REVIEW),
                CREATED);
        seller.reject(REVIEW, List.of("OFFICER_REJECTED"), "photo unreadable", DECIDED);
        Seller.ProtectedIdentity ktp = protectedIdentity("ktp");

        seller.apply(ktpApplication(), ktp, screened(SellerStatus.PENDING_REVIEW), LATER);

        assertThat(seller.getId()).as("the same seller").isEqualTo(SELLER_ID);
        assertThat(seller.getShopName()).isEqualTo("Toko Batik Sekar");
        assertThat(seller.getDocumentType()).isEqualTo(DocumentType.KTP);
        assertThat(seller.getIdentityIndex()).isEqualTo(ktp.index());
        assertThat(seller.getPassportExpiry()).as("no passport any more").isNull();
        assertThat(seller.getReasons()).as("the old rejection's").isEmpty();
        assertThat(seller.getStatusNote()).as("the officer's note on the old application").isNull();
        assertThat(seller.getDecisionId()).isEqualTo(SCREENING);
        assertThat(seller.getCreatedAt()).isEqualTo(CREATED);
    }

    @ParameterizedTest(name = "Rp {0} a year: {1}")
    @CsvSource({ "0,              MICRO", "2000000000,     MICRO", "2000000001,     SMALL", "15000000000,    SMALL",
            "15000000001,    MEDIUM", "50000000000,    MEDIUM", "50000000001,    LARGE",
            "9223372036854775807, LARGE", })
    void theUmkmClassFollowsTheDeclaredAnnualSales(long rupiah, UmkmClass umkmClass) {
        Seller seller = newSeller();

        seller.apply(SellerFixtures.withAnnualSales(rupiah), protectedIdentity("ktp"),
                screened(SellerStatus.PENDING_REVIEW), LATER);

        assertThat(seller.getUmkmClass()).isEqualTo(umkmClass);
    }

    // ---- decisions

    @Test
    void anApprovalVerifiesWithTheOfficersDecisionAndNote() {
        Seller seller = pendingSeller();

        seller.approve(REVIEW, "documents checked", LATER);

        assertThat(seller.getStatus()).isEqualTo(SellerStatus.VERIFIED);
        assertThat(seller.getReasons()).isEmpty();
        assertThat(seller.getDecisionId()).isEqualTo(REVIEW);
        assertThat(seller.getStatusNote()).isEqualTo("documents checked");
        assertThat(seller.getRuleSetVersion()).as("the rule set the application was screened under").isEqualTo("v1");
        assertThat(seller.getUpdatedAt()).isEqualTo(LATER);
    }

    @Test
    void aRejectionRecordsItsReasonsAndNote() {
        Seller seller = pendingSeller();

        seller.reject(REVIEW, List.of("OFFICER_REJECTED", "PASSPORT_EXPIRED"), "expired", LATER);

        assertThat(seller.getStatus()).isEqualTo(SellerStatus.REJECTED);
        assertThat(seller.getReasons()).containsExactly("OFFICER_REJECTED", "PASSPORT_EXPIRED");
        assertThat(seller.getDecisionId()).isEqualTo(REVIEW);
        assertThat(seller.getStatusNote()).isEqualTo("expired");
        assertThat(seller.getUpdatedAt()).isEqualTo(LATER);
    }

    @Test
    void aRevocationRecordsItsReasonCodeAndNote() {
        Seller seller = verifiedSeller();

        seller.revoke(REVOCATION, "PLATFORM_AFFILIATE", "on the platform-affiliate list", LATER);

        assertThat(seller.getStatus()).isEqualTo(SellerStatus.REVOKED);
        assertThat(seller.getReasons()).containsExactly("PLATFORM_AFFILIATE");
        assertThat(seller.getDecisionId()).isEqualTo(REVOCATION);
        assertThat(seller.getStatusNote()).isEqualTo("on the platform-affiliate list");
        assertThat(seller.getRuleSetVersion()).isEqualTo("v1");
        assertThat(seller.getUpdatedAt()).isEqualTo(LATER);
    }

    @Test
    void theReasonsAreTheSellersOwnCopy() {
        List<String> reasons = new ArrayList<>(List.of("OFFICER_REJECTED"));
        Seller seller = pendingSeller();

        seller.reject(REVIEW, reasons, "note", LATER);
        reasons.add("PASSPORT_EXPIRED");

        assertThat(seller.getReasons()).containsExactly("OFFICER_REJECTED");
        assertThatThrownBy(() -> seller.getReasons().add("X")).isInstanceOf(UnsupportedOperationException.class);
    }

    // ----

    /** Applies the verb as the onboarding service does. */
    static void act(Seller seller, Verb verb, Instant at) {
        switch (verb) {
            case APPLY -> seller.apply(passportApplication(), protectedIdentity("again"),
                    screened(SellerStatus.PENDING_REVIEW), at);
            case APPROVE -> seller.approve(REVIEW, "documents checked", at);
            case REJECT -> seller.reject(REVIEW, List.of("OFFICER_REJECTED"), "photo unreadable", at);
            case REVOKE -> seller.revoke(REVOCATION, "OFFICER_REVOKED", "counterfeit goods", at);
        }
    }

    /** Everything a verb could change. */
    record Snapshot(SellerStatus status, List<String> reasons, UUID decisionId, String ruleSetVersion,
            String statusNote, String shopName, DocumentType documentType, String maskedIdentity,
            LocalDate passportExpiry, Instant updatedAt) {

        static Snapshot of(Seller seller) {
            return new Snapshot(seller.getStatus(), seller.getReasons(), seller.getDecisionId(),
                    seller.getRuleSetVersion(), seller.getStatusNote(), seller.getShopName(), seller.getDocumentType(),
                    seller.getMaskedIdentity(), seller.getPassportExpiry(), seller.getUpdatedAt());
        }
    }

}
