package id.pasar.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class RegionsTest {

    @LocalServerPort
    int port;

    @Test
    void listsAllThirtyEightProvincesWholeWithoutAToken() {
        JsonNode body = new Api(port).get("/api/v1/regions/provinces").send().expect(200).json();

        assertThat(body.get("items")).hasSize(38);
        assertThat(body.get("nextCursor").isNull()).isTrue();
        assertThat(body.get("items").get(0).get("code").asString()).isEqualTo("11");
        assertThat(body.get("items").get(0).get("name").asString()).isEqualTo("Aceh");
    }

    @Test
    void listsTheRegenciesOfAProvinceAsPPdotKK() {
        JsonNode body = new Api(port).get("/api/v1/regions/provinces/32/regencies").send().expect(200).json();

        assertThat(body.get("items")).hasSize(27);
        assertThat(body.get("items")
            .valueStream()
            .map(item -> item.get("code").asString() + " " + item.get("name").asString()))
            .contains("32.04 Kabupaten Bandung", "32.73 Kota Bandung");
        assertThat(body.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void theProvincesCreatedIn2022HaveTheirRegencies() {
        JsonNode body = new Api(port).get("/api/v1/regions/provinces/93/regencies").send().expect(200).json();
        assertThat(body.get("items").valueStream().map(item -> item.get("code").asString())).contains("93.01");
    }

    @Test
    void anUnknownProvinceIs404() {
        for (String code : new String[] { "99", "3", "320", "ab" }) {
            Api.Response response = new Api(port).get("/api/v1/regions/provinces/" + code + "/regencies").send();
            response.expect(404);
            assertThat(response.json().get("code").asString()).isEqualTo("PROVINCE_NOT_FOUND");
        }
    }

}
