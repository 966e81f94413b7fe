package id.pasar.gateway.accounts;

import id.pasar.gateway.security.Role;
import id.pasar.gateway.security.TokenService.AccessToken;
import id.pasar.kernel.InvalidFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@RequiredArgsConstructor
@Tag(name = "Accounts", description = "Registration, access tokens and staff accounts")
class AccountController {

    private final Accounts accounts;

    @PostMapping("/auth/register")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register as a SHOPPER or SELLER", description = "409 EMAIL_TAKEN when the email "
            + "(compared case-insensitively) has an account; any other role is 400.")
    UserCreated register(@Valid @RequestBody NewAccount request) {
        if (!request.role().isSelfService()) {
            throw new InvalidFields("role", "must be SHOPPER or SELLER");
        }
        return new UserCreated(
                accounts.register(request.email(), request.password(), request.displayName(), request.role()));
    }

    @PostMapping("/auth/token")
    @Operation(summary = "Exchange email and password for a bearer token", description = "401 BAD_CREDENTIALS; "
            + "after 5 failures for one account from one client within 15 minutes, 429 with Retry-After for that client "
            + "(the account's owner on another client is not locked out; docs/security.md).")
    AccessToken token(@Valid @RequestBody Credentials request, HttpServletRequest client) {
        return accounts.issueToken(request.email(), request.password(), client.getRemoteAddr());
    }

    @PostMapping("/admin/users")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an account of any role (ADMIN)")
    UserCreated createUser(@Valid @RequestBody NewAccount request) {
        return new UserCreated(
                accounts.register(request.email(), request.password(), request.displayName(), request.role()));
    }

    record NewAccount(@Schema(example = "budi@example.id") @NotBlank @Email @Size(max = 254) String email,
            @Schema(example = "kopi-tubruk-2026") @NotNull @Size(max = Password.MAX_BYTES) @Password String password,
            @Schema(example = "Budi Santoso") @NotBlank @Size(max = 100) String displayName,
            @Schema(example = "SELLER") @NotNull Role role) {
    }

    record Credentials(@Schema(example = "budi@example.id") @NotBlank @Size(max = 254) String email,
            @Schema(example = "kopi-tubruk-2026") @NotNull @Size(max = 200) String password) {
    }

    record UserCreated(UUID userId) {
    }

}
