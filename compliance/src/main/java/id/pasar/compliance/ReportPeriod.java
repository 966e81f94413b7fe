package id.pasar.compliance;

import id.pasar.kernel.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.springframework.http.HttpStatus;

/**
 * A reporting period: calendar days in Asia/Jakarta, both ends inclusive (api.md).
 * Without dates, the 30 days ending today.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    public static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    private static final long LONGEST_DAYS = 3_660;

    /**
     * @throws InvalidPeriod when {@code from} is after {@code to} or the period spans
     * more than ten years
     */
    public ReportPeriod {
        if (from.isAfter(to)) {
            throw new InvalidPeriod("from is after to");
        }
        if (ChronoUnit.DAYS.between(from, to) > LONGEST_DAYS) {
            throw new InvalidPeriod("a period spans at most ten years");
        }
    }

    public static ReportPeriod of(LocalDate from, LocalDate to, Clock clock) {
        LocalDate end = to != null ? to : LocalDate.now(clock.withZone(JAKARTA));
        return new ReportPeriod(from != null ? from : end.minusDays(29), end);
    }

    /** The first instant of {@code from} in Jakarta. */
    public Instant start() {
        return from.atStartOfDay(JAKARTA).toInstant();
    }

    /** The first instant after {@code to} in Jakarta (exclusive). */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(JAKARTA).toInstant();
    }

    /** 400 {@code INVALID_PERIOD}. */
    public static final class InvalidPeriod extends ProblemException {

        InvalidPeriod(String why) {
            super(HttpStatus.BAD_REQUEST, "INVALID_PERIOD", "Invalid period", "The period is not valid: " + why + ".");
        }

    }
}
