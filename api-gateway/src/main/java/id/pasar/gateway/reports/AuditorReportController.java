package id.pasar.gateway.reports;

import id.pasar.compliance.CsvExport;
import id.pasar.compliance.ReportPeriod;
import id.pasar.gateway.reports.AuditorReports.ListingReport;
import id.pasar.gateway.reports.AuditorReports.SellerReport;
import id.pasar.gateway.reports.ExposureReports.ExposureReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import lombok.RequiredArgsConstructor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The auditors' compliance reports (AUDITOR, ADMIN): JSON, or CSV with
 * {@code Accept: text/csv}.
 */
@RestController
@RequestMapping("/api/v1/compliance/reports")
@RequiredArgsConstructor
@Tag(name = "Auditors")
class AuditorReportController {

    private static final String CSV = "text/csv";

    /** The columns of the seller and listing reports' CSV. */
    private static final String[] SECTIONS = { "section", "key", "name", "value" };

    private final AuditorReports reports;

    private final ExposureReports exposure;

    private final Clock clock;

    @GetMapping(value = "/sellers", produces = "application/json")
    @Operation(summary = "Who sells here: verified share, by document type, province and UMKM class; refusals and "
            + "revocations in the period (Asia/Jakarta days, default the last 30)")
    SellerReport sellers(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return reports.sellers(period(from, to));
    }

    @GetMapping(value = "/sellers", produces = CSV)
    void sellersCsv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response) throws IOException {
        SellerReport report = reports.sellers(period(from, to));
        try (CsvExport csv = CsvExport.download(response, "seller-report.csv", SECTIONS)) {
            csv.row("period", "from", null, report.from());
            csv.row("period", "to", null, report.to());
            csv.row("summary", "totalSellers", null, report.totalSellers());
            csv.row("summary", "verifiedSellers", null, report.verifiedSellers());
            csv.row("summary", "verifiedShare", null, report.verifiedShare());
            for (var entry : report.byDocumentType().entrySet()) {
                csv.row("byDocumentType", entry.getKey(), null, entry.getValue());
            }
            for (var province : report.byProvince()) {
                csv.row("byProvince", province.provinceCode(), province.provinceName(), province.sellers());
            }
            for (var entry : report.byUmkmClass().entrySet()) {
                csv.row("byUmkmClass", entry.getKey(), null, entry.getValue());
            }
            csv.row("summary", "rejectedApplications", null, report.rejectedApplications());
            csv.row("summary", "rejectedCrossBorder", null, report.rejectedCrossBorder());
            csv.row("summary", "revokedSellers", null, report.revokedSellers());
        }
    }

    @GetMapping(value = "/listings", produces = "application/json")
    @Operation(summary = "Publication checks in the period, by reason; the shelf now, and how much of it has no PASS "
            + "(computed; it must be 0)")
    ListingReport listings(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return reports.listings(period(from, to));
    }

    @GetMapping(value = "/listings", produces = CSV)
    void listingsCsv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response) throws IOException {
        ListingReport report = reports.listings(period(from, to));
        try (CsvExport csv = CsvExport.download(response, "listing-report.csv", SECTIONS)) {
            csv.row("period", "from", null, report.from());
            csv.row("period", "to", null, report.to());
            csv.row("summary", "checks", null, report.checks());
            csv.row("summary", "passed", null, report.passed());
            csv.row("summary", "rejected", null, report.rejected());
            for (var entry : report.byReason().entrySet()) {
                csv.row("byReason", entry.getKey(), null, entry.getValue());
            }
            csv.row("summary", "publishedNow", null, report.publishedNow());
            csv.row("summary", "publishedWithoutPass", null, report.publishedWithoutPass());
            csv.row("ruleSet", "activeRuleSetVersion", null, report.activeRuleSetVersion());
            csv.row("recheck", "state", report.recheck().ruleSetVersion(), report.recheck().state());
            csv.row("recheck", "checked", report.recheck().ruleSetVersion(), report.recheck().checked());
            csv.row("recheck", "suspended", report.recheck().ruleSetVersion(), report.recheck().suspended());
        }
    }

    @GetMapping(value = "/exposure", produces = "application/json")
    @Operation(summary = "The equal playing field: shares of listings, impressions, detail views and orders by UMKM "
            + "class and by province (groups of fewer than 5 sellers suppressed)")
    ExposureReport exposure(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return exposure.exposure(period(from, to));
    }

    @GetMapping(value = "/exposure", produces = CSV)
    void exposureCsv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response) throws IOException {
        ExposureReport report = exposure.exposure(period(from, to));
        try (CsvExport csv = CsvExport.download(response, "exposure-report.csv", "dimension", "group", "name",
                "sellers", "listingsShare", "impressionsShare", "detailViewsShare", "ordersShare", "suppressed")) {
            for (var row : report.byUmkmClass()) {
                csv.row("umkmClass", row.umkmClass(), null, row.sellers(), row.listingsShare(), row.impressionsShare(),
                        row.detailViewsShare(), row.ordersShare(), row.suppressed());
            }
            for (var row : report.byProvince()) {
                csv.row("province", row.provinceCode(), row.provinceName(), row.sellers(), row.listingsShare(),
                        row.impressionsShare(), row.detailViewsShare(), row.ordersShare(), row.suppressed());
            }
        }
    }

    private ReportPeriod period(LocalDate from, LocalDate to) {
        return ReportPeriod.of(from, to, clock);
    }

}
