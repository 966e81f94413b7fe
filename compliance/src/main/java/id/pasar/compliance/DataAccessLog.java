package id.pasar.compliance;

import id.pasar.kernel.KeysetPage;
import id.pasar.kernel.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.http.HttpStatus;

/**
 * Staff reads of seller data, each with its reason (api.md, equal playing field): every
 * endpoint that gives a COMPLIANCE_OFFICER or ADMIN one seller's data asks
 * {@link #requireReason} before it reads, and {@link #record}s one insert-only entry per
 * seller it returns before it answers. Reads of a creator's application are logged alike
 * ({@link #recordCreators}).
 */
public interface DataAccessLog {

    String REASON_HEADER = "X-Access-Reason";

    /** The longest reason {@link #requireReason} takes, trimmed. */
    int REASON_MAX_LENGTH = 200;

    /**
     * The reason, trimmed, when it has 5 to 200 characters; else 400
     * {@code ACCESS_REASON_REQUIRED}.
     */
    static String requireReason(String reason) {
        String trimmed = reason == null ? "" : reason.strip();
        if (trimmed.length() < 5 || trimmed.length() > REASON_MAX_LENGTH) {
            throw new ReasonRequired();
        }
        return trimmed;
    }

    /** One entry per seller, in one transaction, before the data is handed out. */
    void record(Reader reader, String resource, String reason, Collection<UUID> sellerIds);

    /**
     * One entry per creator (the social module's creators), as {@link #record} for
     * sellers.
     */
    void recordCreators(Reader reader, String resource, String reason, Collection<UUID> creatorIds);

    /**
     * Entries in [from, to), oldest first, of one seller when {@code sellerId} is set;
     * {@code cursor} is the previous page's {@code nextCursor} (400
     * {@code INVALID_CURSOR} for any other).
     */
    default KeysetPage<Access> page(Instant from, Instant to, UUID sellerId, String cursor, int size) {
        return page(from, to, sellerId, null, cursor, size);
    }

    /**
     * As {@link #page(Instant, Instant, UUID, String, int)}, narrowed to one creator too
     * when {@code creatorId} is set.
     */
    KeysetPage<Access> page(Instant from, Instant to, UUID sellerId, UUID creatorId, String cursor, int size);

    /** The same entries, all of them, from a server-side cursor (for CSV). */
    default void stream(Instant from, Instant to, UUID sellerId, Consumer<Access> each) {
        stream(from, to, sellerId, null, each);
    }

    void stream(Instant from, Instant to, UUID sellerId, UUID creatorId, Consumer<Access> each);

    /** Who reads: a user id and the role it read as. */
    record Reader(String actor, String role) {

        /**
         * The staff member of a request and the role it read as: officer or admin, the
         * only roles the staff routes let in.
         */
        public static Reader of(HttpServletRequest staff) {
            return new Reader(staff.getUserPrincipal().getName(),
                    staff.isUserInRole("ADMIN") ? "ADMIN" : "COMPLIANCE_OFFICER");
        }

    }

    /**
     * {@code accessedAt} in Asia/Jakarta; {@code actor} the staff member's user id; one
     * of {@code sellerId} and {@code creatorId}, the other null.
     */
    record Access(long id, OffsetDateTime accessedAt, String actor, String actorRole, UUID sellerId, UUID creatorId,
            String resource, String reason) {
    }

    final class ReasonRequired extends ProblemException {

        public ReasonRequired() {
            super(HttpStatus.BAD_REQUEST, "ACCESS_REASON_REQUIRED", "Access reason required",
                    "Reading a seller's or creator's data needs a reason: send " + REASON_HEADER
                            + " with 5 to 200 characters.");
        }

    }

}
