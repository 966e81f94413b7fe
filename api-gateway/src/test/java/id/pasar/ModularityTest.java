package id.pasar;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The module rules of style.md, over the production classes of every module: a module's
 * base package is its API; {@code internal} and {@code web} are its own.
 */
class ModularityTest {

    static final JavaClasses classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("id.pasar");

    @ParameterizedTest
    @ValueSource(strings = { "onboarding", "catalog", "orders", "ledger", "compliance", "gateway", "webhooks", "media",
            "social" })
    void noModuleReachesIntoAnothersInternals(String module) {
        noClasses().that()
            .resideOutsideOfPackage("id.pasar." + module + "..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("id.pasar." + module + ".internal..", "id.pasar." + module + ".web..")
            .allowEmptyShould(true)
            .check(classes);
    }

    @Test
    void complianceDependsOnNoOtherModule() {
        noClasses().that()
            .resideInAPackage("id.pasar.compliance..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("id.pasar.onboarding..", "id.pasar.catalog..", "id.pasar.orders..", "id.pasar.ledger..",
                    "id.pasar.webhooks..", "id.pasar.media..", "id.pasar.social..", "id.pasar.gateway..")
            .check(classes);
    }

    /** Media serves any module (listings now, posts later) and so uses none of them. */
    @Test
    void mediaDependsOnNoDomainModule() {
        noClasses().that()
            .resideInAPackage("id.pasar.media..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("id.pasar.onboarding..", "id.pasar.catalog..", "id.pasar.orders..", "id.pasar.ledger..",
                    "id.pasar.compliance..", "id.pasar.webhooks..", "id.pasar.social..", "id.pasar.gateway..")
            .check(classes);
    }

    @Test
    void domainModulesDoNotDependOnTheGateway() {
        noClasses().that()
            .resideInAnyPackage("id.pasar.onboarding..", "id.pasar.catalog..", "id.pasar.orders..", "id.pasar.ledger..",
                    "id.pasar.compliance..", "id.pasar.webhooks..", "id.pasar.media..", "id.pasar.social..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("id.pasar.gateway..")
            .check(classes);
    }

}
