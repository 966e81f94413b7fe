package id.pasar.gateway.reports;

import id.pasar.compliance.ReportPeriod;
import id.pasar.ledger.LedgerStatistics;
import id.pasar.ledger.LedgerStatistics.CreatorCommissions;
import id.pasar.ledger.LedgerStatistics.SellerAffiliateSales;
import id.pasar.onboarding.SellerStatistics;
import id.pasar.onboarding.SellerStatistics.Group;
import id.pasar.onboarding.UmkmClass;
import id.pasar.social.Affiliates;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * The affiliates report (issue 21, docs/social.md "Auditors"): of the seller orders paid
 * in a period, those a creator's reference brought against the direct ones; by kind of
 * creator (independent, or on the platform-affiliate list) and by the seller's UMKM
 * class; the commissions. Groups of fewer than 5 creators or sellers are suppressed as in
 * the exposure report.
 */
@Service
@RequiredArgsConstructor
class AffiliateReports {

    static final String INDEPENDENT = "INDEPENDENT";

    static final String PLATFORM_AFFILIATED = "PLATFORM_AFFILIATED";

    private final LedgerStatistics ledger;

    private final SellerStatistics sellers;

    private final Affiliates affiliates;

    /**
     * @param sellerOrders seller orders paid in the period
     * @param throughCreators those at least one of whose lines a creator's reference
     * brought; its {@code itemsIdr} counts only the attributed lines
     * @param direct the rest: orders with no attributed line, and every line not
     * attributed
     */
    record AffiliateReport(LocalDate from, LocalDate to, int smallestGroup, Totals all, Totals throughCreators,
            Totals direct, Commissions commissions, List<CreatorKindGroup> byCreatorKind,
            List<UmkmClassGroup> byUmkmClass) {
    }

    record Totals(long sellerOrders, long itemsIdr) {
    }

    /**
     * The commissions on the period's seller orders by state, and the creators earning
     * them.
     */
    record Commissions(long creators, long earnedIdr, long pendingIdr, long reversedIdr) {
    }

    /** A suppressed group has its key and nothing else. */
    record CreatorKindGroup(String key, boolean suppressed, Long creators, Long sellerOrders, Long itemsIdr,
            Long commissionsEarnedIdr) {
    }

    /**
     * @param attributedSharePercent the share of the group's items a creator brought
     */
    record UmkmClassGroup(String key, boolean suppressed, Long sellers, Long sellerOrders, Long itemsIdr,
            Long attributedOrders, Long attributedItemsIdr, BigDecimal attributedSharePercent,
            Long commissionsEarnedIdr) {
    }

    AffiliateReport report(ReportPeriod period) {
        List<SellerAffiliateSales> sales = ledger.affiliateSales(period.start(), period.end());
        List<CreatorCommissions> byCreator = ledger.creatorCommissions(period.start(), period.end());
        long orders = 0;
        long items = 0;
        long attributedOrders = 0;
        long attributedItems = 0;
        Map<UUID, Group> groups = sellers.groups();
        Map<String, long[]> byClass = new LinkedHashMap<>();
        for (UmkmClass umkmClass : UmkmClass.values()) {
            byClass.put(umkmClass.name(), new long[6]);
        }
        for (SellerAffiliateSales seller : sales) {
            orders += seller.sellerOrders();
            items += seller.itemsIdr();
            attributedOrders += seller.attributedOrders();
            attributedItems += seller.attributedItemsIdr();
            Group group = groups.get(seller.sellerId());
            if (group != null) {
                long[] t = byClass.computeIfAbsent(group.umkmClass(), key -> new long[6]);
                t[0]++;
                t[1] += seller.sellerOrders();
                t[2] += seller.itemsIdr();
                t[3] += seller.attributedOrders();
                t[4] += seller.attributedItemsIdr();
                t[5] += seller.commissionsEarnedIdr();
            }
        }
        Set<UUID> affiliated = affiliates
            .platformAffiliated(byCreator.stream().map(CreatorCommissions::creatorId).toList());
        Map<String, long[]> byKind = new LinkedHashMap<>();
        byKind.put(INDEPENDENT, new long[4]);
        byKind.put(PLATFORM_AFFILIATED, new long[4]);
        long earned = 0;
        long pending = 0;
        long reversed = 0;
        for (CreatorCommissions creator : byCreator) {
            long[] t = byKind.get(affiliated.contains(creator.creatorId()) ? PLATFORM_AFFILIATED : INDEPENDENT);
            t[0]++;
            t[1] += creator.sellerOrders();
            t[2] += creator.itemsIdr();
            t[3] += creator.earnedIdr();
            earned += creator.earnedIdr();
            pending += creator.pendingIdr();
            reversed += creator.reversedIdr();
        }
        return new AffiliateReport(period.from(), period.to(), ExposureReports.SMALLEST_GROUP,
                new Totals(orders, items), new Totals(attributedOrders, attributedItems),
                new Totals(orders - attributedOrders, items - attributedItems),
                new Commissions(byCreator.size(), earned, pending, reversed), kinds(byKind), classes(byClass));
    }

    private static List<CreatorKindGroup> kinds(Map<String, long[]> byKind) {
        Set<String> hidden = ExposureReports.suppressedTallies(byKind);
        return byKind.entrySet().stream().map(group -> {
            long[] t = group.getValue();
            return hidden.contains(group.getKey()) ? new CreatorKindGroup(group.getKey(), true, null, null, null, null)
                    : new CreatorKindGroup(group.getKey(), false, t[0], t[1], t[2], t[3]);
        }).toList();
    }

    private static List<UmkmClassGroup> classes(Map<String, long[]> byClass) {
        Set<String> hidden = ExposureReports.suppressedTallies(byClass);
        return byClass.entrySet().stream().map(group -> {
            long[] t = group.getValue();
            return hidden.contains(group.getKey())
                    ? new UmkmClassGroup(group.getKey(), true, null, null, null, null, null, null, null)
                    : new UmkmClassGroup(group.getKey(), false, t[0], t[1], t[2], t[3], t[4],
                            ExposureReports.percent(t[4], t[2]), t[5]);
        }).toList();
    }

}
