package id.pasar;

import static org.assertj.core.api.Assertions.fail;

import com.tngtech.archunit.core.domain.JavaClass;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions;

/**
 * The module diagram that docs/architecture.md links to, generated from the class files
 * by Spring Modulith's {@link Documenter}: a module is a direct subpackage of
 * {@code id.pasar}, an arrow a dependency found in the code ("uses" a type, "listens to"
 * an event). The test fails when the committed {@code docs/modules/components.puml}
 * differs from what the code gives, so a change of the module structure cannot land
 * without its diagram; {@code -Dpasar.docs.write=true} rewrites the file. A new module
 * (the kernel, say) is found by its package alone: run {@link #REGENERATE} and commit. No
 * Spring context: it reads class files only.
 */
class ModuleDiagramTest {

    static final String REGENERATE = "./mvnw -pl api-gateway -am test -Dtest=ModuleDiagramTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dpasar.docs.write=true";

    /** Relative to the module's directory, where Maven runs its tests. */
    static final Path COMMITTED = Path.of("..", "docs", "modules", "components.puml");

    static final Path OUTPUT = Path.of("target", "spring-modulith-docs");

    /**
     * test-support's {@code id.pasar.testing} is on the test class path only: no module
     * of the application.
     */
    static final ApplicationModules modules = ApplicationModules.of(PasarApplication.class,
            JavaClass.Predicates.resideInAPackage("id.pasar.testing.."));

    @Test
    void committedDiagramIsTheOneTheCodeGives() throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(OUTPUT.toString()))
            .writeModulesAsPlantUml(DiagramOptions.defaults().withStyle(DiagramOptions.DiagramStyle.UML));
        String generated = canonical(Files.readString(OUTPUT.resolve("components.puml"), StandardCharsets.UTF_8));

        if (Boolean.getBoolean("pasar.docs.write")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        if (!committed.equals(generated)) {
            fail("the module structure changed: run%n  %s%nand commit docs/modules/components.puml.%n"
                    + "Only in the code:%n%s%nOnly in the committed file:%n%s", REGENERATE,
                    linesMissingFrom(committed, generated), linesMissingFrom(generated, committed));
        }
    }

    /**
     * The dependency rules Modulith checks by itself: no cycle between modules, and no
     * module uses another's types outside its base package (ModularityTest says the same
     * in ArchUnit's words).
     */
    @Test
    void modulesDependOnEachOthersBasePackagesOnlyAndWithoutCycles() {
        modules.verify();
    }

    /**
     * Modulith lists the dependencies in the order its class scan met them, which changes
     * from run to run; each run of module or relationship lines is sorted, so that only a
     * change of the structure changes the file.
     */
    static String canonical(String plantUml) {
        List<String> out = new ArrayList<>();
        List<String> run = new ArrayList<>();
        for (String line : plantUml.split("\n", -1)) {
            if (line.trim().startsWith("component ") || line.contains(" --> ")) {
                run.add(line);
                continue;
            }
            run.sort(null);
            out.addAll(run);
            run.clear();
            out.add(line);
        }
        run.sort(null);
        out.addAll(run);
        return String.join("\n", out);
    }

    static String linesMissingFrom(String text, String other) {
        List<String> lines = new ArrayList<>(other.lines().filter(line -> !line.isBlank()).toList());
        lines.removeAll(text.lines().toList());
        return lines.isEmpty() ? "  (none)" : "  " + String.join("\n  ", lines);
    }

}
