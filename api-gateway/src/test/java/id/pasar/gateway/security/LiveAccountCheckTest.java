package id.pasar.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/**
 * The token check's cache policy (ADR 0012), on its own: a confirmed account is looked up
 * again once {@link LiveAccountCheck#TTL} has passed, a refusal is never cached, and
 * another role is checked at once. The accounts table is a map here;
 * Api2BrokenAuthenticationTest covers the same rules against the database.
 */
class LiveAccountCheckTest {

    private final ConcurrentHashMap<UUID, Role> roles = new ConcurrentHashMap<>();

    private final AtomicInteger lookups = new AtomicInteger();

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-04T08:00:00Z"));

    private final LiveAccountCheck check = new LiveAccountCheck(new JwtAuthenticationConverter(), userId -> {
        lookups.incrementAndGet();
        return Optional.ofNullable(roles.get(userId));
    }, clock);

    @Test
    void aConfirmedAccountIsLookedUpAgainOnlyAfterTheTtl() {
        UUID shopper = account(Role.SHOPPER);
        check.convert(token(shopper, Role.SHOPPER));
        clock.advance(LiveAccountCheck.TTL.minusSeconds(1));
        check.convert(token(shopper, Role.SHOPPER));
        assertThat(lookups).hasValue(1);

        // erased: its tokens work at most until the confirmation expires
        roles.remove(shopper);
        clock.advance(LiveAccountCheck.TTL);
        assertThatThrownBy(() -> check.convert(token(shopper, Role.SHOPPER)))
            .isInstanceOf(InvalidBearerTokenException.class);
        assertThat(lookups).hasValue(2);
    }

    @Test
    void aRefusalIsNeverCached() {
        UUID gone = UUID.randomUUID();
        assertThatThrownBy(() -> check.convert(token(gone, Role.SHOPPER)))
            .isInstanceOf(InvalidBearerTokenException.class);
        // e.g. the account was being created while its first request came in
        roles.put(gone, Role.SHOPPER);
        assertThat(check.convert(token(gone, Role.SHOPPER)).isAuthenticated()).isTrue();
        assertThat(lookups).hasValue(2);
    }

    @Test
    void aTokenNamingAnotherRoleIsCheckedAtOnce() {
        UUID auditor = account(Role.AUDITOR);
        check.convert(token(auditor, Role.AUDITOR));
        assertThatThrownBy(() -> check.convert(token(auditor, Role.ADMIN)))
            .isInstanceOf(InvalidBearerTokenException.class);
        assertThat(lookups).hasValue(2);
    }

    /**
     * A deleted account's token must not pass while the database is down: 503, never open
     * (issue 18).
     */
    @Test
    void withoutTheDatabaseAnUncheckedTokenFailsClosedAndTheChecksPause() {
        UUID known = account(Role.ADMIN);
        check.convert(token(known, Role.ADMIN));
        UUID deleted = UUID.randomUUID();
        LiveAccountCheck down = new LiveAccountCheck(new JwtAuthenticationConverter(), userId -> {
            lookups.incrementAndGet();
            throw new DataAccessResourceFailureException("connection refused",
                    new SQLException("Connection to localhost:5432 refused", "08001"));
        }, clock);

        assertThatThrownBy(() -> down.convert(token(deleted, Role.ADMIN)))
            .isInstanceOf(LiveAccountCheck.AccountCheckUnavailable.class);
        assertThatThrownBy(() -> down.convert(token(known, Role.ADMIN)))
            .as("checks pause: no second wait for a connection")
            .isInstanceOf(LiveAccountCheck.AccountCheckUnavailable.class);
        assertThat(lookups).hasValue(2);

        clock.advance(Duration.ofSeconds(6));
        assertThatThrownBy(() -> down.convert(token(deleted, Role.ADMIN)))
            .isInstanceOf(LiveAccountCheck.AccountCheckUnavailable.class);
        assertThat(lookups).as("tried again after the pause").hasValue(3);
        // a token confirmed before the outage keeps working for the rest of its TTL
        assertThat(check.convert(token(known, Role.ADMIN)).isAuthenticated()).isTrue();
    }

    /**
     * A pool with no free connection is no outage: that request is 503, the next ones are
     * checked as usual.
     */
    @Test
    void aBusyPoolAnswers503ForThatRequestOnlyAndPausesNothing() {
        UUID shopper = UUID.randomUUID();
        AtomicInteger calls = new AtomicInteger();
        LiveAccountCheck busy = new LiveAccountCheck(new JwtAuthenticationConverter(), userId -> {
            if (calls.incrementAndGet() == 1) {
                throw new CannotGetJdbcConnectionException("pool timeout", new SQLTransientConnectionException(
                        "Connection is not available, request timed out after 3000ms."));
            }
            return Optional.of(Role.SHOPPER);
        }, clock);

        assertThatThrownBy(() -> busy.convert(token(shopper, Role.SHOPPER)))
            .isInstanceOf(LiveAccountCheck.AccountCheckUnavailable.class);
        assertThat(busy.convert(token(shopper, Role.SHOPPER)).isAuthenticated()).isTrue();
        assertThat(calls).hasValue(2);
    }

    private UUID account(Role role) {
        UUID id = UUID.randomUUID();
        roles.put(id, role);
        return id;
    }

    private Jwt token(UUID subject, Role role) {
        Instant now = clock.instant();
        return Jwt.withTokenValue("t")
            .header("alg", "HS256")
            .subject(subject.toString())
            .claim(TokenService.ROLES_CLAIM, List.of(role.name()))
            .issuedAt(now)
            .expiresAt(now.plusSeconds(3600))
            .build();
    }

    private static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

    }

}
