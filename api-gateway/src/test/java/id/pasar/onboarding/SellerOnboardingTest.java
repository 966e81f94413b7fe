package id.pasar.onboarding;

import static id.pasar.onboarding.SellerFixtures.application;
import static id.pasar.onboarding.SellerFixtures.entity;
import static id.pasar.onboarding.SellerFixtures.ktp;
import static id.pasar.onboarding.SellerFixtures.ktpApplication;
import static id.pasar.onboarding.SellerFixtures.mrz;
import static id.pasar.onboarding.SellerFixtures.nib;
import static id.pasar.onboarding.SellerFixtures.nik;
import static id.pasar.onboarding.SellerFixtures.npwp;
import static id.pasar.onboarding.SellerFixtures.passport;
import static id.pasar.onboarding.SellerFixtures.passportNumber;
import static id.pasar.onboarding.SellerFixtures.someAdultBirthDate;
import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.LogsAtInfo;
import id.pasar.TestIdentityRegistry;
import id.pasar.compliance.IdentityCipher;
import id.pasar.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Seller onboarding through the API, as a seller app and a compliance officer use it. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SellerOnboardingTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta"));

    @LocalServerPort
    int port;

    @Autowired
    IdentityCipher cipher;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    private Api.Response apply(Map<String, Object> application) {
        return api.post("/api/v1/sellers", application).bearer(api.newAccount("SELLER")).send();
    }

    private JsonNode applied(Map<String, Object> application) {
        return apply(application).expect(201).json();
    }

    private static List<String> reasons(JsonNode seller) {
        return seller.get("reasons").valueStream().map(JsonNode::asString).toList();
    }

    @Test
    void aKtpApplicationThatPassesEveryRuleWaitsForAnOfficer() {
        String seller = api.newAccount("SELLER");
        LocalDate born = LocalDate.of(1997, 9, 6);
        String nik = nik(born, false);

        JsonNode created = api.post("/api/v1/sellers", ktpApplication(nik, born, "MALE", "WNI"))
            .bearer(seller)
            .send()
            .expect(201)
            .json();

        assertThat(created.get("status").asString()).isEqualTo("PENDING_REVIEW");
        assertThat(reasons(created)).isEmpty();
        assertThat(created.get("umkmClass").asString()).isEqualTo("MICRO");
        assertThat(created.get("sellerType").asString()).isEqualTo("INDIVIDUAL");
        assertThat(created.get("regencyCode").asString()).isEqualTo("32.04");
        assertThat(created.get("maskedIdentity").asString())
            .isEqualTo(nik.substring(0, 6) + "********" + nik.substring(14));
        assertThat(created.get("createdAt").asString()).endsWith("+07:00");
        assertThat(created.toString()).doesNotContain(nik);
        JsonNode me = api.get("/api/v1/sellers/me").bearer(seller).send().expect(200).json();
        assertThat(me.get("sellerId")).isEqualTo(created.get("sellerId"));
    }

    /**
     * 99.99 is well formed but names no regency: a person's address must exist, as a
     * business's does (issue 18).
     */
    @Test
    void anIndividualWhoseAddressIsNoRegencyIsRejected() {
        LocalDate born = SellerFixtures.someAdultBirthDate();
        for (Map<String, Object> identity : List
            .of(SellerFixtures.ktp(SellerFixtures.nik(born, false), born, "MALE", "WNI"), SellerFixtures
                .passport(SellerFixtures.passportNumber(), "IDN", born, "MALE", LocalDate.now().plusYears(3), null))) {
            JsonNode seller = api
                .post("/api/v1/sellers", SellerFixtures.application("INDIVIDUAL", identity, "9999", 100_000_000L))
                .bearer(api.newAccount("SELLER"))
                .send()
                .expect(201)
                .json();
            assertThat(seller.get("status").asString()).isEqualTo("REJECTED");
            assertThat(seller.get("reasons")).extracting(JsonNode::asString).containsExactly("ADDRESS_NOT_DOMESTIC");
        }
    }

    @Test
    void umkmClassFollowsDeclaredAnnualSales() {
        long[] revenues = { 2_000_000_000L, 2_000_000_001L, 15_000_000_000L, 50_000_000_000L, 50_000_000_001L };
        String[] classes = { "MICRO", "SMALL", "SMALL", "MEDIUM", "LARGE" };
        for (int i = 0; i < revenues.length; i++) {
            JsonNode seller = applied(application("BUSINESS", entity(nib(), npwp(), "ID", "PT"), "3204", revenues[i]));
            assertThat(seller.get("umkmClass").asString()).isEqualTo(classes[i]);
        }
    }

    @Test
    void everyKtpReasonCodeComesOutOfTheApi() {
        LocalDate born = someAdultBirthDate();
        assertThat(reasons(applied(ktpApplication(nik(born, false), born, "MALE", "WNA"))))
            .containsExactly("FOREIGN_NATIONALITY");
        assertThat(reasons(applied(ktpApplication("99" + nik(born, false).substring(2), born, "MALE", "WNI"))))
            .containsExactly("NIK_REGION_UNKNOWN");
        JsonNode unverified = applied(ktpApplication("320499" + nik(born, false).substring(6), born, "MALE", "WNI"));
        assertThat(unverified.get("status").asString()).isEqualTo("PENDING_REVIEW");
        assertThat(reasons(unverified)).containsExactly("NIK_REGION_UNVERIFIED");
        assertThat(reasons(applied(ktpApplication("3204113002801234", LocalDate.of(1980, 2, 28), "MALE", "WNI"))))
            .containsExactly("NIK_BIRTHDATE_INVALID");
        assertThat(reasons(applied(ktpApplication(nik(born, false), born.plusDays(1), "MALE", "WNI"))))
            .containsExactly("NIK_MISMATCH");
        assertThat(reasons(applied(ktpApplication(nik(born, true), born, "MALE", "WNI"))))
            .containsExactly("NIK_MISMATCH");
        LocalDate child = TODAY.minusYears(16);
        assertThat(reasons(applied(ktpApplication(nik(child, true), child, "FEMALE", "WNI"))))
            .containsExactly("UNDERAGE");
        assertThat(reasons(applied(ktpApplication(nik(born, false).substring(0, 12) + "0000", born, "MALE", "WNI"))))
            .containsExactly("NIK_SERIAL_INVALID");
        JsonNode rejected = applied(ktpApplication(nik(born, false).substring(0, 12) + "0000", born, "MALE", "WNA"));
        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
        assertThat(reasons(rejected)).containsExactlyInAnyOrder("FOREIGN_NATIONALITY", "NIK_SERIAL_INVALID");
    }

    @Test
    void everyPassportReasonCodeComesOutOfTheApi() {
        LocalDate born = someAdultBirthDate();
        LocalDate expiry = TODAY.plusYears(3);
        String number = passportNumber();
        JsonNode pending = applied(application("INDIVIDUAL",
                passport(number, "IDN", born, "FEMALE", expiry, mrz(number, "IDN", born, "F", expiry))));
        assertThat(pending.get("status").asString()).isEqualTo("PENDING_REVIEW");
        assertThat(pending.get("maskedIdentity").asString()).isEqualTo("*****" + number.substring(5));

        assertThat(reasons(
                applied(application("INDIVIDUAL", passport(passportNumber(), "MYS", born, "FEMALE", expiry, null)))))
            .containsExactly("FOREIGN_NATIONALITY");
        assertThat(reasons(
                applied(application("INDIVIDUAL", passport(passportNumber(), "IDN", born, "FEMALE", TODAY, null)))))
            .containsExactly("PASSPORT_EXPIRED");
        String other = passportNumber();
        List<String> broken = new ArrayList<>(mrz(other, "IDN", born, "F", expiry));
        broken.set(1, broken.get(1).substring(0, 43) + (char) ('0' + (broken.get(1).charAt(43) - '0' + 1) % 10));
        assertThat(reasons(applied(application("INDIVIDUAL", passport(other, "IDN", born, "FEMALE", expiry, broken)))))
            .containsExactly("MRZ_INVALID");
        String third = passportNumber();
        assertThat(reasons(applied(application("INDIVIDUAL",
                passport(third, "IDN", born, "FEMALE", expiry, mrz(third, "IDN", born, "M", expiry))))))
            .containsExactly("MRZ_MISMATCH");
        LocalDate child = TODAY.minusYears(15);
        assertThat(reasons(
                applied(application("INDIVIDUAL", passport(passportNumber(), "IDN", child, "MALE", expiry, null)))))
            .containsExactly("UNDERAGE");
    }

    @Test
    void everyLocalEntityReasonCodeComesOutOfTheApi() throws Exception {
        assertThat(applied(application("BUSINESS", entity(nib(), npwp(), "ID", "CV"))).get("status").asString())
            .isEqualTo("PENDING_REVIEW");
        assertThat(reasons(applied(application("BUSINESS", entity(nib(), npwp(), "SG", "PT")))))
            .containsExactly("FOREIGN_ENTITY");
        String badLuhn = npwp();
        badLuhn = badLuhn.substring(0, 8) + (char) ('0' + (badLuhn.charAt(8) - '0' + 1) % 10) + badLuhn.substring(9);
        assertThat(reasons(applied(application("BUSINESS", entity(nib(), badLuhn, "ID", "PT")))))
            .containsExactly("NPWP_INVALID");
        assertThat(reasons(applied(application("BUSINESS", entity(nib(), npwp(), "ID", "PT"), "9901", 1_000_000L))))
            .containsExactly("ADDRESS_NOT_DOMESTIC");

        String affiliateNib = nib();
        listAsPlatformAffiliate(affiliateNib);
        assertThat(reasons(applied(application("BUSINESS", entity(affiliateNib, npwp(), "ID", "PT")))))
            .containsExactly("PLATFORM_AFFILIATE");
    }

    @Test
    void oneIdentityBacksOneSellerWhateverTheSeparators() {
        LocalDate born = someAdultBirthDate();
        String nik = nik(born, false);
        applied(ktpApplication(nik, born, "MALE", "WNI"));
        String typed = nik.substring(0, 6) + "." + nik.substring(6, 12) + "-" + nik.substring(12, 14) + " "
                + nik.substring(14);

        JsonNode second = applied(ktpApplication(typed, born, "MALE", "WNI"));
        assertThat(second.get("status").asString()).isEqualTo("REJECTED");
        assertThat(reasons(second)).containsExactly("IDENTITY_ALREADY_REGISTERED");

        String number = passportNumber();
        LocalDate expiry = TODAY.plusYears(2);
        applied(application("INDIVIDUAL", passport(number, "IDN", born, "MALE", expiry, null)));
        assertThat(reasons(
                applied(application("INDIVIDUAL", passport(number.toLowerCase(), "IDN", born, "MALE", expiry, null)))))
            .containsExactly("IDENTITY_ALREADY_REGISTERED");

        String nib = nib();
        applied(application("BUSINESS", entity(nib, npwp(), "ID", "PT")));
        assertThat(reasons(applied(application("BUSINESS", entity(nib, npwp(), "ID", "CV")))))
            .containsExactly("IDENTITY_ALREADY_REGISTERED");
    }

    @Test
    void racingApplicationsWithOneNikLeaveExactlyOneHolder() throws Exception {
        LocalDate born = someAdultBirthDate();
        String nik = nik(born, true);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tokens.add(api.newAccount("SELLER"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(tokens.size());
        List<String> statuses = new ArrayList<>();
        try {
            List<Callable<JsonNode>> attempts = tokens.stream()
                .<Callable<JsonNode>>map(
                        token -> () -> api.post("/api/v1/sellers", ktpApplication(nik, born, "FEMALE", "WNI"))
                            .bearer(token)
                            .send()
                            .expect(201)
                            .json())
                .toList();
            for (Future<JsonNode> seller : pool.invokeAll(attempts)) {
                statuses.add(seller.get().get("status").asString() + " " + reasons(seller.get()));
            }
        }
        finally {
            pool.shutdown();
        }
        assertThat(statuses).containsOnlyOnce("PENDING_REVIEW []")
            .filteredOn(s -> !s.equals("PENDING_REVIEW []"))
            .containsOnly("REJECTED [IDENTITY_ALREADY_REGISTERED]");
    }

    @Test
    @LogsAtInfo // every logger at the production level: none may print a number
    void noIdentityNumberIsStoredOrLoggedInClear(CapturedOutput output) throws Exception {
        LocalDate born = someAdultBirthDate();
        String nik = nik(born, false);
        String nib = nib();
        String npwp = npwp();
        String number = passportNumber();
        LocalDate expiry = TODAY.plusYears(4);
        List<String> mrz = mrz(number, "IDN", born, "M", expiry);
        applied(ktpApplication(nik, born, "MALE", "WNI"));
        // a rejection takes another path
        applied(ktpApplication(nik, born, "MALE", "WNI"));
        applied(application("BUSINESS", entity(nib, npwp, "ID", "PT")));
        applied(application("INDIVIDUAL", passport(number, "IDN", born, "MALE", expiry, mrz)));
        apply(application("INDIVIDUAL", ktp(nik + "9", born, "MALE", "WNI"))).expect(400);

        try (Connection connection = TestDatabase.instance().connect();
                PreparedStatement dump = connection.prepareStatement(
                        "SELECT string_agg(s::text || encode(s.identity_ciphertext, 'escape'), '|') FROM onboarding.sellers s");
                ResultSet rows = dump.executeQuery()) {
            rows.next();
            assertThat(rows.getString(1)).doesNotContain(nik, nib, npwp, number, mrz.get(1));
        }
        try (Connection connection = TestDatabase.instance().connect();
                PreparedStatement dump = connection
                    .prepareStatement("SELECT string_agg(d::text, '|') FROM compliance.decisions d");
                ResultSet rows = dump.executeQuery()) {
            rows.next();
            assertThat(rows.getString(1)).doesNotContain(nik, nib, npwp, number);
        }
        assertThat(output.getAll()).contains("applied with")
            .doesNotContain(nik, nib, npwp, number, mrz.get(1), nik.substring(0, 6) + nik.substring(6));
    }

    @Test
    void aRegistryConfirmationVerifiesAtOnce() {
        LocalDate born = someAdultBirthDate();
        String nik = nik(born, false);
        TestIdentityRegistry.confirm(nik);
        JsonNode seller = applied(ktpApplication(nik, born, "MALE", "WNI"));
        assertThat(seller.get("status").asString()).isEqualTo("VERIFIED");

        String nib = nib();
        TestIdentityRegistry.confirm(nib);
        assertThat(applied(application("BUSINESS", entity(nib, npwp(), "ID", "PT"))).get("status").asString())
            .isEqualTo("VERIFIED");
    }

    @Test
    void aPendingApplicationCannotBeReplacedButARejectedOneCan() {
        String seller = api.newAccount("SELLER");
        LocalDate born = someAdultBirthDate();
        JsonNode first = api.post("/api/v1/sellers", ktpApplication(nik(born, false), born, "MALE", "WNA"))
            .bearer(seller)
            .send()
            .expect(201)
            .json();
        assertThat(first.get("status").asString()).isEqualTo("REJECTED");

        JsonNode second = api.post("/api/v1/sellers", SellerFixtures.pendingKtpApplication())
            .bearer(seller)
            .send()
            .expect(201)
            .json();
        assertThat(second.get("sellerId")).isEqualTo(first.get("sellerId"));
        assertThat(second.get("status").asString()).isEqualTo("PENDING_REVIEW");

        Api.Response third = api.post("/api/v1/sellers", SellerFixtures.pendingKtpApplication()).bearer(seller).send();
        third.expect(409);
        assertThat(third.json().get("code").asString()).isEqualTo("SELLER_EXISTS");
    }

    @Test
    void malformedApplicationsAre400NamingTheFieldAndStoreNothing() {
        String seller = api.newAccount("SELLER");
        LocalDate born = someAdultBirthDate();
        Map<String, Object> missingIdentity = new LinkedHashMap<>(SellerFixtures.pendingKtpApplication());
        missingIdentity.remove("identity");
        Map<String, Object> unknownDocument = application("INDIVIDUAL", Map.of("documentType", "SIM"));
        Map<String, Object> longName = new LinkedHashMap<>(SellerFixtures.pendingKtpApplication());
        longName.put("shopName", "x".repeat(101));
        Map<String, Object> wrongType = new LinkedHashMap<>(SellerFixtures.pendingKtpApplication());
        wrongType.put("annualRevenueIdr", "banyak");

        Map<Map<String, Object>, String> cases = new LinkedHashMap<>();
        cases.put(missingIdentity, "identity");
        cases.put(application("INDIVIDUAL", ktp(nik(born, false) + "1", born, "MALE", "WNI")), "identity.nik");
        cases.put(application("INDIVIDUAL", ktp("32041106O9970001", born, "MALE", "WNI")), "identity.nik");
        cases.put(unknownDocument, "identity.documentType");
        cases.put(longName, "shopName");
        cases.put(wrongType, "annualRevenueIdr");
        cases.put(application("BUSINESS", ktp(nik(born, false), born, "MALE", "WNI")), "identity.documentType");
        cases.put(application("INDIVIDUAL", ktp(nik(born, false), born, "MALE", "WNI"), "32.4", 1L),
                "address.regencyCode");
        cases.put(application("BUSINESS", entity("123", npwp(), "ID", "PT")), "identity.nib");
        cases.put(application("BUSINESS", entity(nib(), npwp(), "ID", "BUMN")), "identity.entityType");

        cases.forEach((body, field) -> {
            Api.Response response = api.post("/api/v1/sellers", body).bearer(seller).send();
            response.expect(400);
            assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .as("the error names %s", field)
                .contains(field);
        });
        api.get("/api/v1/sellers/me").bearer(seller).send().expect(404);
    }

    @Test
    void aShopperCannotApply() {
        api.post("/api/v1/sellers", SellerFixtures.pendingKtpApplication())
            .bearer(api.newAccount("SHOPPER"))
            .send()
            .expect(403);
        api.post("/api/v1/sellers", SellerFixtures.pendingKtpApplication()).send().expect(401);
    }

    private void listAsPlatformAffiliate(String nib) throws Exception {
        try (Connection connection = TestDatabase.instance().connect();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO compliance.platform_affiliates (id, legal_name, nib_index, nib_masked, created_at)
                        VALUES (?, 'PT Pasar Sendiri', ?, ?, now())""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setBytes(2, cipher.blindIndex("NIB", nib));
            insert.setString(3, "**********" + nib.substring(10));
            insert.executeUpdate();
        }
    }

}
