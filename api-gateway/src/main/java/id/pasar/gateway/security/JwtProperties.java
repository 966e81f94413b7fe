package id.pasar.gateway.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param secret the HMAC-SHA256 signing key, base64, at least 32 bytes
 * ({@code MARKETPLACE_JWT_SECRET})
 * @param issuer the {@code iss} of tokens issued and accepted
 * @param audience the {@code aud} of tokens issued and accepted
 * @param timeToLive how long an access token is valid
 */
@ConfigurationProperties("pasar.security.jwt")
record JwtProperties(String secret, @DefaultValue("pasar") String issuer, @DefaultValue("pasar-api") String audience,
        @DefaultValue("1h") Duration timeToLive) {
}
