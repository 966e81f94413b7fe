package id.pasar.gateway.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;

/**
 * Issues the signed access tokens that the resource server half of the application
 * accepts.
 */
@Service
public class TokenService {

    static final String ROLES_CLAIM = "roles";

    private final JwtEncoder encoder;

    private final JwtProperties properties;

    private final Clock clock;

    TokenService(JwtEncoder encoder, JwtProperties properties, Clock clock) {
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    public AccessToken issue(UUID userId, Role role) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
            .id(UUID.randomUUID().toString())
            .issuer(properties.issuer())
            .audience(List.of(properties.audience()))
            .subject(userId.toString())
            .issuedAt(now)
            .expiresAt(now.plus(properties.timeToLive()))
            .claim(ROLES_CLAIM, List.of(role.name()))
            .build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
            .getTokenValue();
        return new AccessToken(token, "Bearer", properties.timeToLive().toSeconds());
    }

    public record AccessToken(String accessToken, String tokenType, long expiresIn) {
    }

}
