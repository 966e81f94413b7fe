package id.pasar.gateway.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class LoginThrottleTest {

    @LocalServerPort
    int port;

    @Test
    void theSixthAttemptAfterFiveFailuresIsRefusedWithRetryAfterEvenWithTheRightPassword() {
        Api api = new Api(port);
        String email = "target-" + UUID.randomUUID() + "@example.id";
        api.post("/api/v1/auth/register", Map.of("email", email, "password", "the-right-one", "displayName", "Target",
                "role", "SHOPPER")).send().expect(201);

        for (int i = 0; i < 5; i++) {
            api.post("/api/v1/auth/token", Map.of("email", email, "password", "guess-number-" + i)).send().expect(401);
        }
        Api.Response refused = api.post("/api/v1/auth/token", Map.of("email", email, "password", "the-right-one")).send();

        refused.expect(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("code").asString()).isEqualTo("TOO_MANY_LOGIN_ATTEMPTS");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 15 * 60L);
    }

    @Test
    void throttlingIsPerAccountNotPerClient() {
        Api api = new Api(port);
        String victim = "victim-" + UUID.randomUUID() + "@example.id";
        String bystander = "bystander-" + UUID.randomUUID() + "@example.id";
        for (String email : new String[] {victim, bystander}) {
            api.post("/api/v1/auth/register", Map.of("email", email, "password", "the-right-one", "displayName", "X",
                    "role", "SHOPPER")).send().expect(201);
        }
        for (int i = 0; i < 6; i++) {
            api.post("/api/v1/auth/token", Map.of("email", victim, "password", "wrong-" + i)).send();
        }

        // Same client, same address, another account: unaffected.
        api.post("/api/v1/auth/token", Map.of("email", bystander, "password", "the-right-one")).send().expect(200);
    }

    @Test
    void unknownEmailsAreThrottledLikeKnownOnes() {
        Api api = new Api(port);
        String nobody = "nobody-" + UUID.randomUUID() + "@example.id";
        for (int i = 0; i < 5; i++) {
            api.post("/api/v1/auth/token", Map.of("email", nobody, "password", "guess-" + i)).send().expect(401);
        }
        api.post("/api/v1/auth/token", Map.of("email", nobody, "password", "guess")).send().expect(429);
    }
}
