package id.pasar.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Aggregate figures about the published shelf, for the auditors' listing report. */
public interface ShelfStatistics {

    long publishedNow();

    /**
     * Published listings whose current version has no PASS in the compliance log (under
     * {@code ruleSetVersion}, or under any rule set when null): computed by anti-joining
     * the shelf to compliance's {@code publication_passes} view, never assumed. The
     * database gate and the re-check should keep it at 0; a non-zero answer means one of
     * them was bypassed.
     */
    long publishedWithoutPass(String ruleSetVersion);

    /**
     * Per seller with any listing: its listings on the shelf now, and its listings'
     * impressions and detail views over the Asia/Jakarta days {@code from} to {@code to},
     * this instance's pending counts included. For the auditors' exposure report, which
     * shows only groups of sellers: never hand these figures out per seller.
     */
    List<SellerExposure> exposureBySeller(LocalDate from, LocalDate to);

    record SellerExposure(UUID sellerId, long publishedListings, long impressions, long detailViews) {
    }

}
