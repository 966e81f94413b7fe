package id.pasar.gateway.security;

import java.util.Optional;
import java.util.UUID;

/**
 * What the token filter asks about the account behind a token: its role now, or nothing
 * when the account is gone. Implemented by the accounts package, which owns the table.
 */
public interface AccountStatus {

    /** The account's current role, or empty when no account has this id (any more). */
    Optional<Role> currentRole(UUID userId);

}
