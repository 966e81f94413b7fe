package id.pasar.gateway.reports;

import id.pasar.catalog.RankingFormula;
import id.pasar.catalog.ShelfStatistics;
import id.pasar.catalog.ShelfStatistics.SellerExposure;
import id.pasar.compliance.Regions;
import id.pasar.compliance.ReportPeriod;
import id.pasar.onboarding.SellerStatistics;
import id.pasar.onboarding.SellerStatistics.Group;
import id.pasar.onboarding.UmkmClass;
import id.pasar.orders.SalesStatistics;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * Who gets seen and bought from, by group of sellers (UMKM class, province): the shares
 * of listings on the shelf, impressions, detail views and orders over a period. Only
 * groups are shown, and a group of fewer than {@value #SMALLEST_GROUP} sellers is
 * suppressed. When the suppressed groups together hold 1 to 4 sellers, their share could
 * be had by subtracting the shown ones from 1, so the smallest shown groups are
 * suppressed too until the hidden remainder covers at least {@value #SMALLEST_GROUP}
 * sellers (secondary suppression, as statistics offices do).
 */
@Service
@RequiredArgsConstructor
class ExposureReports {

    static final int SMALLEST_GROUP = 5;

    private final SellerStatistics sellers;

    private final ShelfStatistics shelf;

    private final SalesStatistics sales;

    private final Regions regions;

    ExposureReport exposure(ReportPeriod period) {
        Map<UUID, Group> groups = sellers.groups();
        List<SellerExposure> exposure = shelf.exposureBySeller(period.from(), period.to());
        Map<UUID, Long> orders = sales.ordersBySeller(period.from(), period.to());

        Map<String, Tally> byClass = new LinkedHashMap<>();
        for (UmkmClass umkmClass : UmkmClass.values()) {
            byClass.put(umkmClass.name(), new Tally());
        }
        Map<String, Tally> byProvince = new TreeMap<>();
        long[] total = new long[4];
        // One entry per seller: listings, impressions, detail views, orders.
        Map<UUID, long[]> figures = new LinkedHashMap<>();
        groups.forEach((seller, group) -> figures.put(seller, new long[4]));
        for (SellerExposure e : exposure) {
            long[] f = figures.computeIfAbsent(e.sellerId(), id -> new long[4]);
            f[0] += e.publishedListings();
            f[1] += e.impressions();
            f[2] += e.detailViews();
        }
        orders.forEach((seller, count) -> figures.computeIfAbsent(seller, id -> new long[4])[3] += count);

        figures.forEach((seller, f) -> {
            for (int i = 0; i < total.length; i++) {
                total[i] += f[i];
            }
            Group group = groups.get(seller);
            if (group == null) {
                // a seller no longer in onboarding's books: counted in the totals, in no
                // group
                return;
            }
            boolean counts = group.verified() || f[0] + f[1] + f[2] + f[3] > 0;
            if (counts) {
                byClass.computeIfAbsent(group.umkmClass(), key -> new Tally()).add(f);
                byProvince.computeIfAbsent(group.provinceCode(), key -> new Tally()).add(f);
            }
        });
        suppress(byClass);
        suppress(byProvince);

        List<ClassShare> classes = byClass.entrySet()
            .stream()
            .map(e -> ClassShare.of(e.getKey(), e.getValue().sellers, e.getValue().shares(total)))
            .toList();
        List<ProvinceShare> provinces = byProvince.entrySet()
            .stream()
            .map(e -> ProvinceShare.of(e.getKey(),
                    regions.province(e.getKey()).map(Regions.Province::name).orElse(null), e.getValue().sellers,
                    e.getValue().shares(total)))
            .toList();
        return new ExposureReport(period.from(), period.to(), RankingFormula.CURRENT.version(), SMALLEST_GROUP, classes,
                provinces);
    }

    private static void suppress(Map<String, Tally> groups) {
        Map<String, Integer> sellers = new LinkedHashMap<>();
        groups.forEach((key, tally) -> sellers.put(key, tally.sellers));
        Set<String> hidden = suppressed(sellers);
        groups.forEach((key, tally) -> tally.suppressed = hidden.contains(key));
    }

    /**
     * {@link #suppressed} of groups tallied as {@code long[]} whose first element counts
     * the group's members (sellers, creators).
     */
    static Set<String> suppressedTallies(Map<String, long[]> tallies) {
        Map<String, Integer> counts = new HashMap<>();
        tallies.forEach((key, tally) -> counts.put(key, (int) tally[0]));
        return suppressed(counts);
    }

    /**
     * {@code part} as a percentage of {@code whole}, 4 decimals, half up; null of
     * nothing.
     */
    static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part)
                    .multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    /**
     * The groups to hide: every group of fewer than {@value #SMALLEST_GROUP} sellers,
     * then, while the hidden ones together hold 1 to {@value #SMALLEST_GROUP} - 1 sellers
     * (whose share would be 1 minus the shown shares), the smallest shown group as well.
     */
    static Set<String> suppressed(Map<String, Integer> sellersByGroup) {
        Set<String> hidden = new HashSet<>();
        sellersByGroup.forEach((group, sellers) -> {
            if (sellers < SMALLEST_GROUP) {
                hidden.add(group);
            }
        });
        while (true) {
            int hiddenSellers = hidden.stream().mapToInt(sellersByGroup::get).sum();
            if (hiddenSellers == 0 || hiddenSellers >= SMALLEST_GROUP) {
                return hidden;
            }
            var smallestShown = sellersByGroup.entrySet()
                .stream()
                .filter(e -> !hidden.contains(e.getKey()))
                .min(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
            if (smallestShown.isEmpty()) {
                return hidden;
            }
            hidden.add(smallestShown.get().getKey());
        }
    }

    /**
     * A group's sellers and figures; each seller is added once (the figures map has one
     * entry per seller).
     */
    private static final class Tally {

        int sellers;

        final long[] figures = new long[4];

        boolean suppressed;

        void add(long[] f) {
            sellers++;
            for (int i = 0; i < figures.length; i++) {
                figures[i] += f[i];
            }
        }

        /**
         * Null when suppressed; each share null when the whole has none of that figure.
         */
        BigDecimal[] shares(long[] total) {
            if (suppressed) {
                return null;
            }
            BigDecimal[] shares = new BigDecimal[4];
            for (int i = 0; i < 4; i++) {
                shares[i] = total[i] == 0 ? null : BigDecimal.valueOf(figures[i])
                    .divide(BigDecimal.valueOf(total[i]), 6, RoundingMode.HALF_EVEN);
            }
            return shares;
        }

    }

    /**
     * @param smallestGroup groups of fewer sellers than this are suppressed
     * @param rankingVersion the relevance formula (GET /catalog/ranking) in force now
     */
    record ExposureReport(LocalDate from, LocalDate to, String rankingVersion, int smallestGroup,
            List<ClassShare> byUmkmClass, List<ProvinceShare> byProvince) {
    }

    record ClassShare(String umkmClass, long sellers, BigDecimal listingsShare, BigDecimal impressionsShare,
            BigDecimal detailViewsShare, BigDecimal ordersShare, boolean suppressed) {

        static ClassShare of(String umkmClass, long sellers, BigDecimal[] shares) {
            return new ClassShare(umkmClass, sellers, at(shares, 0), at(shares, 1), at(shares, 2), at(shares, 3),
                    shares == null);
        }
    }

    record ProvinceShare(String provinceCode, String provinceName, long sellers, BigDecimal listingsShare,
            BigDecimal impressionsShare, BigDecimal detailViewsShare, BigDecimal ordersShare, boolean suppressed) {

        static ProvinceShare of(String code, String name, long sellers, BigDecimal[] shares) {
            return new ProvinceShare(code, name, sellers, at(shares, 0), at(shares, 1), at(shares, 2), at(shares, 3),
                    shares == null);
        }
    }

    private static BigDecimal at(BigDecimal[] shares, int index) {
        return shares == null ? null : shares[index];
    }

}
