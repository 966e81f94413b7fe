package id.pasar.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.http.HttpEntity;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * No two classes that the API takes or answers share a schema name. springdoc names a
 * schema after the class's simple name (or its {@code @Schema(name)}) and keeps the first
 * class of a name it meets, silently: two records called {@code Address} once made
 * {@code POST /orders} document the response's address instead of the request's
 * (docs/openapi.md, "Schema names"). Read from the controllers' signatures, without
 * starting anything.
 */
class SchemaNamesTest {

    @Test
    void everySchemaNameBelongsToOneClass() throws ClassNotFoundException {
        Map<String, Set<String>> classesByName = new TreeMap<>();
        Set<Class<?>> seen = new HashSet<>();
        for (Class<?> controller : controllers()) {
            for (Method method : controller.getDeclaredMethods()) {
                if (!AnnotatedElementUtils.hasAnnotation(method, RequestMapping.class)) {
                    continue;
                }
                visit(ResolvableType.forMethodReturnType(method), classesByName, seen);
                for (int i = 0; i < method.getParameterCount(); i++) {
                    Parameter parameter = method.getParameters()[i];
                    if (parameter.isAnnotationPresent(RequestBody.class)) {
                        visit(ResolvableType.forMethodParameter(method, i), classesByName, seen);
                    }
                }
            }
        }
        assertThat(classesByName).as("schema names of the API's types").isNotEmpty();
        assertThat(classesByName).allSatisfy((name, classes) -> assertThat(classes)
            .as("schema %s is the name of %s: give all but one @Schema(name = ...)", name, classes)
            .hasSize(1));
    }

    private static Set<Class<?>> controllers() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        Set<Class<?>> controllers = new HashSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("id.pasar")) {
            controllers.add(ClassUtils.forName(candidate.getBeanClassName(), SchemaNamesTest.class.getClassLoader()));
        }
        return controllers;
    }

    /** The type, its generics' arguments, and a record's components, down to ours. */
    private static void visit(ResolvableType type, Map<String, Set<String>> classesByName, Set<Class<?>> seen) {
        Class<?> raw = type.resolve();
        if (raw == null) {
            return;
        }
        for (ResolvableType argument : type.getGenerics()) {
            visit(argument, classesByName, seen);
        }
        if (raw.isArray()) {
            visit(type.getComponentType(), classesByName, seen);
            return;
        }
        boolean container = Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)
                || Optional.class.equals(raw) || HttpEntity.class.isAssignableFrom(raw);
        if (container || !raw.getName().startsWith("id.pasar.") || raw.isEnum() || !seen.add(raw)) {
            return;
        }
        if (raw.getTypeParameters().length == 0) {
            Schema schema = raw.getAnnotation(Schema.class);
            String name = schema != null && !schema.name().isEmpty() ? schema.name() : raw.getSimpleName();
            classesByName.computeIfAbsent(name, ignored -> new TreeSet<>()).add(raw.getName());
        }
        if (raw.isRecord()) {
            for (RecordComponent component : raw.getRecordComponents()) {
                visit(ResolvableType.forMethodReturnType(component.getAccessor(), raw), classesByName, seen);
            }
        }
    }

}
