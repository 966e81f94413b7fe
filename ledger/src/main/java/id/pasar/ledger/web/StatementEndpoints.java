package id.pasar.ledger.web;

import id.pasar.compliance.CsvExport;
import id.pasar.compliance.ReportPeriod;
import id.pasar.kernel.KeysetCursor;
import id.pasar.kernel.KeysetPage;
import id.pasar.ledger.internal.Statements;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * What a holder's statement answers, a seller's ({@code GET /sellers/me/ledger}) or a
 * creator's ({@code GET /creators/me/ledger}): a keyset page of its entries, or the
 * period whole as CSV. The holder is always the caller's own, resolved by the controller
 * once the parameters are checked.
 */
@Component
@RequiredArgsConstructor
class StatementEndpoints {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    private final Statements statements;

    private final Clock clock;

    record StatementLine(long entryId, OffsetDateTime occurredAt, String account, String type, long amountIdr,
            long balanceAfterIdr, String transactionKind, UUID orderId, UUID sellerOrderId, String invoiceNumber) {
    }

    /**
     * @param cursorName the list's name in its cursors, so that a cursor of another list
     * is refused
     */
    KeysetPage<StatementLine> page(Supplier<UUID> holder, String cursorName, LocalDate from, LocalDate to, int size,
            String cursor) {
        ReportPeriod period = ReportPeriod.of(from, to, clock);
        Long after = cursor == null ? null : KeysetCursor.decode(cursor, cursorName, 1).number(0);
        List<Statements.Line> lines = statements.page(holder.get(), period.start(), period.end(), after,
                KeysetPage.fetchSize(size));
        return KeysetPage.of(lines, size, StatementEndpoints::line,
                last -> KeysetCursor.encode(cursorName, last.entryId()));
    }

    void csv(Supplier<UUID> holder, LocalDate from, LocalDate to, HttpServletResponse response) throws IOException {
        ReportPeriod period = ReportPeriod.of(from, to, clock);
        UUID holderId = holder.get();
        try (CsvExport csv = CsvExport.download(response, "ledger.csv", "entryId", "occurredAt", "account", "type",
                "amountIdr", "balanceAfterIdr", "transactionKind", "orderId", "sellerOrderId", "invoiceNumber")) {
            statements.each(holderId, period.start(), period.end(), l -> {
                StatementLine line = line(l);
                csv.row(line.entryId(), line.occurredAt(), line.account(), line.type(), line.amountIdr(),
                        line.balanceAfterIdr(), line.transactionKind(), line.orderId(), line.sellerOrderId(),
                        line.invoiceNumber());
            });
        }
    }

    private static StatementLine line(Statements.Line line) {
        return new StatementLine(line.entryId(), line.occurredAt().atZone(JAKARTA).toOffsetDateTime(),
                line.account().name(), line.type(), line.amountIdr(), line.balanceAfterIdr(), line.transactionKind(),
                line.orderId(), line.sellerOrderId(), line.invoiceNumber());
    }

}
