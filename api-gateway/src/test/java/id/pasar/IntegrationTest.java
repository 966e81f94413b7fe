package id.pasar;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port, against the JVM's one real PostgreSQL
 * (Testcontainers or embedded, see test-support). Every class with this annotation and no
 * other configuration shares one Spring context, so the suite starts the application
 * once. Tagged {@value #TAG}, so that {@code -DexcludedGroups=application} leaves these
 * out for the quickest feedback (units and web slices only: docs/contributing.md).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = PasarApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestApplicationInitializer.class)
@Import(TestIdentityRegistry.class)
@Tag(IntegrationTest.TAG)
public @interface IntegrationTest {

    String TAG = "application";

}
