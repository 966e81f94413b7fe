package id.pasar.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import id.pasar.gateway.web.DatabaseFailures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import lombok.extern.slf4j.Slf4j;
import org.springframework.core.convert.converter.Converter;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.transaction.TransactionException;

/**
 * A signed, unexpired token opens the API only while its account still exists with the
 * role the token names: an account erased by an operator (a PDP erasure request) or given
 * another role stops its tokens within {@link #TTL}, not at their expiry an hour later
 * (docs/adr/0012). The answer for an account is cached that long, so a busy client costs
 * one primary-key lookup every {@link #TTL}; answers that refuse are never cached, so a
 * refusal is never stale. The cache (Caffeine, timed by the application's clock) keeps at
 * most {@code MAX_ENTRIES} accounts, the least used leaving first. Without a database an
 * account that is not confirmed cannot be checked, and its request is 503: the check
 * fails closed, never open.
 */
@Slf4j
final class LiveAccountCheck implements Converter<Jwt, AbstractAuthenticationToken> {

    static final Duration TTL = Duration.ofSeconds(30);

    private static final int MAX_ENTRIES = 50_000;

    private static final Duration OUTAGE_PAUSE = Duration.ofSeconds(5);

    private final JwtAuthenticationConverter delegate;

    private final AccountStatus accounts;

    private final Clock clock;

    /**
     * The role each recently checked account had; an entry lives {@link #TTL} from its
     * check.
     */
    private final Cache<UUID, Role> confirmed;

    /** Until when account checks are skipped because the last one found no database. */
    private volatile Instant databaseBackAt = Instant.MIN;

    LiveAccountCheck(JwtAuthenticationConverter delegate, AccountStatus accounts, Clock clock) {
        this.delegate = delegate;
        this.accounts = accounts;
        this.clock = clock;
        this.confirmed = Caffeine.newBuilder()
            .maximumSize(MAX_ENTRIES)
            .expireAfterWrite(TTL)
            .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
            .executor(Runnable::run)
            .build();
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        UUID userId = userId(jwt);
        Role claimed = claimedRole(jwt);
        Instant now = clock.instant();
        boolean unconfirmed = confirmed.getIfPresent(userId) != claimed;
        if (unconfirmed) {
            if (now.isBefore(databaseBackAt)) {
                throw new AccountCheckUnavailable();
            }
            Optional<Role> current;
            try {
                current = accounts.currentRole(userId);
            }
            catch (DataAccessException | TransactionException unavailable) {
                // Fail closed: a token whose account cannot be checked opens nothing (it
                // may belong to an erased account), yet it is not refused either (401
                // would send every client to log in again): 503, as every request that
                // needs the database answers during an outage. While the database cannot
                // be reached at all, every request need not wait for a connection: checks
                // pause a while, answering 503 at once. A pool that is merely busy (a
                // flash sale) is no outage: only this request is 503.
                if (DatabaseFailures.isServerDown(unavailable)) {
                    databaseBackAt = now.plus(OUTAGE_PAUSE);
                    log.warn("Account checks paused for {}, database unreachable: {}", OUTAGE_PAUSE,
                            unavailable.getMessage());
                }
                throw new AccountCheckUnavailable();
            }
            if (current.isEmpty() || current.get() != claimed) {
                confirmed.invalidate(userId);
                throw new InvalidBearerTokenException("The token's account no longer exists or has another role");
            }
            confirmed.put(userId, claimed);
        }
        return delegate.convert(jwt);
    }

    /**
     * The account could not be checked: the security entry point answers 503, not 401.
     */
    static final class AccountCheckUnavailable extends AuthenticationException {

        AccountCheckUnavailable() {
            super("The token's account cannot be checked now: the database is unavailable");
        }

    }

    private static UUID userId(Jwt jwt) {
        try {
            return UUID.fromString(jwt.getSubject());
        }
        catch (RuntimeException notOurs) {
            throw new InvalidBearerTokenException("The token's subject is not an account id");
        }
    }

    private static Role claimedRole(Jwt jwt) {
        var roles = jwt.getClaimAsStringList(TokenService.ROLES_CLAIM);
        if (roles == null || roles.size() != 1) {
            throw new InvalidBearerTokenException("A token names exactly one role");
        }
        try {
            return Role.valueOf(roles.get(0));
        }
        catch (IllegalArgumentException unknown) {
            throw new InvalidBearerTokenException("The token names an unknown role");
        }
    }

}
