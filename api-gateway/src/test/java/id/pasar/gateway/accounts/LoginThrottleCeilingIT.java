package id.pasar.gateway.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.IntegrationTest;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The per-account ceiling of LoginThrottle: a hundred guesses from a hundred clients, so
 * slow (BCrypt each).
 */
@IntegrationTest
class LoginThrottleCeilingIT {

    @LocalServerPort
    int port;

    @Test
    void pastTheAccountsCeilingOnlyAClientWithoutFailuresMayTry() throws IOException {
        String email = LoginThrottleTest.register(port, "ceiling");
        for (int i = 0; i < LoginThrottle.MAX_ACCOUNT_FAILURES; i++) {
            assertThat(LoginThrottleTest.tokenStatus(port, "127.0.1." + (i + 1), email, "distributed-guess-" + i))
                .isEqualTo(401);
        }

        assertThat(LoginThrottleTest.tokenStatus(port, "127.0.1.1", email, "the-right-one"))
            .as("a client that guessed before")
            .isEqualTo(429);
        assertThat(LoginThrottleTest.tokenStatus(port, "127.0.2.1", email, "another-guess"))
            .as("one guess for a clean client")
            .isEqualTo(401);
        assertThat(LoginThrottleTest.tokenStatus(port, "127.0.2.1", email, "the-right-one")).as("and only one")
            .isEqualTo(429);
        assertThat(LoginThrottleTest.tokenStatus(port, "127.0.3.1", email, "the-right-one")).as("the owner")
            .isEqualTo(200);
    }

}
