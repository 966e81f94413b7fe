package id.pasar.gateway.reports;

import id.pasar.catalog.ShelfStatistics;
import id.pasar.compliance.DecisionQueries;
import id.pasar.compliance.DecisionQueries.Counts;
import id.pasar.compliance.RecheckLedger;
import id.pasar.compliance.Regions;
import id.pasar.compliance.RuleSets;
import id.pasar.compliance.ReportPeriod;
import id.pasar.compliance.SellerIdentity.DocumentType;
import id.pasar.onboarding.SellerStatistics;
import id.pasar.onboarding.UmkmClass;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The auditors' reports, assembled from the modules' statistics APIs: period figures from
 * the compliance log, standing figures from onboarding and the catalog. Nothing is
 * assumed: even "published without a PASS" is counted.
 */
@Service
@RequiredArgsConstructor
class AuditorReports {

    private final DecisionQueries decisions;

    private final SellerStatistics sellers;

    private final ShelfStatistics shelf;

    private final Regions regions;

    private final RuleSets ruleSets;

    private final RecheckLedger rechecks;

    private final JdbcTemplate jdbc;

    /**
     * A report is a handful of counts over whole tables, about 1 s at 100,000 sellers and
     * 1,000,000 decisions; the requests' statement timeout (5 s) would refuse it as the
     * data grows. It gets two minutes, for its own transaction only (docs/adr/0010).
     */
    static final String REPORT_TIMEOUT = "2min";

    private void allowLongReport() {
        jdbc.execute("SET LOCAL statement_timeout = '" + REPORT_TIMEOUT + "'");
    }

    @Transactional(readOnly = true)
    SellerReport sellers(ReportPeriod period) {
        allowLongReport();
        SellerStatistics.Counts standing = sellers.counts(period.end());
        Counts log = decisions.counts(period.start(), period.end());
        Map<String, Long> byDocumentType = new LinkedHashMap<>();
        for (DocumentType type : List.of(DocumentType.LOCAL_ENTITY, DocumentType.KTP, DocumentType.PASSPORT)) {
            byDocumentType.put(type.name(), standing.verifiedByDocumentType().getOrDefault(type.name(), 0L));
        }
        Map<String, Long> byUmkmClass = new LinkedHashMap<>();
        for (UmkmClass umkmClass : UmkmClass.values()) {
            byUmkmClass.put(umkmClass.name(), standing.verifiedByUmkmClass().getOrDefault(umkmClass.name(), 0L));
        }
        List<ProvinceCount> byProvince = standing.verifiedByProvince()
            .entrySet()
            .stream()
            .map(e -> new ProvinceCount(e.getKey(),
                    regions.province(e.getKey()).map(Regions.Province::name).orElse(null), e.getValue()))
            .toList();
        BigDecimal share = standing.sellers() == 0 ? null : BigDecimal.valueOf(standing.verified())
            .divide(BigDecimal.valueOf(standing.sellers()), 4, RoundingMode.HALF_EVEN);
        return new SellerReport(period.from(), period.to(), standing.sellers(), standing.verified(), share,
                byDocumentType, byProvince, byUmkmClass, log.rejectedApplications(), log.rejectedCrossBorder(),
                log.revocations());
    }

    /**
     * Until the active rule set's re-check is DONE, listings keep their earlier PASS;
     * after it, only its PASS counts.
     */
    @Transactional(readOnly = true)
    ListingReport listings(ReportPeriod period) {
        allowLongReport();
        Counts log = decisions.counts(period.start(), period.end());
        String active = ruleSets.active().version();
        RecheckLedger.Recheck recheck = rechecks.of(active)
            .orElse(new RecheckLedger.Recheck(active, "RUNNING", 0, 0, null, null));
        return new ListingReport(period.from(), period.to(), log.listingChecks(), log.listingPassed(),
                log.listingRejected(), log.listingReasons(), shelf.publishedNow(),
                shelf.publishedWithoutPass(recheck.done() ? active : null), active,
                new RecheckState(active, recheck.state(), recheck.checked(), recheck.suspended()));
    }

    /**
     * @param totalSellers sellers that applied up to {@code to} and are not REJECTED, as
     * they stand now
     * @param verifiedShare verifiedSellers / totalSellers, four decimals; null without
     * sellers
     */
    record SellerReport(LocalDate from, LocalDate to, long totalSellers, long verifiedSellers, BigDecimal verifiedShare,
            Map<String, Long> byDocumentType, List<ProvinceCount> byProvince, Map<String, Long> byUmkmClass,
            long rejectedApplications, long rejectedCrossBorder, long revokedSellers) {
    }

    record ProvinceCount(String provinceCode, String provinceName, long sellers) {
    }

    record ListingReport(LocalDate from, LocalDate to, long checks, long passed, long rejected,
            Map<String, Long> byReason, long publishedNow, long publishedWithoutPass, String activeRuleSetVersion,
            RecheckState recheck) {
    }

    /**
     * @param state RUNNING or DONE
     */
    record RecheckState(String ruleSetVersion, String state, long checked, long suspended) {
    }

}
