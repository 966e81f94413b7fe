package id.pasar.social.internal;

import id.pasar.compliance.IdentityCipher;
import id.pasar.compliance.PlatformAffiliateList;
import id.pasar.compliance.RegencyCode;
import id.pasar.compliance.SellerIdentity;
import id.pasar.compliance.SellerScreening;
import id.pasar.compliance.SellerScreening.Screening;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.extern.slf4j.Slf4j;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creators: their applications, screened by compliance exactly as sellers' are, and their
 * public profiles. The identity is kept encrypted and blind-indexed in this module's own
 * index space, so one identity backs at most one creator and may back a seller as well.
 */
@Slf4j
@Service
public class CreatorRegistry {

    static final String IDENTITY_CONTEXT = "social.creators.identity";

    static final String PHONE_CONTEXT = "social.creators.phone";

    private final JdbcClient jdbc;

    private final SellerScreening screening;

    private final IdentityCipher cipher;

    private final PlatformAffiliateList affiliates;

    private final Clock clock;

    private final TransactionTemplate transaction;

    private final JsonMapper json = JsonMapper.builder().build();

    CreatorRegistry(JdbcClient jdbc, SellerScreening screening, IdentityCipher cipher, PlatformAffiliateList affiliates,
            Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.screening = screening;
        this.cipher = cipher;
        this.affiliates = affiliates;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * @param handle already lower-cased and well-formed: 3 to 30 of [a-z0-9._], so never
     * {@code me}, the path of the caller's own application
     * @param phone the creator's mobile number as {@code +628...}
     */
    public record Application(String handle, String displayName, SellerIdentity identity, RegencyCode regencyCode,
            String phone) {

        @Override
        public String toString() {
            return "Application[handle=" + handle + ", regency=" + regencyCode.value() + "]";
        }

    }

    /**
     * A creator as this module keeps it; {@code maskedIdentity} only for the creator
     * itself.
     */
    public record Creator(UUID creatorId, UUID accountId, String handle, String displayName, String status,
            List<String> reasons, UUID decisionId, String ruleSetVersion, String documentType, String regencyCode,
            boolean platformAffiliated, Instant createdAt) {

        public boolean verified() {
            return "VERIFIED".equals(status);
        }

    }

    /**
     * Screens and stores the caller's application. Two applications with one identity or
     * one handle that race: the database's unique indexes let one through, the other is
     * tried again and then sees the identity held (REJECTED IDENTITY_ALREADY_REGISTERED)
     * or the handle taken (409).
     */
    public Creator apply(UUID accountId, Application application) {
        try {
            return transaction.execute(status -> applyOnce(accountId, application));
        }
        catch (DuplicateKeyException raced) {
            log.info("A creator application raced another for the same account, identity or handle; trying again");
            return transaction.execute(status -> applyOnce(accountId, application));
        }
    }

    private Creator applyOnce(UUID accountId, Application application) {
        Optional<Creator> existing = jdbc.sql("SELECT * FROM social.creators WHERE account_id = :account FOR UPDATE")
            .param("account", accountId)
            .query(CreatorRegistry::creator)
            .optional();
        if (existing.isPresent() && !"REJECTED".equals(existing.get().status())) {
            throw new SocialProblems.CreatorExists();
        }
        boolean handleTaken = jdbc.sql(
                "SELECT EXISTS (SELECT 1 FROM social.creators WHERE lower(handle) = :handle AND account_id <> :account)")
            .param("handle", application.handle())
            .param("account", accountId)
            .query(Boolean.class)
            .single();
        if (handleTaken) {
            throw new SocialProblems.HandleTaken(application.handle());
        }
        UUID id = existing.map(Creator::creatorId).orElseGet(UUID::randomUUID);
        SellerIdentity identity = application.identity();
        byte[] index = cipher.blindIndex(identity.identityKind(), identity.identityNumber());
        boolean held = jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM social.creators
                               WHERE identity_index = :index AND status <> 'REJECTED' AND id <> :id)""")
            .param("index", index)
            .param("id", id)
            .query(Boolean.class)
            .single();
        Screening verdict = screening.screenCreatorApplication(id, identity, application.regencyCode(), held,
                accountId.toString());
        SellerIdentity.LocalEntity entity = identity instanceof SellerIdentity.LocalEntity business ? business : null;
        boolean affiliated = entity != null && affiliates.lists(entity.nib(), entity.npwp());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("""
                INSERT INTO social.creators (id, account_id, handle, display_name, regency_code, document_type,
                    identity_index, identity_ciphertext, npwp_index, status, reasons, decision_id, rule_set_version,
                    platform_affiliated, phone_ciphertext, phone_index, created_at, updated_at)
                VALUES (:id, :account, :handle, :name, :regency, :documentType, :index, :ciphertext, :npwpIndex,
                    :status, :reasons, :decision, :ruleSet, :affiliated, :phone, :phoneIndex, :now, :now)
                ON CONFLICT (account_id) DO UPDATE SET handle = excluded.handle, display_name = excluded.display_name,
                    regency_code = excluded.regency_code, document_type = excluded.document_type,
                    identity_index = excluded.identity_index, identity_ciphertext = excluded.identity_ciphertext,
                    npwp_index = excluded.npwp_index, status = excluded.status, reasons = excluded.reasons,
                    decision_id = excluded.decision_id, rule_set_version = excluded.rule_set_version,
                    platform_affiliated = excluded.platform_affiliated, phone_ciphertext = excluded.phone_ciphertext,
                    phone_index = excluded.phone_index, updated_at = excluded.updated_at""")
            .param("id", id)
            .param("account", accountId)
            .param("handle", application.handle())
            .param("name", application.displayName())
            .param("regency", application.regencyCode().value())
            .param("documentType", identity.documentType().name())
            .param("index", index)
            .param("ciphertext", cipher.encrypt(json.writeValueAsString(identity), IDENTITY_CONTEXT))
            .param("npwpIndex", entity == null ? null : affiliates.npwpIndex(entity.npwp()))
            .param("status", verdict.status().name())
            .param("reasons", verdict.reasons().toArray(new String[0]))
            .param("decision", verdict.decisionId())
            .param("ruleSet", verdict.ruleSetVersion())
            .param("affiliated", affiliated)
            .param("phone", cipher.encrypt(application.phone(), PHONE_CONTEXT))
            .param("phoneIndex", phoneIndex(application.phone()))
            .param("now", Timestamp.from(now))
            .update();
        log.info("Creator {} applied with {}: {} {}", id, identity.documentType(), verdict.status(), verdict.reasons());
        return byAccount(accountId).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<Creator> byAccount(UUID accountId) {
        return jdbc.sql("SELECT * FROM social.creators WHERE account_id = :account")
            .param("account", accountId)
            .query(CreatorRegistry::creator)
            .optional();
    }

    /** A creator shown to the public: any but a rejected or revoked one. */
    @Transactional(readOnly = true)
    public Optional<Creator> byHandle(String handle) {
        return jdbc.sql("""
                SELECT * FROM social.creators
                WHERE lower(handle) = lower(:handle) AND status NOT IN ('REJECTED', 'REVOKED')""")
            .param("handle", handle)
            .query(CreatorRegistry::creator)
            .optional();
    }

    @Transactional(readOnly = true)
    public Optional<Creator> verifiedById(UUID creatorId) {
        return jdbc.sql("SELECT * FROM social.creators WHERE id = :id AND status = 'VERIFIED'")
            .param("id", creatorId)
            .query(CreatorRegistry::creator)
            .optional();
    }

    @Transactional(readOnly = true)
    public long followers(UUID creatorId) {
        return jdbc.sql("SELECT count(*) FROM social.follows WHERE followee_id = :id")
            .param("id", creatorId)
            .query(Long.class)
            .single();
    }

    /** The caller's identity, masked as api.md says: never whole. */
    @Transactional(readOnly = true)
    public String maskedIdentity(UUID accountId) {
        return jdbc.sql("SELECT document_type, identity_ciphertext FROM social.creators WHERE account_id = :account")
            .param("account", accountId)
            .query((rs, row) -> {
                Class<? extends SellerIdentity> type = switch (SellerIdentity.DocumentType
                    .valueOf(rs.getString("document_type"))) {
                    case KTP -> SellerIdentity.Ktp.class;
                    case PASSPORT -> SellerIdentity.Passport.class;
                    case LOCAL_ENTITY -> SellerIdentity.LocalEntity.class;
                };
                return json.readValue(cipher.decrypt(rs.getBytes("identity_ciphertext"), IDENTITY_CONTEXT), type)
                    .maskedIdentity();
            })
            .single();
    }

    /**
     * A new entry of the platform-affiliate list, in the transaction that adds it: a
     * creator it names is from now on disclosed as platform-affiliated on every view.
     */
    @EventListener
    void on(PlatformAffiliateList.Listed listed) {
        int marked = jdbc.sql("""
                UPDATE social.creators SET platform_affiliated = true
                WHERE document_type = 'LOCAL_ENTITY' AND NOT platform_affiliated
                  AND (identity_index = :nib OR npwp_index = :npwp)""")
            .param("nib", listed.nibIndex())
            .param("npwp", listed.npwpIndex())
            .update();
        if (marked > 0) {
            log.info("{} creators marked platform-affiliated", marked);
        }
    }

    static Creator creator(ResultSet rs, int row) throws SQLException {
        return new Creator(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                rs.getString("handle"), rs.getString("display_name"), rs.getString("status"),
                strings(rs.getArray("reasons")), rs.getObject("decision_id", UUID.class),
                rs.getString("rule_set_version"), rs.getString("document_type"), rs.getString("regency_code"),
                rs.getBoolean("platform_affiliated"), rs.getTimestamp("created_at").toInstant());
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /** The keyed hash of a mobile number as {@code +628...}, one per number. */
    byte[] phoneIndex(String phone) {
        return cipher.blindIndex("PHONE", phone);
    }

}
