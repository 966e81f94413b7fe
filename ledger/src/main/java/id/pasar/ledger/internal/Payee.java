package id.pasar.ledger.internal;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * Whom a bank account, a payout and its Idempotency-Key belong to: a seller or a creator,
 * by its id ({@code holder_kind}, {@code holder_id}). One mechanism pays both; what
 * differs by kind is in {@link AccountKind.Holder} (the accounts) and {@link Payees} (who
 * may be paid).
 */
public record Payee(AccountKind.Holder kind, UUID id) {

    public Payee {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static Payee seller(UUID sellerId) {
        return new Payee(AccountKind.Holder.SELLER, sellerId);
    }

    public static Payee creator(UUID creatorId) {
        return new Payee(AccountKind.Holder.CREATOR, creatorId);
    }

    /** For log lines: "seller 1f0c..." or "creator 9a2e...". */
    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + " " + id;
    }

}
