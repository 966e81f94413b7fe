package id.pasar.orders;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** Aggregate sales figures for the auditors' reports. */
public interface SalesStatistics {

    /**
     * Orders placed per seller over the Asia/Jakarta days {@code from} to {@code to} (an
     * order with two of one seller's listings counts twice: once per listing). For
     * reports that show groups of sellers only: never hand these figures out per seller.
     */
    Map<UUID, Long> ordersBySeller(LocalDate from, LocalDate to);

    /**
     * What shoppers paid on each Asia/Jakarta day from {@code from} to {@code to}: the
     * totals of the orders paid that day, as the orders module records them (for the
     * reconciliation against the ledger). Days without payments are absent.
     */
    Map<LocalDate, Long> paidByDay(LocalDate from, LocalDate to);

}
