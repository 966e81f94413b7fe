package id.pasar.gateway.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import id.pasar.gateway.PasarProperties;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The application's security rules in a web slice: {@link SecurityConfiguration} as it
 * is, so that open paths are open and a missing token is the same 401 problem. Tokens are
 * never decoded here ({@link #as} puts the authenticated caller in place), so the signing
 * key is a dummy and the account check ({@link AccountStatus}) is a mock that no request
 * reaches.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ SecurityConfiguration.class, Secrets.class })
@EnableConfigurationProperties({ JwtProperties.class, SecurityConfiguration.CorsProperties.class,
        PasarProperties.class })
public class SliceSecurity {

    /**
     * Thirty-two bytes, base64: only the decoder, which no slice request reaches, reads
     * it.
     */
    public static final String SIGNING_KEY = "c2xpY2VzLW5ldmVyLWRlY29kZS1hLXJlYWwtdG9rZW4=";

    /**
     * A request with a valid token of this account and role, as {@link LiveAccountCheck}
     * would let through.
     */
    public static RequestPostProcessor as(Role role, UUID userId) {
        return jwt().jwt(token -> token.subject(userId.toString()))
            .authorities(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

}
