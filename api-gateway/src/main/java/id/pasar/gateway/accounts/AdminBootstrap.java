package id.pasar.gateway.accounts;

import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Creates the first ADMIN from {@code MARKETPLACE_ADMIN_EMAIL} and
 * {@code MARKETPLACE_ADMIN_PASSWORD}, once.
 */
@Slf4j
@Component
@RequiredArgsConstructor
class AdminBootstrap implements ApplicationRunner {

    private final Accounts accounts;

    private final AdminProperties admin;

    @Override
    public void run(ApplicationArguments args) {
        if (!StringUtils.hasText(admin.email()) || !StringUtils.hasText(admin.password())) {
            log.info("No first ADMIN configured (MARKETPLACE_ADMIN_EMAIL, MARKETPLACE_ADMIN_PASSWORD)");
            return;
        }
        if (admin.password().length() < 10) {
            throw new IllegalStateException("MARKETPLACE_ADMIN_PASSWORD must have at least 10 characters");
        }
        accounts.ensureAdmin(admin.email(), admin.password());
    }

    @ConfigurationProperties("pasar.admin")
    record AdminProperties(String email, String password) {
    }

}
