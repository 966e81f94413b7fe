package id.pasar.gateway.accounts;

import static id.pasar.JsonBody.with;
import static id.pasar.gateway.security.Role.ADMIN;
import static id.pasar.gateway.security.Role.SHOPPER;
import static id.pasar.gateway.security.SliceSecurity.as;
import static id.pasar.gateway.web.ProblemHandling.invalid;
import static id.pasar.gateway.web.ProblemHandling.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.springframework.http.MediaType.APPLICATION_JSON;

import id.pasar.WebSlice;
import id.pasar.gateway.security.Role;
import id.pasar.gateway.security.TokenService.AccessToken;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

/** Registration and tokens, open to anyone; staff accounts, for ADMINs. */
@WebSlice(AccountController.class)
class AccountSliceTest {

    private static final String REGISTRATION = """
            { "email": "budi@example.id", "password": "kopi-tubruk-2026", "displayName": "Budi Santoso",
              "role": "SELLER" }""";

    private static final String CREDENTIALS = "{ \"email\": \"budi@example.id\", \"password\": \"kopi-tubruk-2026\" }";

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    Accounts accounts;

    @Test
    void registersASellerWithoutAToken() {
        UUID userId = UUID.randomUUID();
        given(accounts.register("budi@example.id", "kopi-tubruk-2026", "Budi Santoso", Role.SELLER)).willReturn(userId);

        assertThat(register(REGISTRATION)).hasStatus(HttpStatus.CREATED)
            .bodyJson()
            .extractingPath("$.userId")
            .isEqualTo(userId.toString());
    }

    @Test
    void namesEveryMissingField() {
        assertThat(register("{}")).satisfies(invalid("email", "password", "displayName", "role"));
        assertThat(token("{}")).satisfies(invalid("email", "password"));
    }

    @ParameterizedTest(name = "{0} = \"{1}\"")
    @CsvSource({ "email, budi", "email, ' '", "password, kopi-tub9", "password, €€€€€€€€€€€€€€€€€€€€€€€€€",
            "displayName, ' '", "role, ADMIN", "role, AUDITOR", })
    void refusesARegistrationWithABadField(String field, String value) {
        assertThat(register(with(REGISTRATION, field, value))).satisfies(invalid(field));
    }

    @Test
    void refusesOverlongFields() {
        assertThat(register(with(REGISTRATION, "email", "b".repeat(243) + "@example.id"))).satisfies(invalid("email"));
        assertThat(register(with(REGISTRATION, "displayName", "x".repeat(101)))).satisfies(invalid("displayName"));
        assertThat(token(with(CREDENTIALS, "password", "x".repeat(201)))).satisfies(invalid("password"));
    }

    @Test
    void readsARoleOnlyByItsName() {
        assertThat(register(with(REGISTRATION, "role", 4)))
            .satisfies(problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST"));
        assertThat(register(with(REGISTRATION, "role", "KING")))
            .satisfies(problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST"))
            .bodyJson()
            .extractingPath("$.errors[0].field")
            .isEqualTo("role");
    }

    @Test
    void exchangesCredentialsForATokenWithoutAToken() {
        given(accounts.issueToken("budi@example.id", "kopi-tubruk-2026", "127.0.0.1"))
            .willReturn(new AccessToken("eyJ.token", "Bearer", 3600));

        assertThat(token(CREDENTIALS)).hasStatusOk().bodyJson().extractingPath("$.tokenType").isEqualTo("Bearer");
    }

    @Test
    void onlyAdminsCreateStaffAccountsOfAnyRole() {
        String auditor = with(REGISTRATION, "role", "AUDITOR");
        given(accounts.register("budi@example.id", "kopi-tubruk-2026", "Budi Santoso", Role.AUDITOR))
            .willReturn(UUID.randomUUID());

        assertThat(staff(auditor).with(as(ADMIN, UUID.randomUUID()))).hasStatus(HttpStatus.CREATED);
        assertThat(staff(auditor).with(as(SHOPPER, UUID.randomUUID())))
            .satisfies(problem(HttpStatus.FORBIDDEN, "FORBIDDEN"));
        assertThat(staff(auditor)).satisfies(problem(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED"));
    }

    private MockMvcRequestBuilder register(String body) {
        return mvc.post().uri("/api/v1/auth/register").contentType(APPLICATION_JSON).content(body);
    }

    private MockMvcRequestBuilder token(String body) {
        return mvc.post().uri("/api/v1/auth/token").contentType(APPLICATION_JSON).content(body);
    }

    private MockMvcRequestBuilder staff(String body) {
        return mvc.post().uri("/api/v1/admin/users").contentType(APPLICATION_JSON).content(body);
    }

}
