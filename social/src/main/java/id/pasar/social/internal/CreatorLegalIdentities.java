package id.pasar.social.internal;

import id.pasar.compliance.IdentityCipher;
import id.pasar.compliance.Masking;
import id.pasar.compliance.SellerIdentity;
import id.pasar.social.CreatorIdentities;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creators' legal identities for the ledger's payouts ({@link CreatorIdentities}): the
 * identity {@link CreatorRegistry} stored, decrypted under its context, reduced to the
 * legal name and the masked tax number as onboarding reduces a seller's.
 */
@Component
@RequiredArgsConstructor
class CreatorLegalIdentities implements CreatorIdentities {

    private final JdbcClient jdbc;

    private final IdentityCipher cipher;

    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    @Transactional(readOnly = true)
    public Optional<LegalIdentity> of(UUID creatorId) {
        return jdbc.sql("SELECT document_type, identity_ciphertext FROM social.creators WHERE id = :id")
            .param("id", creatorId)
            .query(this::identity)
            .optional();
    }

    private LegalIdentity identity(ResultSet rs, int row) throws SQLException {
        Class<? extends SellerIdentity> type = switch (SellerIdentity.DocumentType
            .valueOf(rs.getString("document_type"))) {
            case KTP -> SellerIdentity.Ktp.class;
            case PASSPORT -> SellerIdentity.Passport.class;
            case LOCAL_ENTITY -> SellerIdentity.LocalEntity.class;
        };
        return legal(json
            .readValue(cipher.decrypt(rs.getBytes("identity_ciphertext"), CreatorRegistry.IDENTITY_CONTEXT), type));
    }

    private static LegalIdentity legal(SellerIdentity identity) {
        if (identity instanceof SellerIdentity.Ktp ktp) {
            return new LegalIdentity(true, ktp.fullName(), "NIK", ktp.maskedIdentity());
        }
        if (identity instanceof SellerIdentity.Passport passport) {
            return new LegalIdentity(true, passport.fullName(), "PASSPORT", passport.maskedIdentity());
        }
        SellerIdentity.LocalEntity entity = (SellerIdentity.LocalEntity) identity;
        return new LegalIdentity(false, entity.legalName(), "NPWP", Masking.lastThree(entity.npwp()));
    }

}
