package id.pasar.gateway.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.proc.SecurityContext;
import id.pasar.gateway.web.ProblemWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Stateless bearer-token security. Who may call what is decided here, by path, in one
 * table that reads like api.md; everything not listed needs a token. A path that no
 * controller maps is let through so that it answers 404, as api.md asks, instead of 401.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    /**
     * Who may upload photos: sellers for their listings and posts, creators for posts.
     */
    static final String[] MEDIA_UPLOADERS = { Role.SELLER.name(), Role.CREATOR.name() };

    private static final String[] PUBLIC_DOCS = { "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
            "/swagger-ui/**" };

    /**
     * The auditor dashboard's static files and the WebJar it draws its charts with:
     * public files (the data behind them needs an AUDITOR's token).
     */
    private static final String[] DASHBOARD = { "/auditor", "/auditor/", "/auditor/**", "/webjars/**" };

    /**
     * The dashboard's page may run and style only its own files and the WebJar, and talk
     * only to this origin: no inline script or style, no other host, no framing.
     */
    static final String DASHBOARD_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemWriter problems,
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings,
            JwtAuthenticationConverter tokens, AccountStatus accounts, Clock clock) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, exception) -> {
            if (exception instanceof LiveAccountCheck.AccountCheckUnavailable) {
                problems.writeDatabaseUnavailable(request, response);
                return;
            }
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", "Unauthorized",
                    "A valid bearer token is required.");
        };
        AccessDeniedHandler forbidden = (request, response, exception) -> problems.write(request, response,
                HttpStatus.FORBIDDEN, "FORBIDDEN", "Forbidden", "Your role may not do this.");
        http.csrf(csrf -> csrf.disable())
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .httpBasic(basic -> basic.disable())
            .formLogin(form -> form.disable())
            .logout(logout -> logout.disable())
            .requestCache(cache -> cache.disable())
            .cors(cors -> {
            })
            .headers(headers -> headers
                // Spring Security's defaults stay (nosniff, X-Frame-Options DENY,
                // Cache-Control no-store, HSTS on HTTPS requests); API answers are data,
                // never a page to frame or run.
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(PathPatternRequestMatcher.withDefaults()
                    .matcher("/api/**"),
                        new StaticHeadersWriter("Content-Security-Policy",
                                "default-src 'none'; frame-ancestors 'none'")))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(PathPatternRequestMatcher.withDefaults()
                    .matcher("/auditor/**"), new StaticHeadersWriter("Content-Security-Policy", DASHBOARD_POLICY))))
            .authorizeHttpRequests(requests -> requests
                // Actuator's endpoints are not controllers: they are decided before
                // "unmapped" is.
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                .permitAll()
                .requestMatchers("/actuator/**")
                .hasRole(Role.ADMIN.name())
                // Shoppers' reads are open whether mapped or not (Spring MVC answers an
                // unknown one 404), so they are decided before "unmapped", whose handler
                // lookup would double the lookup of the busiest paths.
                .requestMatchers(HttpMethod.GET, "/api/v1/regions/**", "/api/v1/catalog/**",
                        "/api/v1/compliance/rule-sets", "/api/v1/fees", "/api/v1/banks", "/media/**")
                .permitAll()
                .requestMatchers(HttpMethod.GET, DASHBOARD)
                .permitAll()
                // Then an unknown path or method is 404 or 405 for everyone, whatever its
                // prefix.
                .requestMatchers(new UnmappedRequestMatcher(mappings))
                .permitAll()
                .requestMatchers(HttpMethod.POST, "/api/v1/auth/register", "/api/v1/auth/token",
                        "/api/v1/payments/notifications", "/api/v1/payouts/notifications")
                .permitAll()
                .requestMatchers("/api/v1/orders", "/api/v1/orders/**")
                .hasRole(Role.SHOPPER.name())
                .requestMatchers("/api/v1/shoppers/me/addresses", "/api/v1/shoppers/me/addresses/**")
                .hasRole(Role.SHOPPER.name())
                .requestMatchers("/api/v1/cart", "/api/v1/cart/**")
                .hasRole(Role.SHOPPER.name())
                // Only while the payment sandbox is on (else unmapped: 404).
                .requestMatchers("/api/v1/sandbox/**")
                .hasAnyRole(Role.SHOPPER.name(), Role.ADMIN.name())
                .requestMatchers("/api/v1/listings", "/api/v1/listings/**")
                .hasRole(Role.SELLER.name())
                .requestMatchers(HttpMethod.POST, "/api/v1/media")
                .hasAnyRole(MEDIA_UPLOADERS)
                // Social: a creator applies and reads its own application, its own
                // money and its affiliate figures; profiles are public ("me" is no
                // handle).
                .requestMatchers("/api/v1/creators", "/api/v1/creators/me", "/api/v1/creators/me/**",
                        "/api/v1/affiliate/**")
                .hasRole(Role.CREATOR.name())
                .requestMatchers(HttpMethod.GET, "/api/v1/creators/*", "/api/v1/creators/*/showcase", "/api/v1/posts/*",
                        "/api/v1/posts/*/comments", "/api/v1/discover", "/api/v1/discover/ranking")
                .permitAll()
                // A click on an affiliate reference is a touch of a signed-in shopper's.
                .requestMatchers("/api/v1/affiliate-clicks")
                .hasRole(Role.SHOPPER.name())
                // Anyone with an account of these roles likes and comments.
                .requestMatchers("/api/v1/posts/*/like", "/api/v1/posts/*/comments", "/api/v1/comments/**")
                .hasAnyRole(Role.SHOPPER.name(), Role.SELLER.name(), Role.CREATOR.name())
                .requestMatchers("/api/v1/compliance/comments/**")
                .hasAnyRole(Role.COMPLIANCE_OFFICER.name(), Role.ADMIN.name())
                .requestMatchers("/api/v1/posts", "/api/v1/posts/**")
                .hasAnyRole(Role.SELLER.name(), Role.CREATOR.name())
                // Only shoppers follow: a seller or creator cannot follow, so not itself.
                .requestMatchers("/api/v1/follows/**", "/api/v1/feed")
                .hasRole(Role.SHOPPER.name())
                .requestMatchers(HttpMethod.GET, "/api/v1/admin/platform-affiliates")
                .hasAnyRole(Role.ADMIN.name(), Role.AUDITOR.name())
                .requestMatchers("/api/v1/admin/**")
                .hasRole(Role.ADMIN.name())
                .requestMatchers("/api/v1/sellers", "/api/v1/sellers/**")
                .hasRole(Role.SELLER.name())
                .requestMatchers("/api/v1/compliance/seller-applications", "/api/v1/compliance/seller-applications/**",
                        "/api/v1/compliance/returns", "/api/v1/compliance/returns/**", "/api/v1/compliance/sellers/**",
                        "/api/v1/compliance/creator-applications", "/api/v1/compliance/creator-applications/**",
                        "/api/v1/compliance/creators/**")
                .hasAnyRole(Role.COMPLIANCE_OFFICER.name(), Role.ADMIN.name())
                .requestMatchers(HttpMethod.GET, "/api/v1/compliance/reports/**", "/api/v1/compliance/decisions",
                        "/api/v1/compliance/decisions/**")
                .hasAnyRole(Role.AUDITOR.name(), Role.ADMIN.name())
                .requestMatchers(PUBLIC_DOCS)
                .permitAll()
                .requestMatchers("/error")
                .permitAll()
                .anyRequest()
                .authenticated())
            .oauth2ResourceServer(resourceServer -> resourceServer
                .jwt(jwt -> jwt.jwtAuthenticationConverter(new LiveAccountCheck(tokens, accounts, clock)))
                .authenticationEntryPoint(unauthorized)
                .accessDeniedHandler(forbidden))
            .exceptionHandling(
                    exceptions -> exceptions.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden));
        return http.build();
    }

    /**
     * The firewall's refusals (a {@code ;}, an encoded {@code /} or dot segment, a
     * non-printable character in the path) as problems; the default would be the
     * container's error page.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemWriter problems) {
        return (request, response, rejected) -> problems.write(request, response, HttpStatus.BAD_REQUEST,
                "INVALID_PATH", "Invalid path", "The path holds characters or segments that no path of this API has.");
    }

    @Bean
    SecretKey jwtSigningKey(Secrets secrets, JwtProperties properties) {
        byte[] key = secrets.key("jwt-hs256", properties.secret(), "MARKETPLACE_JWT_SECRET", 32);
        return new SecretKeySpec(key, "HmacSHA256");
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey jwtSigningKey) {
        return new NimbusJwtEncoder(new ImmutableSecret<SecurityContext>(jwtSigningKey));
    }

    /**
     * Accepts only HS256 tokens signed with our key, with an expiry not yet passed, from
     * our issuer, for our audience.
     */
    @Bean
    JwtDecoder jwtDecoder(SecretKey jwtSigningKey, JwtProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(jwtSigningKey)
            .macAlgorithm(MacAlgorithm.HS256)
            .build();
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                aud -> aud != null && aud.contains(properties.audience()));
        // The default validators check exp and nbf only when present: a token without exp
        // would never expire.
        OAuth2TokenValidator<Jwt> expires = new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()), audience, expires));
        return decoder;
    }

    @Bean
    JwtAuthenticationConverter jwtAuthenticationConverter() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(TokenService.ROLES_CLAIM);
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }

    /**
     * Browsers may call the API only from the configured origins; none by default (CORS
     * closed).
     */
    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsProperties cors) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(cors.allowedOrigins());
        configuration.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        configuration.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "Accept-Language",
                "Idempotency-Key", "X-Request-Id", "X-Access-Reason"));
        configuration.setExposedHeaders(List.of("X-Request-Id", "Retry-After", "Location"));
        configuration.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", configuration);
        return source;
    }

    @ConfigurationProperties("pasar.security.cors")
    record CorsProperties(@DefaultValue List<String> allowedOrigins) {
    }

    /**
     * Spring Security observes nothing of its own: it would time every filter of the
     * chain (about fifteen observations with their tags per request), every
     * authentication and every authorization, which took 28 % of the JVM's time on a
     * listing detail and as much on every other request (docs/performance.md).
     * {@code http_server_requests} still times every request by route and status, so
     * refused tokens and roles show there as 401 and 403.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * BCrypt: slow on purpose, salted, and limited to 72 bytes (account requests check
     * that).
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

}
