package id.pasar.gateway.accounts;

import id.pasar.kernel.ProblemException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** The refusals of the account endpoints, each with its api.md code. */
final class AccountProblems {

    private AccountProblems() {
    }

    static final class EmailTaken extends ProblemException {

        EmailTaken() {
            super(HttpStatus.CONFLICT, "EMAIL_TAKEN", "Email already registered",
                    "An account with this email exists already.");
        }

    }

    static final class BadCredentials extends ProblemException {

        BadCredentials() {
            super(HttpStatus.UNAUTHORIZED, "BAD_CREDENTIALS", "Bad credentials", "The email or the password is wrong.");
        }

    }

    static final class TooManyAttempts extends ProblemException {

        TooManyAttempts(Duration wait) {
            super(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_LOGIN_ATTEMPTS", "Too many failed attempts",
                    "Too many failed attempts for this account; try again in " + seconds(wait) + " seconds.");
            getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds(wait)));
        }

        private static long seconds(Duration wait) {
            return Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
        }

    }

}
