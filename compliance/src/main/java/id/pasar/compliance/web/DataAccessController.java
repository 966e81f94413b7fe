package id.pasar.compliance.web;

import id.pasar.compliance.CsvExport;
import id.pasar.compliance.DataAccessLog;
import id.pasar.compliance.DataAccessLog.Access;
import id.pasar.compliance.ReportPeriod;
import id.pasar.kernel.KeysetCursor;
import id.pasar.kernel.KeysetPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The staff data-access log for auditors: who read which seller's or creator's data, and
 * why.
 */
@RestController
@RequestMapping("/api/v1/compliance/reports/data-access")
@RequiredArgsConstructor
@Tag(name = "Auditors")
class DataAccessController {

    private final DataAccessLog accessLog;

    private final Clock clock;

    @GetMapping(produces = "application/json")
    @Operation(summary = "Staff reads of seller and creator data, oldest first",
            description = "One entry per seller or creator returned by an "
                    + "officer's or admin's read, with the X-Access-Reason they gave (sellerId or creatorId set, the other "
                    + "null). Period in Asia/Jakarta days (default the last 30); sellerId or creatorId narrows it to one.")
    KeysetPage<Access> accesses(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) UUID sellerId, @RequestParam(required = false) UUID creatorId,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(required = false) @Size(max = KeysetCursor.MAX_LENGTH) String cursor) {
        ReportPeriod period = ReportPeriod.of(from, to, clock);
        return accessLog.page(period.start(), period.end(), sellerId, creatorId, cursor, size);
    }

    @GetMapping(produces = DecisionLogController.CSV)
    @Operation(summary = "The same entries as CSV (RFC 4180), streamed whole for the period")
    void accessesCsv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) UUID sellerId, @RequestParam(required = false) UUID creatorId,
            HttpServletResponse response) throws IOException {
        ReportPeriod period = ReportPeriod.of(from, to, clock);
        // creatorId last: a column added after the others, so that readers by position
        // keep working
        try (CsvExport csv = CsvExport.download(response, "data-access.csv", "id", "accessedAt", "actor", "actorRole",
                "sellerId", "resource", "reason", "creatorId")) {
            accessLog.stream(period.start(), period.end(), sellerId, creatorId,
                    access -> csv.row(access.id(), access.accessedAt(), access.actor(), access.actorRole(),
                            access.sellerId(), access.resource(), access.reason(), access.creatorId()));
        }
    }

}
