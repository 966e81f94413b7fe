package id.pasar.compliance.web;

import id.pasar.compliance.CsvExport;
import id.pasar.compliance.DecisionLog.Decision;
import id.pasar.compliance.DecisionLog.Outcome;
import id.pasar.compliance.DecisionLog.SubjectType;
import id.pasar.compliance.DecisionQueries;
import id.pasar.compliance.DecisionQueries.Filter;
import id.pasar.compliance.DecisionQueries.Verification;
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
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The decision log for auditors: read-only, as JSON pages or one streamed CSV, and its
 * verification.
 */
@RestController
@RequestMapping("/api/v1/compliance/decisions")
@RequiredArgsConstructor
@Tag(name = "Auditors", description = "Compliance reports, the decision log and its verification (AUDITOR, ADMIN)")
class DecisionLogController {

    static final String CSV = "text/csv";

    /** The log in sequence order: the last sequence shown. */
    private static final String CURSOR = "decisions";

    private static final String[] HEADER = { "sequence", "decisionId", "subjectType", "subjectId", "subjectVersion",
            "outcome", "reasons", "actor", "decidedAt", "ruleSetVersion", "hash", "previousHash", "contentHash" };

    private final DecisionQueries log;

    private final Clock clock;

    @GetMapping(produces = "application/json")
    @Operation(summary = "The decision log, in sequence order", description = "Filter by period (Asia/Jakarta days, "
            + "default the last 30), subjectType and outcome; page with size and the opaque cursor.")
    KeysetPage<Entry> decisions(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) SubjectType subjectType, @RequestParam(required = false) Outcome outcome,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(required = false) @Size(max = KeysetCursor.MAX_LENGTH) String cursor) {
        long after = cursor == null ? 0 : KeysetCursor.decode(cursor, CURSOR, 1).number(0);
        List<Decision> fetched = log.page(filter(from, to, subjectType, outcome), after, KeysetPage.fetchSize(size));
        return KeysetPage.of(fetched, size, Entry::of, last -> KeysetCursor.encode(CURSOR, last.sequence()));
    }

    @GetMapping(produces = CSV)
    @Operation(summary = "The decision log as CSV (RFC 4180), streamed whole for the period")
    void decisionsCsv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) SubjectType subjectType, @RequestParam(required = false) Outcome outcome,
            HttpServletResponse response) throws IOException {
        Filter filter = filter(from, to, subjectType, outcome);
        try (CsvExport csv = CsvExport.download(response, "decisions.csv", HEADER)) {
            log.stream(filter, decision -> {
                Entry e = Entry.of(decision);
                csv.row(e.sequence(), e.decisionId(), e.subjectType(), e.subjectId(), e.subjectVersion(), e.outcome(),
                        String.join(";", e.reasons()), e.actor(), e.decidedAt(), e.ruleSetVersion(), e.hash(),
                        e.previousHash(), e.contentHash());
            });
        }
    }

    @GetMapping(value = "/verification", produces = "application/json")
    @Operation(summary = "Recompute the hash chain from the first entry", description = "valid is false, and "
            + "firstBrokenSequence names the entry, when any entry was changed, removed or inserted.")
    Verification verification() {
        return log.verify();
    }

    @GetMapping(value = "/verification", produces = CSV)
    void verificationCsv(HttpServletResponse response) throws IOException {
        Verification verification = log.verify();
        try (CsvExport csv = CsvExport.download(response, "verification.csv", "valid", "entries", "headHash",
                "firstBrokenSequence")) {
            csv.row(verification.valid(), verification.entries(), verification.headHash(),
                    verification.firstBrokenSequence());
        }
    }

    private Filter filter(LocalDate from, LocalDate to, SubjectType subjectType, Outcome outcome) {
        ReportPeriod period = ReportPeriod.of(from, to, clock);
        return new Filter(period.start(), period.end(), subjectType, outcome);
    }

    /**
     * One log entry as auditors read it; decisionAt in Asia/Jakarta, identities never
     * present. contentHash (null unless a listing decision named the content it checked)
     * comes last: an added field, as api.md allows.
     */
    record Entry(long sequence, UUID decisionId, SubjectType subjectType, UUID subjectId, Integer subjectVersion,
            Outcome outcome, List<String> reasons, String actor, OffsetDateTime decidedAt, String ruleSetVersion,
            String hash, String previousHash, String contentHash) {
        static Entry of(Decision d) {
            return new Entry(d.sequence(), d.decisionId(), d.subjectType(), d.subjectId(), d.subjectVersion(),
                    d.outcome(), d.reasons(), d.actor(), d.decidedAt().atZone(ReportPeriod.JAKARTA).toOffsetDateTime(),
                    d.ruleSetVersion(), d.hash(), d.previousHash(), d.contentHash());
        }
    }

}
