package id.pasar;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Tests log at WARN (test-support's logback-test.xml); a test that reads the log (with
 * {@code OutputCaptureExtension}) needs what the application logs in production, INFO,
 * from the loggers it reads: this raises them for each test and sets them back after it.
 * An instance started inside the test sets up logging anew and drops the raise: start it
 * before (in {@code @BeforeAll}).
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(LogsAtInfo.Raise.class)
public @interface LogsAtInfo {

    /** The loggers (names or packages) to raise; all of them unless given. */
    String[] value() default LoggingSystem.ROOT_LOGGER_NAME;

    class Raise implements BeforeEachCallback, AfterEachCallback {

        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Raise.class);

        @Override
        public void beforeEach(ExtensionContext context) {
            LoggingSystem logging = LoggingSystem.get(Raise.class.getClassLoader());
            Map<String, LogLevel> before = new LinkedHashMap<>();
            for (String logger : loggers(context)) {
                var configuration = logging.getLoggerConfiguration(logger);
                if (configuration == null || configuration.getEffectiveLevel().ordinal() > LogLevel.INFO.ordinal()) {
                    before.put(logger, configuration == null ? null : configuration.getConfiguredLevel());
                    logging.setLogLevel(logger, LogLevel.INFO);
                }
            }
            context.getStore(NAMESPACE).put("before", before);
        }

        @Override
        @SuppressWarnings("unchecked")
        public void afterEach(ExtensionContext context) {
            LoggingSystem logging = LoggingSystem.get(Raise.class.getClassLoader());
            Map<String, LogLevel> before = context.getStore(NAMESPACE).remove("before", Map.class);
            before.forEach(logging::setLogLevel);
        }

        private static String[] loggers(ExtensionContext context) {
            return AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), LogsAtInfo.class)
                .or(() -> AnnotationSupport.findAnnotation(context.getRequiredTestClass(), LogsAtInfo.class))
                .map(LogsAtInfo::value)
                .orElseThrow();
        }

    }

}
