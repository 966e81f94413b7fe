package id.pasar.gateway.reports;

import id.pasar.compliance.CsvExport;
import id.pasar.compliance.ReportPeriod;
import id.pasar.gateway.reports.MoneyReports.FeeReport;
import id.pasar.gateway.reports.MoneyReports.Reconciliation;
import id.pasar.gateway.reports.MoneyReports.TaxReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import lombok.RequiredArgsConstructor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The money reports: PPh 22 and fees for auditors (AUDITOR, ADMIN; JSON, or CSV with
 * {@code Accept: text/csv}), the reconciliation for administrators.
 */
@RestController
@RequiredArgsConstructor
@Tag(name = "Auditors")
class MoneyReportController {

    private static final String CSV = "text/csv";

    private static final String MONTH = "\\d{4}-(0[1-9]|1[0-2])";

    private final MoneyReports reports;

    private final Clock clock;

    @GetMapping(value = "/api/v1/compliance/reports/tax", produces = "application/json")
    @Operation(summary = "PPh 22 (PMK 37/2025) withheld in a month (YYYY-MM, Asia/Jakarta): per seller its NPWP or "
            + "NIK masked, the gross item amount of its completed seller orders and the tax withheld; the month's "
            + "total payable")
    TaxReport tax(@RequestParam @Size(max = 7) @Pattern(regexp = MONTH) String month) {
        return reports.tax(YearMonth.parse(month));
    }

    @GetMapping(value = "/api/v1/compliance/reports/tax", produces = CSV)
    void taxCsv(@RequestParam @Size(max = 7) @Pattern(regexp = MONTH) String month, HttpServletResponse response)
            throws IOException {
        TaxReport report = reports.tax(YearMonth.parse(month));
        try (CsvExport csv = CsvExport.download(response, "pph22-" + month + ".csv", "month", "sellerId", "taxIdKind",
                "maskedTaxId", "sellerOrders", "grossIdr", "withheldIdr")) {
            for (MoneyReports.SellerTax seller : report.sellers()) {
                csv.row(month, seller.sellerId(), seller.taxIdKind(), seller.maskedTaxId(), seller.sellerOrders(),
                        seller.grossIdr(), seller.withheldIdr());
            }
            csv.row(month, "TOTAL", null, null, report.sellerOrders(), report.grossIdr(), report.withheldIdr());
        }
    }

    @GetMapping(value = "/api/v1/compliance/reports/fees", produces = "application/json")
    @Operation(summary = "The effective fee rate (fees over items) of the seller orders completed in the period, by "
            + "UMKM class and by province, groups of fewer than 5 sellers suppressed: evidence that no class pays "
            + "more (Asia/Jakarta days, default the last 30)")
    FeeReport fees(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return reports.fees(ReportPeriod.of(from, to, clock));
    }

    @GetMapping(value = "/api/v1/compliance/reports/fees", produces = CSV)
    void feesCsv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response) throws IOException {
        FeeReport report = reports.fees(ReportPeriod.of(from, to, clock));
        try (CsvExport csv = CsvExport.download(response, "fee-report.csv", "group", "key", "name", "suppressed",
                "sellers", "itemsIdr", "feesIdr", "effectiveRatePercent")) {
            csv.row("all", null, null, false, null, report.itemsIdr(), report.feesIdr(), report.effectiveRatePercent());
            for (MoneyReports.FeeGroup group : report.byUmkmClass()) {
                row(csv, "umkmClass", group);
            }
            for (MoneyReports.FeeGroup group : report.byProvince()) {
                row(csv, "province", group);
            }
        }
    }

    @GetMapping("/api/v1/admin/reconciliation")
    @Operation(summary = "Per Asia/Jakarta day (default the last 30): what shoppers paid (orders and ledger) against "
            + "sellers' net + fees + tax + refunds + what is still pending of it")
    Reconciliation reconciliation(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return reports.reconciliation(ReportPeriod.of(from, to, clock));
    }

    private static void row(CsvExport csv, String kind, MoneyReports.FeeGroup group) {
        csv.row(kind, group.key(), group.name(), group.suppressed(), group.sellers(), group.itemsIdr(), group.feesIdr(),
                group.effectiveRatePercent());
    }

}
