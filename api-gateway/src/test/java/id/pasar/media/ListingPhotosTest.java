package id.pasar.media;

import static id.pasar.catalog.CatalogFixtures.createDraft;
import static id.pasar.catalog.CatalogFixtures.listing;
import static id.pasar.catalog.CatalogFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A listing's photos: the seller's own, at most 9, in order; part of what compliance
 * checks; shown in detail and, the first, in search.
 */
@IntegrationTest
class ListingPhotosTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void aListingWithPhotosIsCheckedPublishedAndShowsThem() {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        List<String> photos = List.of(photo(seller), photo(seller), photo(seller));
        String word = CatalogFixtures.uniqueWord();
        String id = createDraft(api, seller, with(listing("Tas Rotan " + word), "photoIds", photos));
        api.post("/api/v1/listings/" + id + "/publish", Map.of()).bearer(seller.token()).send().expect(200);

        JsonNode detail = api.get("/api/v1/catalog/listings/" + id).send().expect(200).json();
        List<String> shown = new ArrayList<>();
        detail.get("photos").forEach(photo -> shown.add(photo.get("mediaId").asString()));
        assertThat(shown).containsExactlyElementsOf(photos);
        assertThat(detail.get("photos").get(1).get("urls").get("720").asString())
            .isEqualTo("/media/" + photos.get(1) + "/720.jpg");
        assertThat(MediaUploads.download(port, detail.get("photos").get(0).get("urls").get("320").asString(), null)
            .statusCode()).isEqualTo(200);

        JsonNode item = api.get("/api/v1/catalog/listings?q=" + word).send().expect(200).json().get("items").get(0);
        assertThat(item.get("listingId").asString()).isEqualTo(id);
        assertThat(item.get("photo").get("mediaId").asString()).isEqualTo(photos.get(0));
        assertThat(item.get("photo").get("urls").get("1280").asString())
            .isEqualTo("/media/" + photos.get(0) + "/1280.jpg");

        JsonNode own = api.get("/api/v1/listings/" + id).bearer(seller.token()).send().expect(200).json();
        assertThat(own.get("photos")).hasSize(3);
    }

    @Test
    void changingPhotosNeedsANewCheck() {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        List<String> photos = List.of(photo(seller), photo(seller));
        Map<String, Object> body = with(listing("Keranjang Rotan"), "photoIds", photos);
        String id = createDraft(api, seller, body);
        String firstPass = api.post("/api/v1/listings/" + id + "/publish", Map.of())
            .bearer(seller.token())
            .send()
            .expect(200)
            .json()
            .get("decisionId")
            .asString();

        List<String> reordered = new ArrayList<>(photos);
        Collections.reverse(reordered);
        JsonNode edited = api.put("/api/v1/listings/" + id, with(body, "photoIds", reordered))
            .bearer(seller.token())
            .send()
            .expect(200)
            .json();
        assertThat(edited.get("status").asString()).isEqualTo("DRAFT");
        assertThat(edited.get("version").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/catalog/listings/" + id).send().status()).isEqualTo(404);

        String secondPass = api.post("/api/v1/listings/" + id + "/publish", Map.of())
            .bearer(seller.token())
            .send()
            .expect(200)
            .json()
            .get("decisionId")
            .asString();
        assertThat(secondPass).isNotEqualTo(firstPass);
        assertThat(api.get("/api/v1/catalog/listings/" + id)
            .send()
            .expect(200)
            .json()
            .get("photos")
            .get(0)
            .get("mediaId")
            .asString()).isEqualTo(reordered.get(0));
    }

    @Test
    void theDatabaseRefusesPhotosNoPassChecked() throws SQLException {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        String published = CatalogFixtures.publishedListing(api, seller,
                with(listing("Tikar Pandan"), "photoIds", List.of(photo(seller))));
        try (Connection connection = TestDatabase.instance().connect()) {
            assertThatThrownBy(() -> connection.createStatement()
                .executeUpdate("UPDATE catalog.listings SET photo_ids = ARRAY['" + UUID.randomUUID()
                        + "']::uuid[] WHERE id = '" + published + "'"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("no compliance PASS");
            assertThatThrownBy(() -> connection.createStatement()
                .executeUpdate("UPDATE catalog.listings SET photo_ids = '{}' WHERE id = '" + published + "'"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("no compliance PASS");
        }
    }

    @Test
    void aListingWithoutPhotosChecksWhatItCheckedBefore() {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        String id = CatalogFixtures.publishedListing(api, seller, listing("Bakul Tanpa Foto"));
        Boolean same = jdbc.sql("""
                SELECT catalog.checked_content(content_hash, option_types, options_hash, photo_ids)
                       = catalog.checked_content(content_hash, option_types, options_hash)
                FROM catalog.listings WHERE id = :id::uuid""").param("id", id).query(Boolean.class).single();
        assertThat(same).isTrue();
    }

    @Test
    void refusesAnotherSellersPhotosUnknownOnesAndTooMany() {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        Seller other = CatalogFixtures.verifiedSeller(api);
        String theirs = photo(other);
        String unknown = UUID.randomUUID().toString();
        Api.Response refused = api
            .post("/api/v1/listings",
                    with(listing("Tas Orang Lain"), "photoIds", List.of(photo(seller), theirs, unknown)))
            .bearer(seller.token())
            .send();
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("code").asString()).isEqualTo("PHOTO_NOT_OWNED");
        assertThat(refused.json().get("mediaIds").toString()).contains(theirs, unknown);

        String id = createDraft(api, seller, listing("Tas Sendiri"));
        assertThat(api.put("/api/v1/listings/" + id, with(listing("Tas Sendiri"), "photoIds", List.of(theirs)))
            .bearer(seller.token())
            .send()
            .status()).isEqualTo(422);

        List<String> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(UUID.randomUUID().toString());
        }
        Api.Response tooMany = api.post("/api/v1/listings", with(listing("Tas Sepuluh Foto"), "photoIds", ten))
            .bearer(seller.token())
            .send();
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(tooMany.body()).contains("photoIds");

        String mine = photo(seller);
        Api.Response twice = api
            .post("/api/v1/listings", with(listing("Tas Dua Kali"), "photoIds", List.of(mine, mine)))
            .bearer(seller.token())
            .send();
        assertThat(twice.status()).isEqualTo(400);
    }

    private String photo(Seller seller) {
        return MediaUploads.upload(api, seller.token(), "foto.jpg", "image/jpeg", TestImages.jpeg(800, 600))
            .expect(201)
            .json()
            .get("mediaId")
            .asString();
    }

}
