package id.pasar.gateway.accounts;

import id.pasar.gateway.security.Role;
import id.pasar.gateway.security.TokenService;
import id.pasar.gateway.security.TokenService.AccessToken;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import lombok.extern.slf4j.Slf4j;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating accounts and exchanging credentials for access tokens. */
@Slf4j
@Service
class Accounts {

    private final UserAccountRepository users;

    private final PasswordEncoder passwords;

    private final TokenService tokens;

    private final LoginThrottle throttle;

    private final Clock clock;

    /**
     * Compared against when the email is unknown, so that both answers take one BCrypt's
     * time.
     */
    private final String unknownUserHash;

    Accounts(UserAccountRepository users, PasswordEncoder passwords, TokenService tokens, LoginThrottle throttle,
            Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.tokens = tokens;
        this.throttle = throttle;
        this.clock = clock;
        this.unknownUserHash = passwords.encode(UUID.randomUUID().toString());
    }

    @Transactional
    public UUID register(String email, String password, String displayName, Role role) {
        EmailAddress address = new EmailAddress(email);
        if (users.existsByEmail(address.value())) {
            throw new AccountProblems.EmailTaken();
        }
        try {
            UserAccount account = users.saveAndFlush(
                    new UserAccount(address, passwords.encode(password), displayName.trim(), role, clock.instant()));
            log.info("Account {} created with role {}", account.getId(), role);
            return account.getId();
        }
        catch (DuplicateKeyException raced) {
            // two registrations of one email at once: the unique index let one through
            // (any other refusal, such as a NUL in the display name, passes on to
            // ProblemHandler)
            throw new AccountProblems.EmailTaken();
        }
    }

    /**
     * A token for the right credentials; 401 for wrong ones; 429 once this client's
     * failures on the account are used up ({@link LoginThrottle}).
     * @param client the caller's address, as the server sees it
     */
    public AccessToken issueToken(String email, String password, String client) {
        EmailAddress address = new EmailAddress(email);
        throttle.blockedFor(address, client).ifPresent(wait -> {
            throw new AccountProblems.TooManyAttempts(wait);
        });
        Optional<UserAccount> account = users.findByEmail(address.value());
        boolean matches = passwords.matches(password,
                account.map(UserAccount::getPasswordHash).orElse(unknownUserHash));
        if (account.isEmpty() || !matches) {
            throttle.recordFailure(address, client);
            throw new AccountProblems.BadCredentials();
        }
        return tokens.issue(account.get().getId(), account.get().getRole());
    }

    /**
     * Creates the configured first ADMIN unless an account with that email exists
     * already.
     */
    public void ensureAdmin(String email, String password) {
        EmailAddress address = new EmailAddress(email);
        if (users.existsByEmail(address.value())) {
            return;
        }
        try {
            register(email, password, "Administrator", Role.ADMIN);
            log.info("First ADMIN created from MARKETPLACE_ADMIN_EMAIL");
        }
        catch (AccountProblems.EmailTaken raced) {
            // another instance created it during our start
        }
    }

}
