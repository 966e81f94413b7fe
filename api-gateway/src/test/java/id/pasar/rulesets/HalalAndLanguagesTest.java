package id.pasar.rulesets;

import static id.pasar.catalog.CatalogFixtures.createDraft;
import static id.pasar.catalog.CatalogFixtures.listing;
import static id.pasar.catalog.CatalogFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.catalog.CatalogFixtures.Seller;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Rule set v2 in force (its default instant, 18 October 2026, has passed) and the two
 * languages.
 */
@IntegrationTest
class HalalAndLanguagesTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void theRuleSetsArePublicDatedAndExactlyOneIsActive() {
        JsonNode sets = api.get("/api/v1/compliance/rule-sets").send().expect(200).json();

        assertThat(sets.get("items").valueStream().map(set -> set.get("version").asString())).containsExactly("v1",
                "v2");
        assertThat(sets.get("items")
            .valueStream()
            .filter(set -> set.get("active").asBoolean())
            .map(set -> set.get("version").asString())).containsExactly("v2");
        JsonNode v2 = sets.get("items").get(1);
        assertThat(v2.get("effectiveFrom").asString()).isEqualTo("2026-10-18T00:00:00+07:00");
        assertThat(v2.get("rules").valueStream().map(rule -> rule.get("code").asString()))
            .contains("HALAL_CERTIFICATE_REQUIRED", "SELLER_NOT_VERIFIED", "FOREIGN_NATIONALITY");
        assertThat(sets.get("items").get(0).get("rules").valueStream().map(rule -> rule.get("code").asString()))
            .doesNotContain("HALAL_CERTIFICATE_REQUIRED");
    }

    @Test
    void aHalalRequiredListingNeedsABpjphCertificateOrANonHalalDeclaration() {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        Map<String, Object> keripik = with(with(listing("Keripik Singkong Balado"), "categoryCode", "makanan-ringan"),
                "regulatoryLicence", "P-IRT 206327101023225");
        String silent = createDraft(api, seller, keripik);
        String ketetapan = createDraft(api, seller,
                with(with(keripik, "halalStatus", "CERTIFIED"), "halalCertificateNumber", "KH-2026-000123"));
        String certified = createDraft(api, seller,
                with(with(keripik, "halalStatus", "CERTIFIED"), "halalCertificateNumber", "ID 3111 0001 2345 67"));
        String nonHalal = createDraft(api, seller,
                with(with(listing("Dendeng Babi Bali"), "categoryCode", "makanan-ringan"), "regulatoryLicence",
                        "MD 224510001234"));
        api.put("/api/v1/listings/" + nonHalal,
                with(with(with(listing("Dendeng Babi Bali"), "categoryCode", "makanan-ringan"), "regulatoryLicence",
                        "MD 224510001234"), "halalStatus", "NON_HALAL"))
            .bearer(seller.token())
            .send()
            .expect(200);

        for (String refused : List.of(silent, ketetapan)) {
            Api.Response response = api.post("/api/v1/listings/" + refused + "/publish", Map.of())
                .bearer(seller.token())
                .send();
            response.expect(422);
            assertThat(response.json().get("reasons").valueStream().map(JsonNode::asString))
                .containsExactly("HALAL_CERTIFICATE_REQUIRED");
        }
        api.post("/api/v1/listings/" + certified + "/publish", Map.of()).bearer(seller.token()).send().expect(200);
        api.post("/api/v1/listings/" + nonHalal + "/publish", Map.of()).bearer(seller.token()).send().expect(200);

        JsonNode shown = api.get("/api/v1/catalog/listings/" + nonHalal).send().expect(200).json();
        assertThat(shown.get("halalStatus").asString()).isEqualTo("NON_HALAL");
        assertThat(
                api.get("/api/v1/catalog/listings/" + certified).send().json().get("halalCertificateNumber").asString())
            .isEqualTo("ID 3111 0001 2345 67");
        JsonNode mine = api.get("/api/v1/listings/" + silent).bearer(seller.token()).send().json();
        assertThat(mine.get("reasons").get(0).asString()).isEqualTo("HALAL_CERTIFICATE_REQUIRED");
    }

    @Test
    void categoriesSayWhichNeedHalalCertification() {
        JsonNode categories = api.get("/api/v1/catalog/categories").send().expect(200).json();
        assertThat(categories.get("items")
            .valueStream()
            .filter(c -> c.get("halalRequired").asBoolean())
            .map(c -> c.get("code").asString()))
            .contains("makanan-minuman", "sambal-bumbu", "kosmetik-rias", "jamu-herbal")
            .doesNotContain("batik-kain", "mainan-anak");
    }

    @Test
    void problemTitlesCategoryNamesAndRuleDescriptionsFollowTheLanguageButCodesDoNot() {
        Api.Response indonesian = api.get("/api/v1/regions/provinces/99/regencies").send();
        Api.Response english = api.get("/api/v1/regions/provinces/99/regencies").header("Accept-Language", "en").send();
        assertThat(indonesian.json().get("title").asString()).isEqualTo("Provinsi tidak ditemukan");
        assertThat(english.json().get("title").asString()).isEqualTo("Province not found");
        assertThat(indonesian.json().get("code")).isEqualTo(english.json().get("code"));

        Api.Response noToken = api.post("/api/v1/listings", Map.of())
            .header("Accept-Language", "en-GB,en;q=0.9")
            .send();
        assertThat(noToken.json().get("title").asString()).isEqualTo("Unauthorized");
        assertThat(api.post("/api/v1/listings", Map.of()).send().json().get("title").asString())
            .isEqualTo("Tidak terautentikasi");

        JsonNode invalid = api.post("/api/v1/auth/register", Map.of())
            .header("Accept-Language", "id")
            .send()
            .expect(400)
            .json();
        assertThat(invalid.get("title").asString()).isEqualTo("Data tidak valid");
        assertThat(invalid.get("errors").valueStream().map(e -> e.get("field").asString())).contains("email");

        assertThat(name("batik-kain", "id")).isEqualTo("Batik & Kain Tradisional");
        assertThat(name("batik-kain", "en")).isEqualTo("Batik & traditional cloth");

        String idRule = api.get("/api/v1/compliance/rule-sets")
            .send()
            .json()
            .get("items")
            .get(1)
            .get("rules")
            .get(0)
            .get("description")
            .asString();
        String enRule = api.get("/api/v1/compliance/rule-sets")
            .header("Accept-Language", "en")
            .send()
            .json()
            .get("items")
            .get(1)
            .get("rules")
            .get(0)
            .get("description")
            .asString();
        assertThat(idRule).isNotEqualTo(enRule).contains("warga negara Indonesia");
        assertThat(enRule).contains("Indonesian citizen");
    }

    private String name(String code, String language) {
        return api.get("/api/v1/catalog/categories")
            .header("Accept-Language", language)
            .send()
            .json()
            .get("items")
            .valueStream()
            .filter(c -> c.get("code").asString().equals(code))
            .findFirst()
            .orElseThrow()
            .get("name")
            .asString();
    }

}
