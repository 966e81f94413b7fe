package id.pasar.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.TestApplicationInitializer;
import id.pasar.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * OWASP API2 (broken authentication), beyond what
 * {@code gateway.security.TokenValidationTest} covers already (alg none, expired, another
 * issuer or audience, a tampered payload, another key, garbage, no token) and
 * {@code gateway.accounts.LoginThrottleTest} (credential stuffing: 429 after five
 * failures per account). Here: a token outlives neither its account nor its role, and
 * only a bearer header with an HS256 token we signed, with every time claim, opens the
 * API.
 */
@IntegrationTest
class Api2BrokenAuthenticationTest {

    private static final String MINE = "/api/v1/orders";

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    private void assertUnauthorized(Api.Response response) {
        response.expect(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void theTokenOfAnErasedAccountStopsWorking() throws Exception {
        String email = "erased-" + UUID.randomUUID() + "@example.id";
        api.post("/api/v1/auth/register",
                Map.of("email", email, "password", "rahasia-sekali", "displayName", "Erased", "role", "SHOPPER"))
            .send()
            .expect(201);
        String token = api.token(email, "rahasia-sekali");

        // an operator honouring a PDP erasure request
        sql("DELETE FROM gateway.users WHERE email = ?", email);

        assertUnauthorized(api.get(MINE).bearer(token).send());
    }

    @Test
    void aTokenStopsWorkingWhenItsAccountHasAnotherRole() throws Exception {
        String email = "demoted-" + UUID.randomUUID() + "@example.id";
        api.post("/api/v1/admin/users",
                Map.of("email", email, "password", "rahasia-sekali", "displayName", "Demoted", "role", "AUDITOR"))
            .bearer(api.adminToken())
            .send()
            .expect(201);
        String token = api.token(email, "rahasia-sekali");

        sql("UPDATE gateway.users SET role = 'SHOPPER' WHERE email = ?", email);

        assertUnauthorized(api.get("/api/v1/compliance/decisions").bearer(token).send());
        // a new token has the new role
        api.get(MINE).bearer(api.token(email, "rahasia-sekali")).send().expect(200);
    }

    @Test
    void aTokenOfOurKeyForAnAccountThatNeverExistedIsRefused() throws Exception {
        assertUnauthorized(api.get(MINE).bearer(sign(claims(UUID.randomUUID().toString(), "SHOPPER").build())).send());
    }

    @Test
    void aTokenMustNameExactlyOneKnownRole() throws Exception {
        String subject = subjectOf(api.newAccount("SHOPPER"));
        assertUnauthorized(api.get(MINE)
            .bearer(sign(claims(subject, "SHOPPER").claim("roles", List.of("SHOPPER", "ADMIN")).build()))
            .send());
        assertUnauthorized(api.get(MINE).bearer(sign(claims(subject, "KING").build())).send());
        // the control
        api.get(MINE).bearer(sign(claims(subject, "SHOPPER").build())).send().expect(200);
    }

    @Test
    void aTamperedSignatureIsRefused() {
        String token = api.newAccount("SHOPPER");
        String signature = token.substring(token.lastIndexOf('.') + 1);
        byte[] bytes = Base64.getUrlDecoder().decode(signature);
        bytes[0] ^= 0x01;
        String tampered = token.substring(0, token.lastIndexOf('.') + 1)
                + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        assertUnauthorized(api.get(MINE).bearer(tampered).send());
        api.get(MINE).bearer(token).send().expect(200);
    }

    @Test
    void aTokenWithoutExpiryOrNotYetValidIsRefused() throws Exception {
        String subject = subjectOf(api.newAccount("SHOPPER"));
        assertUnauthorized(api.get(MINE).bearer(sign(claims(subject, "SHOPPER").expirationTime(null).build())).send());
        assertUnauthorized(api.get(MINE)
            .bearer(sign(claims(subject, "SHOPPER").notBeforeTime(Date.from(Instant.now().plusSeconds(600))).build()))
            .send());
    }

    @Test
    void aTokenSignedWithTheKeyItCarriesIsRefused() throws Exception {
        // RS256 with the attacker's public key embedded as "jwk": a verifier that trusts
        // the header would accept it.
        RSAKey attacker = new RSAKeyGenerator(2048).generate();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).jwk(attacker.toPublicJWK()).build(),
                claims(subjectOf(api.adminToken()), "ADMIN").build());
        jwt.sign(new RSASSASigner(attacker));
        assertUnauthorized(api.get("/api/v1/compliance/decisions").bearer(jwt.serialize()).send());
    }

    @Test
    void onlyTheBearerHeaderCarriesATokenNeverTheUrlOrBasicAuth() {
        String token = api.newAccount("SHOPPER");
        assertUnauthorized(api.get(MINE + "?access_token=" + token).send());
        String basic = Base64.getEncoder()
            .encodeToString((TestApplicationInitializer.ADMIN_EMAIL + ":" + TestApplicationInitializer.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        assertUnauthorized(api.get("/api/v1/compliance/decisions").header("Authorization", "Basic " + basic).send());
    }

    private static JWTClaimsSet.Builder claims(String subject, String role) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject(subject)
            .issuer("pasar")
            .audience("pasar-api")
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(600)))
            .claim("roles", List.of(role));
    }

    private static String sign(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(TestApplicationInitializer.JWT_SECRET));
        return jwt.serialize();
    }

    private static String subjectOf(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet().getSubject();
        }
        catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sql(String statement, String email) throws Exception {
        try (Connection connection = TestDatabase.instance().connect();
                PreparedStatement update = connection.prepareStatement(statement)) {
            update.setString(1, email);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

}
