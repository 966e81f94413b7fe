package id.pasar.testing;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring test context at the JVM's {@link TestDatabase}: add it with
 * {@code @ContextConfiguration(initializers = PostgresTestInitializer.class)}. The
 * application connects as the account with the role {@code pasar_app} and migrates as the
 * superuser, as a deployment with two accounts does.
 */
public class PostgresTestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabase database = TestDatabase.instance();
        context.getEnvironment()
            .getPropertySources()
            .addFirst(new MapPropertySource("pasar-test-database",
                    Map.of("spring.datasource.url", database.jdbcUrl(), "spring.datasource.username",
                            database.appUsername(), "spring.datasource.password", database.appPassword(),
                            "pasar.database.owner-username", database.username(), "pasar.database.owner-password",
                            database.password())));
    }

}
