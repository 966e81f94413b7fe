package id.pasar.gateway.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at /v3/api-docs (Swagger UI at /swagger-ui.html): the contract of
 * api.md.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI pasarOpenApi(ObjectProvider<BuildProperties> build) {
        String version = build.getIfAvailable() != null ? build.getIfAvailable().getVersion() : "dev";
        return new OpenAPI()
            .info(new Info().title("Pasar marketplace API").version("v1 (" + version + ")").description("""
                    A domestic-only social-commerce marketplace for Indonesian UMKM. Every seller is a \
                    local business entity or a KTP/passport-verified micro-entrepreneur; no listing is \
                    visible before compliance passes it. Errors are RFC 9457 problems \
                    (application/problem+json) with a stable `code`."""))
            .components(new Components().addSecuritySchemes("bearer",
                    new SecurityScheme().type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description("A token from POST /api/v1/auth/token")));
    }

}
