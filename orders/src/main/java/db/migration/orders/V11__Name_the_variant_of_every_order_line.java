package db.migration.orders;

import id.pasar.kernel.BatchedMigration;

/**
 * Every order line placed before variants took its listing's one variant, whose id is the
 * listing's (V10, ADR 0023), 10,000 lines a transaction.
 */
public class V11__Name_the_variant_of_every_order_line extends BatchedMigration {

    public V11__Name_the_variant_of_every_order_line() {
        super("orders.backfill_order_line_variants", 10_000);
    }

}
