package id.pasar.social.internal;

import id.pasar.compliance.DecisionLog.Decision;
import id.pasar.compliance.IdentityCipher;
import id.pasar.compliance.SellerIdentity;
import id.pasar.compliance.SellerScreening;
import id.pasar.social.CreatorStatus;
import id.pasar.social.internal.CreatorRegistry.Creator;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import lombok.extern.slf4j.Slf4j;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compliance officers' work on creators, as on sellers: the queue of applications by
 * status, one creator read for staff, the decision on a pending application and the
 * revocation of a verified creator. Compliance logs each decision (CREATOR_REVIEW,
 * CREATOR_REVOCATION) in the transaction that changes the creator; the officer's note
 * stays in {@code social.creator_reviews}. A revoked creator is no longer shown: every
 * read of posts and profiles leaves it out.
 */
@Slf4j
@Service
public class CreatorReview {

    private final JdbcClient jdbc;

    private final SellerScreening screening;

    private final IdentityCipher cipher;

    private final Clock clock;

    private final JsonMapper json = JsonMapper.builder().build();

    CreatorReview(JdbcClient jdbc, SellerScreening screening, IdentityCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.screening = screening;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** A creator as staff see it: its identity only masked. */
    public record StaffView(Creator creator, String maskedIdentity) {
    }

    /**
     * Creators of one status, oldest first, after ({@code afterCreated}, {@code afterId})
     * when given; the caller logs the read.
     * @param limit the rows to read (a page and one more)
     */
    @Transactional(readOnly = true)
    public List<StaffView> withStatus(CreatorStatus status, Instant afterCreated, UUID afterId, int limit) {
        return jdbc.sql("""
                SELECT * FROM social.creators
                WHERE status = :status AND (created_at, id) > (:at, :id)
                ORDER BY created_at, id LIMIT :limit""")
            .param("status", status.name())
            .param("at", Timestamp.from(afterCreated != null ? afterCreated : Instant.EPOCH))
            .param("id", afterId != null ? afterId : new UUID(0, 0))
            .param("limit", limit)
            .query(this::staffView)
            .list();
    }

    /** One creator of any status, for staff (the caller logs the read); else 404. */
    @Transactional(readOnly = true)
    public StaffView byIdForStaff(UUID creatorId) {
        return jdbc.sql("SELECT * FROM social.creators WHERE id = :id")
            .param("id", creatorId)
            .query(this::staffView)
            .optional()
            .orElseThrow(SocialProblems.CreatorNotFound::new);
    }

    /**
     * An officer approves (VERIFIED) or rejects (REJECTED {@code OFFICER_REJECTED}, and
     * the identity is free again) a PENDING_REVIEW application; 409
     * APPLICATION_NOT_PENDING otherwise.
     */
    @Transactional
    public StaffView decide(UUID creatorId, boolean approve, String note, UUID officer) {
        Creator creator = locked(creatorId);
        if (!CreatorStatus.PENDING_REVIEW.name().equals(creator.status())) {
            throw new SocialProblems.ApplicationNotPending(creator.status());
        }
        Decision decision = screening.recordCreatorReview(creatorId, approve, officer.toString());
        changeStatus(creatorId, approve ? CreatorStatus.VERIFIED : CreatorStatus.REJECTED, decision, note, officer);
        log.info("Officer {} {} creator {}", officer, approve ? "approved" : "rejected", creatorId);
        return byIdForStaff(creatorId);
    }

    /**
     * An officer revokes a VERIFIED creator ({@code OFFICER_REVOKED}): from the commit
     * on, its profile and posts are not shown, it cannot post nor be followed, and its
     * identity stays held. 409 CREATOR_NOT_VERIFIED for any other status.
     */
    @Transactional
    public StaffView revoke(UUID creatorId, String note, UUID officer) {
        Creator creator = locked(creatorId);
        if (!creator.verified()) {
            throw new SocialProblems.CreatorNotVerified(creator.status());
        }
        Decision decision = screening.recordCreatorRevocation(creatorId, SellerScreening.OFFICER_REVOKED,
                officer.toString());
        changeStatus(creatorId, CreatorStatus.REVOKED, decision, note, officer);
        log.info("Creator {} revoked by {}", creatorId, officer);
        return byIdForStaff(creatorId);
    }

    private Creator locked(UUID creatorId) {
        return jdbc.sql("SELECT * FROM social.creators WHERE id = :id FOR UPDATE")
            .param("id", creatorId)
            .query(CreatorRegistry::creator)
            .optional()
            .orElseThrow(SocialProblems.CreatorNotFound::new);
    }

    /**
     * The new status with the decision's reasons; the rule set the application was
     * screened under stays, as for sellers.
     */
    private void changeStatus(UUID creatorId, CreatorStatus status, Decision decision, String note, UUID officer) {
        Timestamp now = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS));
        jdbc.sql("""
                UPDATE social.creators SET status = :status, reasons = :reasons, decision_id = :decision,
                    updated_at = :now
                WHERE id = :id""")
            .param("status", status.name())
            .param("reasons", decision.reasons().toArray(new String[0]))
            .param("decision", decision.decisionId())
            .param("now", now)
            .param("id", creatorId)
            .update();
        jdbc.sql("""
                INSERT INTO social.creator_reviews (decision_id, creator_id, status, officer, note, decided_at)
                VALUES (:decision, :creator, :status, :officer, :note, :now)""")
            .param("decision", decision.decisionId())
            .param("creator", creatorId)
            .param("status", status.name())
            .param("officer", officer)
            .param("note", note)
            .param("now", now)
            .update();
    }

    private StaffView staffView(ResultSet rs, int row) throws SQLException {
        Class<? extends SellerIdentity> type = switch (SellerIdentity.DocumentType
            .valueOf(rs.getString("document_type"))) {
            case KTP -> SellerIdentity.Ktp.class;
            case PASSPORT -> SellerIdentity.Passport.class;
            case LOCAL_ENTITY -> SellerIdentity.LocalEntity.class;
        };
        SellerIdentity identity = json
            .readValue(cipher.decrypt(rs.getBytes("identity_ciphertext"), CreatorRegistry.IDENTITY_CONTEXT), type);
        return new StaffView(CreatorRegistry.creator(rs, row), identity.maskedIdentity());
    }

}
