package id.pasar.gateway.reports;

import id.pasar.compliance.Regions;
import id.pasar.compliance.ReportPeriod;
import id.pasar.ledger.LedgerStatistics;
import id.pasar.onboarding.SellerIdentities;
import id.pasar.onboarding.SellerStatistics;
import id.pasar.onboarding.SellerStatistics.Group;
import id.pasar.onboarding.UmkmClass;
import id.pasar.orders.SalesStatistics;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * The money reports (docs/ledger.md, "Reports"): the PPh 22 withheld in a month, per
 * seller with its tax number masked; the effective fee rate by group of sellers, with the
 * exposure report's small-group suppression; and the daily reconciliation of what
 * shoppers paid against where the ledger put it.
 */
@Service
@RequiredArgsConstructor
class MoneyReports {

    private final LedgerStatistics ledger;

    private final SellerIdentities identities;

    private final SellerStatistics sellers;

    private final SalesStatistics sales;

    private final Regions regions;

    /**
     * @param payableIdr what the platform owes the state for the month: the PPh 22 it
     * withheld
     */
    record TaxReport(String month, List<SellerTax> sellers, long sellerOrders, long grossIdr, long withheldIdr,
            long payableIdr) {
    }

    /**
     * @param taxIdKind NPWP (a business), NIK (a KTP holder) or PASSPORT
     */
    record SellerTax(UUID sellerId, String taxIdKind, String maskedTaxId, long sellerOrders, long grossIdr,
            long withheldIdr) {
    }

    TaxReport tax(YearMonth month) {
        List<LedgerStatistics.SellerTax> taxes = ledger.taxes(
                month.atDay(1).atStartOfDay(ReportPeriod.JAKARTA).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(ReportPeriod.JAKARTA).toInstant());
        Map<UUID, SellerIdentities.LegalIdentity> ids = identities
            .of(taxes.stream().map(LedgerStatistics.SellerTax::sellerId).toList());
        long orders = 0;
        long gross = 0;
        long withheld = 0;
        List<SellerTax> lines = new ArrayList<>();
        for (LedgerStatistics.SellerTax tax : taxes) {
            SellerIdentities.LegalIdentity id = ids.get(tax.sellerId());
            lines.add(new SellerTax(tax.sellerId(), id == null ? null : id.taxIdKind(),
                    id == null ? null : id.maskedTaxId(), tax.sellerOrders(), tax.grossIdr(), tax.withheldIdr()));
            orders += tax.sellerOrders();
            gross += tax.grossIdr();
            withheld += tax.withheldIdr();
        }
        return new TaxReport(month.toString(), lines, orders, gross, withheld, withheld);
    }

    /**
     * @param smallestGroup groups of fewer sellers (and, by secondary suppression, the
     * smallest others) show no figures
     * @param effectiveRatePercent the platform's fees over the items' amount, all sellers
     */
    record FeeReport(LocalDate from, LocalDate to, int smallestGroup, long itemsIdr, long feesIdr,
            BigDecimal effectiveRatePercent, List<FeeGroup> byUmkmClass, List<FeeGroup> byProvince) {
    }

    /** A suppressed group has its key and nothing else. */
    record FeeGroup(String key, String name, boolean suppressed, Long sellers, Long itemsIdr, Long feesIdr,
            BigDecimal effectiveRatePercent) {
    }

    FeeReport fees(ReportPeriod period) {
        Map<UUID, Group> groups = sellers.groups();
        Map<String, long[]> byClass = new LinkedHashMap<>();
        for (UmkmClass umkmClass : UmkmClass.values()) {
            byClass.put(umkmClass.name(), new long[3]);
        }
        Map<String, long[]> byProvince = new TreeMap<>();
        long items = 0;
        long fees = 0;
        for (LedgerStatistics.SellerFees seller : ledger.fees(period.start(), period.end())) {
            items += seller.itemsIdr();
            fees += seller.feesIdr();
            Group group = groups.get(seller.sellerId());
            if (group == null) {
                continue;
            }
            add(byClass.computeIfAbsent(group.umkmClass(), key -> new long[3]), seller);
            add(byProvince.computeIfAbsent(group.provinceCode(), key -> new long[3]), seller);
        }
        return new FeeReport(period.from(), period.to(), ExposureReports.SMALLEST_GROUP, items, fees,
                ExposureReports.percent(fees, items), shown(byClass, false), shown(byProvince, true));
    }

    private static void add(long[] tally, LedgerStatistics.SellerFees seller) {
        tally[0]++;
        tally[1] += seller.itemsIdr();
        tally[2] += seller.feesIdr();
    }

    private List<FeeGroup> shown(Map<String, long[]> groups, boolean provinces) {
        Set<String> hidden = ExposureReports.suppressedTallies(groups);
        return groups.entrySet().stream().map(group -> {
            String key = group.getKey();
            String name = provinces ? regions.province(key).map(Regions.Province::name).orElse(null) : null;
            long[] t = group.getValue();
            return hidden.contains(key) ? new FeeGroup(key, name, true, null, null, null, null)
                    : new FeeGroup(key, name, false, t[0], t[1], t[2], ExposureReports.percent(t[2], t[1]));
        }).toList();
    }

    /**
     * @param balanced every day balanced
     */
    record Reconciliation(LocalDate from, LocalDate to, boolean balanced, List<ReconciledDay> days) {
    }

    /**
     * One Asia/Jakarta day's payments.
     *
     * @param ordersPaidIdr what the orders module records as paid that day
     * @param ledgerPaidIdr what the ledger posted as paid that day: equal to it once the
     * outbox has delivered every payment
     * @param pendingIdr of the seller orders paid that day, what neither completed nor
     * was refunded yet
     * @param settlementsNotTakenIdr money settled that day that no order took, refunded
     * whole (not in the orders' paid totals)
     * @param commissionsIdr the creators' commissions on them, pending or earned
     * @param balanced {@code ordersPaidIdr = ledgerPaidIdr = sellersNetIdr + feesIdr +
     * taxIdr + commissionsIdr + refundsIdr + pendingIdr}
     */
    record ReconciledDay(LocalDate day, long ordersPaidIdr, long ledgerPaidIdr, long sellersNetIdr, long feesIdr,
            long taxIdr, long commissionsIdr, long refundsIdr, long pendingIdr, long settlementsNotTakenIdr,
            boolean balanced) {
    }

    Reconciliation reconciliation(ReportPeriod period) {
        Map<LocalDate, Long> paid = sales.paidByDay(period.from(), period.to());
        List<ReconciledDay> days = ledger.paidDays(period.from(), period.to()).stream().map(day -> {
            long orders = paid.getOrDefault(day.day(), 0L);
            long accounted = day.sellersNetIdr() + day.feesIdr() + day.taxIdr() + day.commissionsIdr()
                    + day.refundsIdr() + day.pendingIdr();
            return new ReconciledDay(day.day(), orders, day.paidIdr(), day.sellersNetIdr(), day.feesIdr(), day.taxIdr(),
                    day.commissionsIdr(), day.refundsIdr(), day.pendingIdr(), day.settlementsNotTakenIdr(),
                    orders == day.paidIdr() && day.paidIdr() == accounted);
        }).toList();
        return new Reconciliation(period.from(), period.to(), days.stream().allMatch(ReconciledDay::balanced), days);
    }

}
