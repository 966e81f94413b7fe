package id.pasar.ledger.internal;

import static id.pasar.ledger.internal.AccountKind.CREATOR_AVAILABLE;
import static id.pasar.ledger.internal.AccountKind.CREATOR_PENDING;
import static id.pasar.ledger.internal.AccountKind.FEE_INCOME;
import static id.pasar.ledger.internal.AccountKind.GATEWAY_CLEARING;
import static id.pasar.ledger.internal.AccountKind.REFUNDS_PAYABLE;
import static id.pasar.ledger.internal.AccountKind.SELLER_AVAILABLE;
import static id.pasar.ledger.internal.AccountKind.SELLER_PENDING;
import static id.pasar.ledger.internal.AccountKind.SELLER_WITHHELD_TAX;

import id.pasar.ledger.internal.Posting.EntryType;
import id.pasar.ledger.internal.Posting.Side;
import id.pasar.orders.OrderPaid;
import id.pasar.orders.OrderStatus;
import id.pasar.orders.RefundSucceeded;
import id.pasar.orders.SellerOrderClosed;
import id.pasar.orders.SettlementNotTaken;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Posts the orders module's money events, delivered through the outbox after their
 * transactions committed (ADR 0019): at least once, so each posting is keyed by its event
 * (a second delivery posts nothing). A seller order's closing that arrives before its
 * payment's posting fails, and the outbox delivers it again (OutboxRetryJob).
 */
@Slf4j
@Component
@RequiredArgsConstructor
class LedgerPostings {

    private final Ledger ledger;

    private final FeeSchedule fees;

    private final TaxRules tax;

    private final JdbcClient jdbc;

    /**
     * The shopper's money reached the gateway: each seller is owed its seller order
     * (items and shipping), pending until it completes. Its fee is fixed now, by the
     * schedule in force when the order was placed.
     */
    @ApplicationModuleListener
    void on(OrderPaid paid) {
        for (OrderPaid.SellerOrderPaid sellerOrder : paid.sellerOrders()) {
            FeeSchedule.Fee fee = fees.feeOf(sellerOrder.itemsByCategory(), paid.placedAt());
            jdbc.sql("""
                    INSERT INTO ledger.seller_order_fees (seller_order_id, order_id, seller_id, placed_at, paid_at,
                    subtotal_idr, shipping_idr, fee_version, fee_idr)
                    VALUES (:sellerOrder, :order, :seller, :placed, :paid, :subtotal, :shipping, :version, :fee)
                    ON CONFLICT (seller_order_id) DO NOTHING""")
                .param("sellerOrder", sellerOrder.sellerOrderId())
                .param("order", paid.orderId())
                .param("seller", sellerOrder.sellerId())
                .param("placed", Timestamp.from(paid.placedAt()))
                .param("paid", Timestamp.from(paid.paidAt()))
                .param("subtotal", sellerOrder.subtotalIdr())
                .param("shipping", sellerOrder.shippingIdr())
                .param("version", fee.version())
                .param("fee", fee.feeIdr())
                .update();
            long total = Math.addExact(sellerOrder.subtotalIdr(), sellerOrder.shippingIdr());
            Posting posting = new Posting(Posting.Kind.PAYMENT_SETTLED, "paid:" + sellerOrder.sellerOrderId(),
                    paid.paidAt())
                .about(paid.orderId(), sellerOrder.sellerOrderId(), sellerOrder.sellerId())
                .debitCredit(total, Side.platform(GATEWAY_CLEARING, EntryType.SETTLEMENT),
                        new Side(SELLER_PENDING, sellerOrder.sellerId(), EntryType.SALE));
            for (Commission commission : Commission.of(sellerOrder.affiliateLines())) {
                record(paid, sellerOrder, commission);
                posting.debitCredit(commission.commissionIdr(),
                        new Side(SELLER_PENDING, sellerOrder.sellerId(), EntryType.COMMISSION),
                        new Side(CREATOR_PENDING, commission.creatorId(), EntryType.COMMISSION));
            }
            ledger.post(posting);
        }
    }

    /**
     * What one creator earns on one seller order: each of its lines' commission, rounded
     * down to the rupiah, summed.
     */
    record Commission(UUID creatorId, long grossIdr, long commissionIdr, int lineCount) {

        static List<Commission> of(List<OrderPaid.AffiliateLine> lines) {
            Map<UUID, Commission> byCreator = new LinkedHashMap<>();
            for (OrderPaid.AffiliateLine line : lines) {
                long commission = Math.multiplyExact(line.itemsIdr(), (long) line.commissionPercent()) / 100;
                byCreator.merge(line.creatorId(), new Commission(line.creatorId(), line.itemsIdr(), commission, 1),
                        (a, b) -> new Commission(a.creatorId(), Math.addExact(a.grossIdr(), b.grossIdr()),
                                Math.addExact(a.commissionIdr(), b.commissionIdr()), a.lineCount() + b.lineCount()));
            }
            return List.copyOf(byCreator.values());
        }

    }

    private void record(OrderPaid paid, OrderPaid.SellerOrderPaid sellerOrder, Commission commission) {
        jdbc.sql("""
                INSERT INTO ledger.commissions (seller_order_id, creator_id, order_id, seller_id, gross_idr,
                    commission_idr, line_count, placed_at, paid_at, status)
                VALUES (:sellerOrder, :creator, :order, :seller, :gross, :commission, :lines, :placed, :paid, 'PENDING')
                ON CONFLICT (seller_order_id, creator_id) DO NOTHING""")
            .param("sellerOrder", sellerOrder.sellerOrderId())
            .param("creator", commission.creatorId())
            .param("order", paid.orderId())
            .param("seller", sellerOrder.sellerId())
            .param("gross", commission.grossIdr())
            .param("commission", commission.commissionIdr())
            .param("lines", commission.lineCount())
            .param("placed", Timestamp.from(paid.placedAt()))
            .param("paid", Timestamp.from(paid.paidAt()))
            .update();
    }

    /**
     * A paid seller order ended. COMPLETED: its money becomes available to the seller,
     * less the fee and the PPh 22 withheld, under an invoice. RETURNED or CANCELLED: it
     * is owed back to the shopper.
     */
    @ApplicationModuleListener
    void on(SellerOrderClosed closed) {
        String key = "closed:" + closed.sellerOrderId();
        if (posted(key)) {
            return;
        }
        SellerOrderFee paid = jdbc.sql("""
                SELECT fee_idr, subtotal_idr, shipping_idr FROM ledger.seller_order_fees
                WHERE seller_order_id = :sellerOrder""")
            .param("sellerOrder", closed.sellerOrderId())
            .query((rs, row) -> new SellerOrderFee(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
            .optional()
            .orElseThrow(() -> new IllegalStateException(
                    "seller order " + closed.sellerOrderId() + " closed before its payment was posted"));
        long total = Math.addExact(paid.subtotalIdr(), paid.shippingIdr());
        UUID seller = closed.sellerId();
        List<PendingCommission> commissions = pendingCommissions(closed.sellerOrderId());
        long commissionTotal = commissions.stream().mapToLong(PendingCommission::commissionIdr).sum();
        Posting posting;
        if (closed.status() == OrderStatus.COMPLETED) {
            TaxRules.Decision decision = tax.decide(seller, paid.subtotalIdr(), closed.closedAt());
            String invoice = ledger
                .nextInvoiceNumber(LocalDate.ofInstant(closed.closedAt(), TaxRules.JAKARTA).getYear());
            posting = new Posting(Posting.Kind.SELLER_ORDER_COMPLETED, key, closed.closedAt())
                .about(closed.orderId(), closed.sellerOrderId(), seller)
                .debitCredit(total - commissionTotal, new Side(SELLER_PENDING, seller, EntryType.SALE_RELEASED),
                        new Side(SELLER_AVAILABLE, seller, EntryType.SALE_RELEASED))
                .debitCredit(paid.feeIdr(), new Side(SELLER_AVAILABLE, seller, EntryType.FEE),
                        Side.platform(FEE_INCOME, EntryType.FEE))
                .debitCredit(decision.withheldIdr(), new Side(SELLER_AVAILABLE, seller, EntryType.TAX),
                        new Side(SELLER_WITHHELD_TAX, seller, EntryType.TAX));
            for (PendingCommission commission : commissions) {
                posting.debitCredit(commission.commissionIdr(),
                        new Side(CREATOR_PENDING, commission.creatorId(), EntryType.COMMISSION_EARNED),
                        new Side(CREATOR_AVAILABLE, commission.creatorId(), EntryType.COMMISSION_EARNED));
            }
            posting.invoiceNumber = invoice;
            UUID transaction = post(posting);
            closeCommissions(closed, "EARNED");
            jdbc.sql("""
                    INSERT INTO ledger.withholdings (seller_order_id, transaction_id, seller_id, invoice_number,
                    gross_idr, withheld_idr, basis, completed_at)
                    VALUES (:sellerOrder, :transaction, :seller, :invoice, :gross, :withheld, :basis, :at)""")
                .param("sellerOrder", closed.sellerOrderId())
                .param("transaction", transaction)
                .param("seller", seller)
                .param("invoice", invoice)
                .param("gross", paid.subtotalIdr())
                .param("withheld", decision.withheldIdr())
                .param("basis", decision.basis().name())
                .param("at", Timestamp.from(closed.closedAt()))
                .update();
            log.info("Seller order {} completed: Rp {} to seller {}, fee {}, PPh 22 {} ({}), invoice {}",
                    closed.sellerOrderId(), total - commissionTotal - paid.feeIdr() - decision.withheldIdr(), seller,
                    paid.feeIdr(), decision.withheldIdr(), decision.basis(), invoice);
        }
        else {
            // The commissions come back to the seller first, so that its pending money
            // holds the whole refund when it leaves.
            posting = new Posting(Posting.Kind.SELLER_ORDER_REFUNDED, key, closed.closedAt()).about(closed.orderId(),
                    closed.sellerOrderId(), seller);
            for (PendingCommission commission : commissions) {
                posting.debitCredit(commission.commissionIdr(),
                        new Side(CREATOR_PENDING, commission.creatorId(), EntryType.COMMISSION_REVERSED),
                        new Side(SELLER_PENDING, seller, EntryType.COMMISSION_REVERSED));
            }
            post(posting.debitCredit(total, new Side(SELLER_PENDING, seller, EntryType.REFUND),
                    Side.platform(REFUNDS_PAYABLE, EntryType.REFUND)));
            closeCommissions(closed, "REVERSED");
        }
    }

    private record PendingCommission(UUID creatorId, long commissionIdr) {
    }

    private List<PendingCommission> pendingCommissions(UUID sellerOrderId) {
        return jdbc.sql("""
                SELECT creator_id, commission_idr FROM ledger.commissions
                WHERE seller_order_id = :sellerOrder AND status = 'PENDING' ORDER BY creator_id""")
            .param("sellerOrder", sellerOrderId)
            .query((rs, row) -> new PendingCommission(rs.getObject(1, UUID.class), rs.getLong(2)))
            .list();
    }

    private void closeCommissions(SellerOrderClosed closed, String status) {
        jdbc.sql("""
                UPDATE ledger.commissions SET status = :status, closed_at = :at
                WHERE seller_order_id = :sellerOrder AND status = 'PENDING'""")
            .param("status", status)
            .param("at", Timestamp.from(closed.closedAt()))
            .param("sellerOrder", closed.sellerOrderId())
            .update();
    }

    /** Money the gateway settled that no order takes: owed back to the shopper whole. */
    @ApplicationModuleListener
    void on(SettlementNotTaken settlement) {
        ledger.post(new Posting(Posting.Kind.SETTLEMENT_NOT_TAKEN, "unexpected:" + settlement.gatewayOrderId(),
                settlement.settledAt())
            .about(settlement.orderId(), null, null)
            .debitCredit(settlement.amountIdr(), Side.platform(GATEWAY_CLEARING, EntryType.SETTLEMENT),
                    Side.platform(REFUNDS_PAYABLE, EntryType.REFUND)));
    }

    /** The gateway paid a refund back: the shopper is owed nothing more of it. */
    @ApplicationModuleListener
    void on(RefundSucceeded refund) {
        ledger.post(new Posting(Posting.Kind.REFUND_PAID, "refund:" + refund.refundId(), refund.succeededAt())
            .about(refund.orderId(), refund.sellerOrderId(), null)
            .debitCredit(refund.amountIdr(), Side.platform(REFUNDS_PAYABLE, EntryType.REFUND),
                    Side.platform(GATEWAY_CLEARING, EntryType.REFUND)));
    }

    private boolean posted(String key) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM ledger.transactions WHERE source_key = :key)")
            .param("key", key)
            .query(Boolean.class)
            .single();
    }

    /**
     * Posts what must be posted once with what goes with it: a second delivery running at
     * the same time loses the key's race and rolls back (the outbox delivers it again,
     * and then it finds the key).
     */
    private UUID post(Posting posting) {
        if (!ledger.post(posting)) {
            throw new IllegalStateException("posting " + posting.sourceKey + " was made meanwhile");
        }
        return ledger.transactionOf(posting.sourceKey);
    }

    private record SellerOrderFee(long feeIdr, long subtotalIdr, long shippingIdr) {
    }

}
