package id.pasar.gateway.security;

import id.pasar.compliance.IdentityCipher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key that protects identity numbers at rest ({@code MARKETPLACE_IDENTITY_KEY}), like
 * the JWT key.
 */
@Configuration(proxyBeanMethods = false)
class IdentityKeyConfiguration {

    @Bean
    IdentityCipher identityCipher(Secrets secrets, @Value("${pasar.security.identity-key:}") String configured) {
        return new IdentityCipher(secrets.key("identity", configured, "MARKETPLACE_IDENTITY_KEY", 32));
    }

}
