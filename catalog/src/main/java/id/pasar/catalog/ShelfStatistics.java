package id.pasar.catalog;

/** Aggregate figures about the published shelf, for the auditors' listing report. */
public interface ShelfStatistics {

    long publishedNow();

    /**
     * Published listings whose current version has no PASS in the compliance log (under
     * {@code ruleSetVersion}, or under any rule set when null): computed by anti-joining the shelf
     * to compliance's {@code publication_passes} view, never assumed. The database gate and the
     * re-check should keep it at 0; a non-zero answer means one of them was bypassed.
     */
    long publishedWithoutPass(String ruleSetVersion);
}
