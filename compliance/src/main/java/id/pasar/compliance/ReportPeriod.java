package id.pasar.compliance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * A reporting period: calendar days in Asia/Jakarta, both ends inclusive (api.md). Without dates,
 * the 30 days ending today.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    public static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final long LONGEST_DAYS = 3_660;

    public ReportPeriod {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from is after to");
        }
        if (ChronoUnit.DAYS.between(from, to) > LONGEST_DAYS) {
            throw new IllegalArgumentException("a period spans at most ten years");
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
}
