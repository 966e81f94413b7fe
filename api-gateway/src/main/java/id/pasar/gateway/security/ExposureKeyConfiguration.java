package id.pasar.gateway.security;

import id.pasar.catalog.ExposureClientKey;
import id.pasar.social.AffiliateRefKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The key of the exposure count's client hashes: {@code MARKETPLACE_EXPOSURE_KEY} when
 * set, else derived from the identity key ({@code MARKETPLACE_IDENTITY_KEY}, which every
 * deployment has), so that an upgrade needs no new secret. The derivation is HMAC-SHA256
 * of the identity key over a fixed label (one HKDF-Expand block): the exposure key tells
 * nothing about the identity key, and the two are never used for each other's purpose.
 */
@Configuration(proxyBeanMethods = false)
class ExposureKeyConfiguration {

    private static final String LABEL = "pasar exposure-client key v1";

    private static final String AFFILIATE_LABEL = "pasar affiliate-ref key v1";

    @Bean
    ExposureClientKey exposureClientKey(Secrets secrets, @Value("${pasar.security.exposure-key:}") String configured,
            @Value("${pasar.security.identity-key:}") String identity) {
        if (StringUtils.hasText(configured)) {
            return new ExposureClientKey(secrets.key("exposure-client", configured, "MARKETPLACE_EXPOSURE_KEY", 32));
        }
        return new ExposureClientKey(derived(secrets.key("identity", identity, "MARKETPLACE_IDENTITY_KEY", 32), LABEL));
    }

    /**
     * The key of affiliate references (social's {@link AffiliateRefKey}): derived from
     * the identity key as the exposure key is, under its own label.
     */
    @Bean
    AffiliateRefKey affiliateRefKey(Secrets secrets, @Value("${pasar.security.identity-key:}") String identity) {
        return new AffiliateRefKey(
                derived(secrets.key("identity", identity, "MARKETPLACE_IDENTITY_KEY", 32), AFFILIATE_LABEL));
    }

    static byte[] derived(byte[] identityKey, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(identityKey, "HmacSHA256"));
            return mac.doFinal((label + "\u0001").getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has HmacSHA256", e);
        }
    }

}
