package db.migration.catalog;

import id.pasar.kernel.BatchedMigration;

/**
 * Every listing made before variants gets the one variant of a listing without options,
 * whose id is the listing's (V11, ADR 0023), 10,000 listings a transaction.
 */
public class V12__Give_every_listing_its_variant extends BatchedMigration {

    public V12__Give_every_listing_its_variant() {
        super("catalog.backfill_listing_variants", 10_000);
    }

}
