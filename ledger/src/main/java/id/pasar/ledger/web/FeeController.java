package id.pasar.ledger.web;

import id.pasar.ledger.internal.FeeSchedule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequiredArgsConstructor
@Tag(name = "Fees")
class FeeController {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    private final FeeSchedule schedule;

    private final Clock clock;

    /**
     * @param current the version in force now
     * @param versions every version, oldest first, including one announced for later
     */
    record FeesResponse(Integer current, List<Version> versions) {
    }

    /**
     * @param defaultRatePercent the rate of a category that neither it nor its parent has
     * a rate for
     * @param rates by category code; a category not named takes its parent's rate
     */
    record Version(int version, OffsetDateTime effectiveFrom, BigDecimal defaultRatePercent, String note,
            List<Rate> rates) {
    }

    @Schema(name = "FeeRate")
    record Rate(String categoryCode, BigDecimal ratePercent) {
    }

    @GetMapping("/api/v1/fees")
    @Operation(summary = "The fee schedule: the same for every seller, percent of the items' amount by category "
            + "(shipping carries none), versioned with effective dates; a version applies to orders placed from "
            + "its effective time")
    FeesResponse fees() {
        List<FeeSchedule.Version> all = schedule.all();
        Integer current = schedule.inForceAt(clock.instant()).map(FeeSchedule.Version::version).orElse(null);
        return new FeesResponse(current,
                all.stream()
                    .map(v -> new Version(v.version(), v.effectiveFrom().atZone(JAKARTA).toOffsetDateTime(),
                            percent(v.defaultRateBp()), v.note(),
                            v.rates()
                                .entrySet()
                                .stream()
                                .map(rate -> new Rate(rate.getKey(), percent(rate.getValue())))
                                .toList()))
                    .toList());
    }

    private static BigDecimal percent(int basisPoints) {
        return BigDecimal.valueOf(basisPoints, 2);
    }

}
