package id.pasar.gateway.security;

import id.pasar.catalog.ExposureClientKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key of the exposure count's client hashes ({@code MARKETPLACE_EXPOSURE_KEY}), like the other
 * keys: generated into the data directory on the embedded default, required with a datasource.
 */
@Configuration(proxyBeanMethods = false)
class ExposureKeyConfiguration {

    @Bean
    ExposureClientKey exposureClientKey(Secrets secrets, @Value("${pasar.security.exposure-key:}") String configured) {
        return new ExposureClientKey(secrets.key("exposure-client", configured, "MARKETPLACE_EXPOSURE_KEY", 32));
    }
}
