package id.pasar.gateway.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The OpenAPI document at /v3/api-docs (Swagger UI at /swagger-ui.html): the contract of
 * api.md. Its decisions, and the linters' findings that remain, are in docs/openapi.md.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI pasarOpenApi(ObjectProvider<BuildProperties> build) {
        String version = build.getIfAvailable() != null ? build.getIfAvailable().getVersion() : "dev";
        return new OpenAPI().info(new Info().title("Pasar marketplace API")
            .version("v1 (" + version + ")")
            .description("""
                    A domestic-only social-commerce marketplace for Indonesian UMKM. Every seller is a \
                    local business entity or a KTP/passport-verified micro-entrepreneur; no listing is \
                    visible before compliance passes it. Errors are RFC 9457 problems \
                    (application/problem+json) with a stable `code`.""")
            .contact(new Contact().name("Pasar platform team").email("api@pasar.id").url("https://pasar.id/developers"))
            .license(new License().name("Proprietary: clients may be built on this document")
                .url("https://pasar.id/developers/terms")))
            .servers(List.of(
                    new Server().url("https://api.pasar.id")
                        .description("production")
                        .extensions(Map.of("x-internal", false)),
                    new Server().url("https://staging-api.pasar.id")
                        .description("staging")
                        .extensions(Map.of("x-internal", true))))
            .tags(List.of(new Tag().name("shopper").description("Shoppers, and anyone browsing without a token"),
                    new Tag().name("seller").description("Sellers (role SELLER)"),
                    new Tag().name("creator").description("Creators (role CREATOR)"),
                    new Tag().name("officer").description("Compliance officers (COMPLIANCE_OFFICER; ADMIN too)"),
                    new Tag().name("auditor").description("Ministry auditors (AUDITOR; ADMIN too)"),
                    new Tag().name("admin").description("Platform administrators (ADMIN)"),
                    new Tag().name("public").description("No account needed: sign-up, sign-in, gateways' callbacks")))
            .components(new Components().addSecuritySchemes("bearer",
                    new SecurityScheme().type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description("A short-lived JWT (JWS, HS256) from POST /api/v1/auth/token, validated as "
                                + "RFC8725 advises: one algorithm, and issuer, audience and expiry checked")));
    }

    @Bean
    RateLimits openApiRateLimits(List<WebMvcConfigurer> configurers) {
        return new RateLimits(configurers);
    }

    @Bean
    ProblemExamples problemExamples() {
        return ProblemExamples.english();
    }

    @Bean
    OperationDocumentation operationDocumentation(ProblemExamples problemExamples) {
        // Read when the document is first asked for, not at every start.
        return new OperationDocumentation(SingletonSupplier
            .of(() -> Refusals.read(OpenApiConfiguration.class.getClassLoader(), problemExamples.codes())));
    }

    @Bean
    OpenApiDocument openApiDocument(RateLimits openApiRateLimits, WebInvocationPrivilegeEvaluator securityRules,
            ProblemExamples problemExamples) {
        return new OpenApiDocument(openApiRateLimits, new Callers(securityRules), problemExamples, BodyExamples.load());
    }

}
