package id.pasar.fairness;

import static id.pasar.catalog.CatalogFixtures.listing;
import static id.pasar.catalog.CatalogFixtures.publishedListing;
import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.onboarding.SellerFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The platform competes with no seller: a company on the affiliate list cannot sell here.
 * Adding an entry revokes a matching seller at once (its listings leave the shelf), every
 * change is a decision in the chain, and auditors read the list with numbers masked.
 */
@IntegrationTest
class PlatformAffiliatesTest {

    private static final String PATH = "/api/v1/admin/platform-affiliates";

    @LocalServerPort
    int port;

    Api api;

    String admin;

    String auditor;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        admin = api.adminToken();
        auditor = api.newStaffAccount("AUDITOR");
    }

    @Test
    void listingAVerifiedBusinessRevokesItAndTakesItsListingsDownAtOnce() {
        String nib = SellerFixtures.nib();
        String npwp = SellerFixtures.npwp();
        Seller seller = FairnessFixtures.businessSeller(api, nib, npwp, true);
        String listingId = publishedListing(api, seller, listing("Tas rotan Lombok"));
        api.get("/api/v1/catalog/listings/" + listingId).send().expect(200);

        String dotted = nib.substring(0, 4) + "." + nib.substring(4, 8) + "." + nib.substring(8);
        JsonNode entry = api.post(PATH, Map.of("nib", dotted, "legalName", "PT Pasar Logistik Nusantara", "note",
                "Sister company under the same holding"))
            .bearer(admin)
            .send()
            .expect(201)
            .json();

        assertThat(entry.get("nib").asString()).endsWith(nib.substring(10)).doesNotContain(nib.substring(0, 10));
        assertThat(entry.toString()).doesNotContain(nib).doesNotContain(npwp);
        JsonNode revoked = api.get("/api/v1/sellers/me").bearer(seller.token()).send().expect(200).json();
        assertThat(revoked.get("status").asString()).isEqualTo("REVOKED");
        assertThat(revoked.toString()).contains("PLATFORM_AFFILIATE");
        api.get("/api/v1/catalog/listings/" + listingId).send().expect(404);

        List<JsonNode> changes = decisions("PLATFORM_AFFILIATE_LIST");
        assertThat(changes).anySatisfy(d -> {
            assertThat(d.get("subjectId").asString()).isEqualTo(entry.get("id").asString());
            assertThat(d.get("reasons").toString()).contains("AFFILIATE_ADDED");
        });
        assertThat(decisions("SELLER_REVOCATION")).anySatisfy(d -> {
            assertThat(d.get("subjectId").asString()).isEqualTo(seller.sellerId());
            assertThat(d.get("reasons").toString()).contains("PLATFORM_AFFILIATE");
        });
        assertThat(decisions("LISTING_SUSPENSION"))
            .anySatisfy(d -> assertThat(d.get("subjectId").asString()).isEqualTo(listingId));
        assertThat(api.get("/api/v1/compliance/decisions/verification")
            .bearer(auditor)
            .send()
            .expect(200)
            .json()
            .get("valid")
            .asBoolean()).isTrue();
        // the same company applying again is refused
        JsonNode again = api
            .post("/api/v1/sellers",
                    SellerFixtures.application("BUSINESS",
                            SellerFixtures.entity(nib, SellerFixtures.npwp(), "ID", "PT")))
            .bearer(api.newAccount("SELLER"))
            .send()
            .expect(201)
            .json();
        assertThat(again.get("status").asString()).isEqualTo("REJECTED");
        assertThat(again.get("reasons").toString()).contains("PLATFORM_AFFILIATE");
    }

    @Test
    void anNpwpInItsSixteenDigitFormFindsTheSellerAndAPendingApplicantIsRejected() {
        String npwp = SellerFixtures.npwp();
        Seller verified = FairnessFixtures.businessSeller(api, SellerFixtures.nib(), npwp, true);
        String pendingNpwp = SellerFixtures.npwp();
        Seller pending = FairnessFixtures.businessSeller(api, SellerFixtures.nib(), pendingNpwp, false);

        api.post(PATH, Map.of("npwp", "0" + npwp, "legalName", "PT Afiliasi Satu")).bearer(admin).send().expect(201);
        api.post(PATH, Map.of("npwp", pendingNpwp, "legalName", "PT Afiliasi Dua")).bearer(admin).send().expect(201);

        assertThat(status(verified)).isEqualTo("REVOKED");
        assertThat(status(pending)).isEqualTo("REJECTED");
    }

    @Test
    void anEntryThatMatchesNobodyChangesNoSellerAndCanBeRemovedWithALoggedDecision() {
        Seller bystander = FairnessFixtures.businessSeller(api, SellerFixtures.nib(), SellerFixtures.npwp(), true);
        String id = api
            .post(PATH, Map.of("nib", SellerFixtures.nib(), "npwp", SellerFixtures.npwp(), "legalName", "PT Lain"))
            .bearer(admin)
            .send()
            .expect(201)
            .json()
            .get("id")
            .asString();
        assertThat(status(bystander)).isEqualTo("VERIFIED");

        JsonNode list = api.get(PATH).bearer(auditor).send().expect(200).json();
        assertThat(list.get("items")).anySatisfy(item -> assertThat(item.get("id").asString()).isEqualTo(id));
        api.delete(PATH + "/" + id).bearer(admin).send().expect(204);
        api.delete(PATH + "/" + id).bearer(admin).send().expect(404);
        assertThat(api.get(PATH).bearer(admin).send().expect(200).json().get("items"))
            .noneSatisfy(item -> assertThat(item.get("id").asString()).isEqualTo(id));
        assertThat(decisions("PLATFORM_AFFILIATE_LIST")).anySatisfy(d -> {
            assertThat(d.get("subjectId").asString()).isEqualTo(id);
            assertThat(d.get("reasons").toString()).contains("AFFILIATE_REMOVED");
        });
    }

    @Test
    void badEntriesDuplicatesAndWrongRolesAreRefused() {
        String nib = SellerFixtures.nib();
        api.post(PATH, Map.of("nib", nib, "legalName", "PT Satu")).bearer(admin).send().expect(201);
        assertThat(api.post(PATH, Map.of("nib", nib, "legalName", "PT Satu Lagi"))
            .bearer(admin)
            .send()
            .expect(409)
            .json()
            .get("code")
            .asString()).isEqualTo("AFFILIATE_ALREADY_LISTED");
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("legalName", "PT Tanpa Nomor"),
                Map.of("nib", "12345", "legalName", "PT Pendek"), Map.of("npwp", "01.234", "legalName", "PT Pendek"),
                Map.of("nib", SellerFixtures.nib()), Map.of("nib", 1234567890123L, "legalName", "PT Angka"))) {
            JsonNode problem = api.post(PATH, bad).bearer(admin).send().expect(400).json();
            assertThat(problem.get("code").asString()).as(bad.toString())
                .isIn("VALIDATION_FAILED", "MALFORMED_REQUEST");
        }
        api.delete(PATH + "/not-a-uuid").bearer(admin).send().expect(400);

        Map<String, Object> entry = Map.of("nib", SellerFixtures.nib(), "legalName", "PT Dua");
        api.post(PATH, entry).bearer(auditor).send().expect(403);
        api.post(PATH, entry).send().expect(401);
        for (String role : List.of("SHOPPER", "SELLER")) {
            String token = api.newAccount(role);
            api.get(PATH).bearer(token).send().expect(403);
            api.post(PATH, entry).bearer(token).send().expect(403);
        }
        api.get(PATH).bearer(api.newStaffAccount("COMPLIANCE_OFFICER")).send().expect(403);
    }

    private String status(Seller seller) {
        return api.get("/api/v1/sellers/me").bearer(seller.token()).send().expect(200).json().get("status").asString();
    }

    private List<JsonNode> decisions(String subjectType) {
        return api.allItems("/api/v1/compliance/decisions?subjectType=" + subjectType, auditor);
    }

}
