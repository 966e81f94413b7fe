package id.pasar.kernel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * ADR 0015: the kernel stays tiny, with no Spring beans and no domain types; Flyway's
 * migration API only for the base of the modules' batched migrations, Kafka's record and
 * Jackson only for the events' envelope that the modules' consumers read.
 */
class KernelArchitectureTest {

    static final JavaClasses kernel = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("id.pasar.kernel");

    @Test
    void dependsOnlyOnTheJdkAndSpringsHttpTypes() {
        classes().should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("id.pasar.kernel..", "java..", "org.springframework.http..", "org.springframework.web",
                    "org.springframework.lang..", "org.flywaydb.core.api..", "org.apache.kafka.clients.consumer..",
                    "org.apache.kafka.common.header..", "tools.jackson.databind..")
            .check(kernel);
    }

    @Test
    void declaresNoSpringBeans() {
        noClasses().should()
            .beAnnotatedWith("org.springframework.stereotype.Component")
            .orShould()
            .beMetaAnnotatedWith("org.springframework.stereotype.Component")
            .orShould()
            .beAnnotatedWith("org.springframework.context.annotation.Configuration")
            .check(kernel);
    }

}
