package id.pasar.gateway.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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
        api.post("/api/v1/auth/register",
                Map.of("email", email, "password", "the-right-one", "displayName", "Target", "role", "SHOPPER"))
            .send()
            .expect(201);

        for (int i = 0; i < 5; i++) {
            api.post("/api/v1/auth/token", Map.of("email", email, "password", "guess-number-" + i)).send().expect(401);
        }
        Api.Response refused = api.post("/api/v1/auth/token", Map.of("email", email, "password", "the-right-one"))
            .send();

        refused.expect(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("code").asString()).isEqualTo("TOO_MANY_LOGIN_ATTEMPTS");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 15 * 60L);
    }

    @Test
    void throttlingIsPerAccountNotPerAddressAlone() {
        Api api = new Api(port);
        String victim = "victim-" + UUID.randomUUID() + "@example.id";
        String bystander = "bystander-" + UUID.randomUUID() + "@example.id";
        for (String email : new String[] { victim, bystander }) {
            api.post("/api/v1/auth/register",
                    Map.of("email", email, "password", "the-right-one", "displayName", "X", "role", "SHOPPER"))
                .send()
                .expect(201);
        }
        for (int i = 0; i < 6; i++) {
            api.post("/api/v1/auth/token", Map.of("email", victim, "password", "wrong-" + i)).send();
        }

        // Same client, same address, another account: unaffected.
        api.post("/api/v1/auth/token", Map.of("email", bystander, "password", "the-right-one")).send().expect(200);
    }

    /**
     * Anyone could lock the first ADMIN out with five wrong passwords; now only their own
     * client is slowed (issue 18).
     */
    @Test
    void aGuesserOnAnotherClientCannotLockTheOwnerOut() throws IOException {
        String email = register(port, "owner");
        for (int i = 0; i < 5; i++) {
            assertThat(tokenStatus(port, "127.0.0.2", email, "guess-number-" + i)).isEqualTo(401);
        }
        assertThat(tokenStatus(port, "127.0.0.2", email, "the-right-one")).as("the guesser's client waits")
            .isEqualTo(429);

        assertThat(tokenStatus(port, "127.0.0.3", email, "the-right-one")).as("the owner's client").isEqualTo(200);
    }

    static String register(int port, String who) {
        String email = who + "-" + UUID.randomUUID() + "@example.id";
        new Api(port)
            .post("/api/v1/auth/register",
                    Map.of("email", email, "password", "the-right-one", "displayName", "X", "role", "SHOPPER"))
            .send()
            .expect(201);
        return email;
    }

    /** A token request from another loopback address: each address is another client. */
    static int tokenStatus(int port, String from, String email, String password) throws IOException {
        byte[] body = Api.json(Map.of("email", email, "password", password)).getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port, InetAddress.getByName(from), 0)) {
            socket.getOutputStream()
                .write(("POST /api/v1/auth/token HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            String statusLine = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .findFirst()
                .orElseThrow();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
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
