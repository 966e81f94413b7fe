package id.pasar.gateway.reports;

import id.pasar.compliance.CsvExport;
import id.pasar.compliance.ReportPeriod;
import id.pasar.gateway.reports.AffiliateReports.AffiliateReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import lombok.RequiredArgsConstructor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The affiliates report for auditors (AUDITOR, ADMIN; JSON, or CSV with
 * {@code Accept: text/csv}).
 */
@RestController
@RequiredArgsConstructor
@Tag(name = "Auditors")
class AffiliateReportController {

    private final AffiliateReports reports;

    private final Clock clock;

    @GetMapping(value = "/api/v1/compliance/reports/affiliates", produces = "application/json")
    @Operation(summary = "Seller orders paid in the period brought by creators against direct ones; by creator kind "
            + "(independent, platform-affiliated) and by the seller's UMKM class; commissions. Groups of fewer than 5 "
            + "creators or sellers suppressed (Asia/Jakarta days, default the last 30)")
    AffiliateReport affiliates(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return reports.report(ReportPeriod.of(from, to, clock));
    }

    @GetMapping(value = "/api/v1/compliance/reports/affiliates", produces = "text/csv")
    void affiliatesCsv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response) throws IOException {
        AffiliateReport report = reports.report(ReportPeriod.of(from, to, clock));
        try (CsvExport csv = CsvExport.download(response, "affiliates-report.csv", "group", "key", "suppressed",
                "creators", "sellers", "sellerOrders", "itemsIdr", "attributedOrders", "attributedItemsIdr",
                "attributedSharePercent", "commissionsEarnedIdr")) {
            csv.row("all", null, false, report.commissions().creators(), null, report.all().sellerOrders(),
                    report.all().itemsIdr(), report.throughCreators().sellerOrders(),
                    report.throughCreators().itemsIdr(), null, report.commissions().earnedIdr());
            csv.row("direct", null, false, null, null, report.direct().sellerOrders(), report.direct().itemsIdr(), null,
                    null, null, null);
            for (AffiliateReports.CreatorKindGroup group : report.byCreatorKind()) {
                csv.row("creatorKind", group.key(), group.suppressed(), group.creators(), null, group.sellerOrders(),
                        group.itemsIdr(), group.sellerOrders(), group.itemsIdr(), null, group.commissionsEarnedIdr());
            }
            for (AffiliateReports.UmkmClassGroup group : report.byUmkmClass()) {
                csv.row("umkmClass", group.key(), group.suppressed(), null, group.sellers(), group.sellerOrders(),
                        group.itemsIdr(), group.attributedOrders(), group.attributedItemsIdr(),
                        group.attributedSharePercent(), group.commissionsEarnedIdr());
            }
        }
    }

}
