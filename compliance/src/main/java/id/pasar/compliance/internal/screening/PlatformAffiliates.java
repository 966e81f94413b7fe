package id.pasar.compliance.internal.screening;

import id.pasar.compliance.IdentityCipher;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Whether a business is on the platform-affiliate list, by the blind indexes of its NIB and NPWP. */
@Component
@RequiredArgsConstructor
class PlatformAffiliates {

    private final JdbcClient jdbc;
    private final IdentityCipher cipher;

    boolean lists(String nib, String npwp) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM compliance.platform_affiliates WHERE nib_index = :nib OR npwp_index = :npwp)")
                .param("nib", cipher.blindIndex("NIB", nib))
                .param("npwp", cipher.blindIndex("NPWP", npwp))
                .query(Boolean.class)
                .single();
    }
}
