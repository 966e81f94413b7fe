package id.pasar.gateway.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.TestApplicationInitializer;
import id.pasar.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class AccountsTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    private static String email() {
        return "user-" + UUID.randomUUID() + "@example.id";
    }

    private Api.Response register(String email, String password, String role) {
        return api
            .post("/api/v1/auth/register",
                    Map.of("email", email, "password", password, "displayName", "Siti Rahayu", "role", role))
            .send();
    }

    @Test
    void registersAShopperAndIssuesAVerifiableToken() {
        String email = email();
        JsonNode created = register(email, "rahasia-sekali", "SHOPPER").expect(201).json();
        assertThat(UUID.fromString(created.get("userId").asString())).isNotNull();

        JsonNode token = api.post("/api/v1/auth/token", Map.of("email", email, "password", "rahasia-sekali"))
            .send()
            .expect(200)
            .json();
        assertThat(token.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(token.get("expiresIn").asLong()).isEqualTo(3600);
        String[] parts = token.get("accessToken").asString().split("\\.");
        assertThat(parts).hasSize(3);
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(claims).contains(created.get("userId").asString()).contains("\"roles\":[\"SHOPPER\"]");
    }

    @Test
    void emailsCompareCaseInsensitively() {
        String email = email();
        register(email, "rahasia-sekali", "SELLER").expect(201);

        Api.Response again = register(email.toUpperCase(), "another-password", "SHOPPER");

        again.expect(409);
        assertThat(again.json().get("code").asString()).isEqualTo("EMAIL_TAKEN");
        api.post("/api/v1/auth/token", Map.of("email", email.toUpperCase(), "password", "rahasia-sekali"))
            .send()
            .expect(200);
    }

    @Test
    void aClientCannotGiveItselfAStaffRole() throws Exception {
        for (String role : List.of("ADMIN", "AUDITOR", "COMPLIANCE_OFFICER")) {
            String email = email();
            Api.Response response = register(email, "rahasia-sekali", role);
            response.expect(400);
            assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("role");
            assertThat(accountExists(email)).as("nothing stored for %s", role).isFalse();
        }
    }

    @Test
    void refusesWeakOrOverlongPasswordsNamingTheField() {
        for (String password : List.of("pendek", "x".repeat(73), "é".repeat(37))) {
            Api.Response response = register(email(), password, "SHOPPER");
            response.expect(400);
            assertThat(response.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
            assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
        }
    }

    @Test
    void wrongPasswordAndUnknownEmailAreTheSameAnswer() {
        String email = email();
        register(email, "rahasia-sekali", "SHOPPER").expect(201);

        Api.Response wrongPassword = api
            .post("/api/v1/auth/token", Map.of("email", email, "password", "salah-salah-salah"))
            .send();
        Api.Response unknownEmail = api
            .post("/api/v1/auth/token", Map.of("email", email(), "password", "salah-salah-salah"))
            .send();

        wrongPassword.expect(401);
        unknownEmail.expect(401);
        assertThat(wrongPassword.json().get("code").asString()).isEqualTo("BAD_CREDENTIALS");
        assertThat(unknownEmail.json().get("detail")).isEqualTo(wrongPassword.json().get("detail"));
    }

    @Test
    void concurrentRegistrationsOfOneEmailCreateOneAccount() throws Exception {
        String email = email();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                attempts.add(() -> register(email, "rahasia-sekali", "SHOPPER").status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(attempts)) {
                statuses.add(status.get());
            }
            assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        }
        finally {
            pool.shutdown();
        }
        assertThat(accountExists(email)).isTrue();
    }

    @Test
    void theConfiguredAdminExistsAndCreatesStaffAccounts() {
        String admin = api.adminToken();
        String email = email();

        api.post("/api/v1/admin/users", Map.of("email", email, "password", "officer-password", "displayName", "Petugas",
                "role", "COMPLIANCE_OFFICER"))
            .bearer(admin)
            .send()
            .expect(201);

        String token = api.token(email, "officer-password");
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertThat(claims).contains("\"roles\":[\"COMPLIANCE_OFFICER\"]");
    }

    @Test
    void theAdminIsCreatedOnceWhateverTheNumberOfStarts(@Autowired Accounts accounts) throws Exception {
        accounts.ensureAdmin(TestApplicationInitializer.ADMIN_EMAIL, "a-different-password");

        try (Connection connection = TestDatabase.instance().connect();
                PreparedStatement count = connection
                    .prepareStatement("SELECT count(*) FROM gateway.users WHERE email = ?")) {
            count.setString(1, TestApplicationInitializer.ADMIN_EMAIL);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                assertThat(result.getInt(1)).isEqualTo(1);
            }
        }
        api.adminToken(); // still the configured password
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() throws Exception {
        String email = email();
        register(email, "rahasia-sekali", "SHOPPER").expect(201);
        try (Connection connection = TestDatabase.instance().connect();
                PreparedStatement select = connection
                    .prepareStatement("SELECT password_hash FROM gateway.users WHERE email = ?")) {
            select.setString(1, email);
            try (ResultSet result = select.executeQuery()) {
                result.next();
                assertThat(result.getString(1)).startsWith("$2a$10$").doesNotContain("rahasia");
            }
        }
    }

    private static boolean accountExists(String email) throws Exception {
        try (Connection connection = TestDatabase.instance().connect();
                PreparedStatement select = connection
                    .prepareStatement("SELECT 1 FROM gateway.users WHERE email = lower(?)")) {
            select.setString(1, email);
            try (ResultSet result = select.executeQuery()) {
                return result.next();
            }
        }
    }

}
