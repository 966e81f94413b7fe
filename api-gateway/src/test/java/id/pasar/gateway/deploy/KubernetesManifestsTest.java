package id.pasar.gateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.BeanDeserializerBuilder;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every manifest of {@code deploy/k8s} parses strictly, and the API's Deployment agrees
 * with the application's own configuration (ADR 0034). Kubernetes' objects go through
 * fabric8's model with unknown fields refused (its {@code additionalProperties} maps,
 * which would swallow a misspelt field, are switched off); the operators' custom
 * resources are validated against the schemas of their vendored CRDs
 * ({@code deploy/k8s/crds}), every object that lists its properties taken as closed, as
 * {@code kubectl apply} with strict field validation does; kustomizations against a
 * schema of the fields they may use. The probes, the port and the shutdown are compared
 * with {@code application.yml}, so a change on either side alone fails here.
 */
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("..", "deploy", "k8s").toAbsolutePath().normalize();

    /** Kubernetes' own kinds the manifests may use, by apiVersion/kind. */
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of("v1/ConfigMap", ConfigMap.class,
            "v1/Service", Service.class, "v1/ServiceAccount", ServiceAccount.class, "apps/v1/Deployment",
            Deployment.class, "batch/v1/Job", Job.class, "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);

    private static final Pattern SECRET_NAME = Pattern.compile(".*(KEY|SECRET|PASSWORD|USERNAME|TOKEN)(_ID)?");

    private static final String KUSTOMIZATION_SCHEMA = """
            {
              "type": "object",
              "additionalProperties": false,
              "required": ["apiVersion", "kind"],
              "properties": {
                "apiVersion": {"enum": ["kustomize.config.k8s.io/v1beta1", "kustomize.config.k8s.io/v1alpha1"]},
                "kind": {"enum": ["Kustomization", "Component"]},
                "namespace": {"type": "string"},
                "resources": {"type": "array", "items": {"type": "string"}},
                "components": {"type": "array", "items": {"type": "string"}},
                "labels": {"type": "array", "items": {
                  "type": "object", "additionalProperties": false, "required": ["pairs"],
                  "properties": {
                    "pairs": {"type": "object", "additionalProperties": {"type": "string"}},
                    "includeSelectors": {"type": "boolean"},
                    "includeTemplates": {"type": "boolean"}}}},
                "images": {"type": "array", "items": {
                  "type": "object", "additionalProperties": false, "required": ["name"],
                  "properties": {
                    "name": {"type": "string"}, "newName": {"type": "string"},
                    "newTag": {"type": "string"}, "digest": {"type": "string"}}}},
                "patches": {"type": "array", "items": {
                  "type": "object", "additionalProperties": false, "required": ["patch", "target"],
                  "properties": {
                    "patch": {"type": "string"},
                    "target": {"type": "object", "additionalProperties": false, "required": ["kind", "name"],
                      "properties": {
                        "group": {"type": "string"}, "version": {"type": "string"},
                        "kind": {"type": "string"}, "name": {"type": "string"}}}}}}
              }
            }""";

    private static final YAMLMapper YAML = YAMLMapper.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();

    /**
     * Binds to fabric8's model refusing what the API server's strict field validation
     * refuses: unknown fields (the any-setter that fills {@code additionalProperties} is
     * removed from every bean) and scalars of the wrong type (a number where a string is
     * due, a string where a number or a boolean is).
     */
    private static final JsonMapper STRICT = JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .addModule(
                new SimpleModule("no-additional-properties").setDeserializerModifier(new ValueDeserializerModifier() {

                    @Override
                    public BeanDeserializerBuilder updateBuilder(DeserializationConfig config,
                            BeanDescription.Supplier description, BeanDeserializerBuilder builder) {
                        builder.setAnySetter(null);
                        return builder;
                    }

                }))
        .withCoercionConfig(LogicalType.Textual,
                (coercion) -> coercion.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        .withCoercionConfig(LogicalType.Integer,
                (coercion) -> coercion.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
        .withCoercionConfig(LogicalType.Boolean,
                (coercion) -> coercion.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
        .build();

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);

    /** The custom resources' schemas, by apiVersion/kind, from the vendored CRDs. */
    private static final Map<String, Schema> CUSTOM_KINDS = new HashMap<>();

    /** The same schemas without their required fields, for the overlays' patches. */
    private static final Map<String, Schema> PATCHES_OF_CUSTOM_KINDS = new HashMap<>();

    private static final Map<Path, List<JsonNode>> DOCUMENTS = new LinkedHashMap<>();

    private static ConfigurableEnvironment application;

    @BeforeAll
    static void readEverything() throws IOException {
        try (Stream<Path> crds = Files.list(K8S.resolve("crds"))) {
            for (Path crd : crds.filter((path) -> path.toString().endsWith(".yaml")).sorted().toList()) {
                for (JsonNode document : documents(crd)) {
                    JsonNode spec = document.path("spec");
                    for (JsonNode version : spec.path("versions")) {
                        if (version.path("served").asBoolean()) {
                            JsonNode schema = closed(version.path("schema").path("openAPIV3Schema").deepCopy());
                            String type = spec.path("group").asString() + "/" + version.path("name").asString() + "/"
                                    + spec.path("names").path("kind").asString();
                            CUSTOM_KINDS.put(type, SCHEMAS.getSchema(schema));
                            PATCHES_OF_CUSTOM_KINDS.put(type, SCHEMAS.getSchema(withoutRequired(schema.deepCopy())));
                        }
                    }
                }
            }
        }
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path file : files.filter((path) -> path.toString().endsWith(".yaml"))
                .filter((path) -> !path.startsWith(K8S.resolve("crds")))
                .sorted()
                .toList()) {
                DOCUMENTS.put(file, documents(file));
            }
        }
        application = new StandardEnvironment();
        application.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        application.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        for (PropertySource<?> source : new YamlPropertySourceLoader().load("application.yml",
                new ClassPathResource("application.yml"))) {
            application.getPropertySources().addLast(source);
        }
    }

    @Test
    void everyManifestParsesStrictly() {
        List<String> problems = new ArrayList<>();
        DOCUMENTS.forEach((file,
                documents) -> documents.forEach((document) -> check(document).stream()
                    .map((problem) -> K8S.relativize(file) + ": " + problem)
                    .forEach(problems::add)));
        assertThat(DOCUMENTS).as("manifests read").hasSizeGreaterThan(10);
        assertThat(problems).isEmpty();
    }

    @Test
    void theStrictParseRefusesWhatTheApiServerWould() {
        assertThat(check(yaml("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers:
                        - name: x
                          livenessProbe: {httpGet: {paht: /actuator/health/liveness, port: 8080}}
                """))).singleElement().asString().contains("paht");
        assertThat(check(yaml("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: x}
                data: {PORT: 8080}
                """))).isNotEmpty();
        assertThat(check(yaml("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: x}
                spec: {instances: 3, storage: {size: 1Gi}, backups: {}}
                """))).singleElement().asString().contains("backups");
        assertThat(check(yaml("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaNodePool
                metadata: {name: x, labelz: {}}
                spec: {replicas: 3, roles: [broker], storage: {type: ephemeral}}
                """))).singleElement().asString().contains("labelz");
        assertThat(check(yaml("""
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resource: [base]
                """))).isNotEmpty();
        assertThat(check(yaml("""
                apiVersion: example.com/v1
                kind: Unknown
                metadata: {name: x}
                """))).singleElement().asString().contains("no model or CRD");
        assertThatThrownBy(() -> documents("a: 1\na: 2\n")).hasMessageContaining("Duplicate");
    }

    @Test
    void theProbesAskTheApplicationsLivenessAndReadinessOnItsPort() {
        assertThat(application.getProperty("management.endpoint.health.probes.enabled", Boolean.class))
            .as("management.endpoint.health.probes.enabled")
            .isTrue();
        assertThat(commaSeparated(application.getProperty("management.endpoints.web.exposure.include", "")))
            .contains("health");
        assertThat(commaSeparated(application.getProperty("management.endpoint.health.group.readiness.include", "")))
            .as("readiness goes DOWN with the database (docs/reliability.md)")
            .contains("db");
        boolean ownPort = application.containsProperty("management.server.port");
        int port = ownPort ? application.getRequiredProperty("management.server.port", Integer.class)
                : application.getProperty("server.port", Integer.class, 8080);
        String health = (ownPort ? application.getProperty("management.server.base-path", "")
                : application.getProperty("server.servlet.context-path", ""))
                + application.getProperty("management.endpoints.web.base-path", "/actuator") + "/"
                + application.getProperty("management.endpoints.web.path-mapping.health", "health");

        Container api = apiContainer();
        assertThat(path(api.getStartupProbe())).isEqualTo(health + "/liveness");
        assertThat(path(api.getLivenessProbe())).isEqualTo(health + "/liveness");
        assertThat(path(api.getReadinessProbe())).isEqualTo(health + "/readiness");
        for (Probe probe : List.of(api.getStartupProbe(), api.getLivenessProbe(), api.getReadinessProbe())) {
            assertThat(containerPort(api, probe.getHttpGet().getPort())).isEqualTo(port);
        }
        Service service = only(Service.class, "pasar-api");
        assertThat(containerPort(api, service.getSpec().getPorts().get(0).getTargetPort()))
            .isEqualTo(application.getProperty("server.port", Integer.class, 8080));
    }

    @Test
    void aStoppingInstanceFinishesItsRequestsWithinTheGracePeriod() {
        assertThat(application.getProperty("server.shutdown")).isEqualTo("graceful");
        Duration phase = DurationStyle
            .detectAndParse(application.getProperty("spring.lifecycle.timeout-per-shutdown-phase", "30s"));
        Container api = apiContainer();
        List<String> preStop = api.getLifecycle().getPreStop().getExec().getCommand();
        assertThat(preStop).hasSize(2).first().isEqualTo("sleep");
        long sleep = Long.parseLong(preStop.get(1));
        assertThat(sleep).as("the load balancers drop the pod first").isPositive();
        assertThat(podSpec(only(Deployment.class, "pasar-api")).getTerminationGracePeriodSeconds())
            .isGreaterThanOrEqualTo(sleep + phase.toSeconds());
    }

    @Test
    void migrationsRunOnceAsTheOwnerAndTheInstancesHoldOnlyTheApplicationsAccount() {
        Job job = only(Job.class, "pasar-migrate");
        Container migrate = podSpec(job).getContainers().get(0);
        Container api = apiContainer();
        assertThat(migrate.getImage()).isEqualTo(api.getImage());
        assertThat(migrate.getCommand()).contains("-Dspring.context.exit=onRefresh")
            .endsWith("-jar", "/app/pasar-api.jar");
        assertThat(migrate.getEnvFrom()).isEqualTo(api.getEnvFrom());
        assertThat(env(migrate)).containsEntry("MARKETPLACE_DB_MIGRATE", "true")
            .containsKeys("MARKETPLACE_DB_OWNER_USERNAME", "MARKETPLACE_DB_OWNER_PASSWORD");
        assertThat(env(api)).containsEntry("MARKETPLACE_DB_MIGRATE", "false")
            .doesNotContainKeys("MARKETPLACE_DB_OWNER_USERNAME", "MARKETPLACE_DB_OWNER_PASSWORD");
        assertThat(secretOf(api, "SPRING_DATASOURCE_USERNAME"))
            .isEqualTo(secretOf(migrate, "SPRING_DATASOURCE_USERNAME"))
            .isNotEqualTo(secretOf(migrate, "MARKETPLACE_DB_OWNER_USERNAME"));
        JsonNode cluster = custom("Cluster", "pasar-db");
        assertThat(cluster.at("/spec/bootstrap/initdb/secret/name").asString())
            .isEqualTo(secretOf(migrate, "MARKETPLACE_DB_OWNER_USERNAME"));
        JsonNode apiRole = cluster.at("/spec/managed/roles")
            .valueStream()
            .filter((role) -> role.path("passwordSecret")
                .path("name")
                .asString()
                .equals(secretOf(api, "SPRING_DATASOURCE_USERNAME")))
            .findFirst()
            .orElseThrow();
        assertThat(apiRole.path("inRoles").valueStream().map(JsonNode::asString)).containsExactly("pasar_app");
        assertThat(DOCUMENTS.get(K8S.resolve("base/kustomization.yaml"))
            .get(0)
            .path("resources")
            .valueStream()
            .map(JsonNode::asString)).as("the job is applied and awaited on its own, before the rollout")
            .noneMatch((resource) -> resource.contains("migrate"));
    }

    @Test
    void secretsAreReferencedNeverWritten() {
        assertThat(
                DOCUMENTS.values().stream().flatMap(List::stream).map((document) -> document.path("kind").asString()))
            .doesNotContain("Secret");
        for (ConfigMap config : all(ConfigMap.class)) {
            assertThat(config.getData().keySet()).noneMatch((name) -> SECRET_NAME.matcher(name).matches());
        }
        for (Container container : List.of(apiContainer(),
                podSpec(only(Job.class, "pasar-migrate")).getContainers().get(0))) {
            for (EnvVar variable : container.getEnv()) {
                if (SECRET_NAME.matcher(variable.getName()).matches()) {
                    assertThat(variable.getValueFrom().getSecretKeyRef()).as(variable.getName()).isNotNull();
                }
            }
        }
    }

    @Test
    void everyVariableSetIsOneTheApplicationReads() throws IOException {
        String config = new ClassPathResource("application.yml").getContentAsString(StandardCharsets.UTF_8);
        Set<String> read = new TreeSet<>();
        Matcher placeholder = Pattern.compile("\\$\\{(MARKETPLACE_[A-Z0-9_]+)").matcher(config);
        while (placeholder.find()) {
            read.add(placeholder.group(1));
        }
        Set<String> set = new TreeSet<>();
        all(ConfigMap.class).forEach((map) -> set.addAll(map.getData().keySet()));
        set.addAll(env(apiContainer()).keySet());
        set.addAll(env(podSpec(only(Job.class, "pasar-migrate")).getContainers().get(0)).keySet());
        assertThat(set.stream().filter((name) -> name.startsWith("MARKETPLACE_"))).isSubsetOf(read);
    }

    @Test
    void theAutoscalerAndTheDisruptionBudgetHoldTheApisPods() {
        Deployment deployment = only(Deployment.class, "pasar-api");
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        assertThat(podLabels).containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
        assertThat(podLabels).containsAllEntriesOf(
                only(PodDisruptionBudget.class, "pasar-api").getSpec().getSelector().getMatchLabels());
        assertThat(podLabels).containsAllEntriesOf(only(Service.class, "pasar-api").getSpec().getSelector());
        HorizontalPodAutoscaler autoscaler = only(HorizontalPodAutoscaler.class, "pasar-api");
        assertThat(autoscaler.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo("pasar-api");
        assertThat(autoscaler.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
        assertThat(apiContainer().getResources().getRequests()).containsKeys("cpu", "memory");
    }

    @Test
    void thePrimaryHasTwoReplicasAndIsBackedUp() {
        JsonNode cluster = custom("Cluster", "pasar-db");
        assertThat(cluster.at("/spec/instances").asInt()).isEqualTo(3);
        JsonNode archiver = cluster.at("/spec/plugins")
            .valueStream()
            .filter((plugin) -> plugin.path("isWALArchiver").asBoolean())
            .findFirst()
            .orElseThrow();
        custom("ObjectStore", archiver.at("/parameters/barmanObjectName").asString());
        JsonNode backup = custom("ScheduledBackup", "pasar-db-daily");
        assertThat(backup.at("/spec/cluster/name").asString()).isEqualTo("pasar-db");
        assertThat(backup.at("/spec/pluginConfiguration/name").asString()).isEqualTo(archiver.path("name").asString());
    }

    @Test
    void everyManifestBelongsToAKustomizationAndEveryReferenceResolves() {
        Set<Path> listed = new TreeSet<>();
        DOCUMENTS.forEach((file, documents) -> {
            if (!file.getFileName().toString().equals("kustomization.yaml")) {
                return;
            }
            for (JsonNode document : documents) {
                for (String field : List.of("resources", "components")) {
                    for (JsonNode entry : document.path(field)) {
                        Path target = file.getParent().resolve(entry.asString()).normalize();
                        assertThat(Files.isRegularFile(target)
                                || Files.isRegularFile(target.resolve("kustomization.yaml")))
                            .as("%s: %s", K8S.relativize(file), entry.asString())
                            .isTrue();
                        listed.add(target);
                    }
                }
            }
        });
        assertThat(DOCUMENTS.keySet()
            .stream()
            .filter((file) -> !file.getFileName().toString().equals("kustomization.yaml"))
            .filter((file) -> !listed.contains(file))
            .map(K8S::relativize)).isEmpty();
    }

    // Parsing

    private static List<String> check(JsonNode document) {
        return check(document, false);
    }

    private static List<String> check(JsonNode document, boolean partial) {
        String kind = document.path("kind").asString();
        if (kind.equals("Kustomization") || kind.equals("Component")) {
            List<String> problems = errors(SCHEMAS.getSchema(YAML.readTree(KUSTOMIZATION_SCHEMA)), document);
            if (kind.equals("Component") && !document.path("apiVersion").asString().endsWith("v1alpha1")) {
                problems.add("a Component is kustomize.config.k8s.io/v1alpha1");
            }
            for (JsonNode patch : document.path("patches")) {
                ObjectNode patched = (ObjectNode) yaml(patch.path("patch").asString());
                String group = patch.path("target").path("group").asString("");
                patched.put("apiVersion",
                        (group.isEmpty() ? "" : group + "/") + patch.path("target").path("version").asString());
                patched.put("kind", patch.path("target").path("kind").asString());
                patched.putObject("metadata").put("name", patch.path("target").path("name").asString());
                check(patched, true)
                    .forEach((problem) -> problems.add("patch of " + patch.path("target") + ": " + problem));
            }
            return problems;
        }
        String type = document.path("apiVersion").asString() + "/" + kind;
        Class<? extends HasMetadata> model = KINDS.get(type);
        if (model != null) {
            try {
                return additionalProperties(STRICT.treeToValue(document, model), kind);
            }
            catch (RuntimeException ex) {
                return new ArrayList<>(List.of(ex.getMessage()));
            }
        }
        Schema schema = (partial ? PATCHES_OF_CUSTOM_KINDS : CUSTOM_KINDS).get(type);
        if (schema == null) {
            return new ArrayList<>(List.of(type + ": no model or CRD for this kind"));
        }
        List<String> problems = errors(schema, document);
        try {
            problems.addAll(
                    additionalProperties(STRICT.treeToValue(document.path("metadata"), ObjectMeta.class), "metadata"));
        }
        catch (RuntimeException ex) {
            problems.add(ex.getMessage());
        }
        return problems;
    }

    private static List<String> errors(Schema schema, JsonNode document) {
        return schema.validate(document).stream().map(Error::toString).collect(Collectors.toCollection(ArrayList::new));
    }

    /**
     * The CRD's schema with every object that lists its properties closed to others,
     * unless it keeps unknown fields on purpose
     * ({@code x-kubernetes-preserve-unknown-fields}).
     */
    private static JsonNode closed(JsonNode schema) {
        if (schema instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
                object.put("additionalProperties", false);
            }
            object.values().forEach(KubernetesManifestsTest::closed);
        }
        else if (schema.isArray()) {
            schema.values().forEach(KubernetesManifestsTest::closed);
        }
        return schema;
    }

    private static JsonNode withoutRequired(JsonNode schema) {
        if (schema instanceof ObjectNode object) {
            object.remove("required");
            object.values().forEach(KubernetesManifestsTest::withoutRequired);
        }
        else if (schema.isArray()) {
            schema.values().forEach(KubernetesManifestsTest::withoutRequired);
        }
        return schema;
    }

    /**
     * Belt and braces: whatever a custom deserializer of the model kept aside is a field
     * the model does not know.
     */
    private static List<String> additionalProperties(Object value, String path) {
        List<String> problems = new ArrayList<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, entry) -> problems.addAll(additionalProperties(entry, path + "." + key)));
        }
        else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                problems.addAll(additionalProperties(list.get(i), path + "[" + i + "]"));
            }
        }
        else if (value != null && value.getClass().getName().startsWith("io.fabric8.")) {
            for (Method getter : value.getClass().getMethods()) {
                if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                        || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                    continue;
                }
                Object property;
                try {
                    property = getter.invoke(value);
                }
                catch (ReflectiveOperationException ex) {
                    throw new IllegalStateException(ex);
                }
                if (getter.getName().equals("getAdditionalProperties")) {
                    if (property instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                        problems.add(path + ": unknown fields " + unknown.keySet());
                    }
                }
                else {
                    problems.addAll(additionalProperties(property, path + "." + getter.getName().substring(3)));
                }
            }
        }
        return problems;
    }

    private static List<JsonNode> documents(Path file) {
        try {
            return documents(Files.readString(file, StandardCharsets.UTF_8));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static List<JsonNode> documents(String text) {
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(text)) {
            return documents.readAll()
                .stream()
                .filter((document) -> document != null && !document.isMissingNode() && !document.isNull())
                .toList();
        }
    }

    private static JsonNode yaml(String text) {
        return documents(text).get(0);
    }

    // The objects

    private static <T extends HasMetadata> List<T> all(Class<T> type) {
        String kind = KINDS.entrySet()
            .stream()
            .filter((entry) -> entry.getValue() == type)
            .findFirst()
            .orElseThrow()
            .getKey();
        return DOCUMENTS.values()
            .stream()
            .flatMap(List::stream)
            .filter((document) -> kind
                .equals(document.path("apiVersion").asString() + "/" + document.path("kind").asString()))
            .map((document) -> STRICT.treeToValue(document, type))
            .toList();
    }

    private static <T extends HasMetadata> T only(Class<T> type, String name) {
        return all(type).stream().filter((object) -> object.getMetadata().getName().equals(name)).reduce((a, b) -> {
            throw new IllegalStateException("two " + type.getSimpleName() + " " + name);
        }).orElseThrow(() -> new IllegalStateException("no " + type.getSimpleName() + " " + name));
    }

    private static JsonNode custom(String kind, String name) {
        return DOCUMENTS.values()
            .stream()
            .flatMap(List::stream)
            .filter((document) -> document.path("kind").asString().equals(kind)
                    && document.at("/metadata/name").asString().equals(name))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no " + kind + " " + name));
    }

    private static PodSpec podSpec(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec();
    }

    private static PodSpec podSpec(Job job) {
        return job.getSpec().getTemplate().getSpec();
    }

    private static Container apiContainer() {
        return podSpec(only(Deployment.class, "pasar-api")).getContainers().get(0);
    }

    private static String path(Probe probe) {
        return probe.getHttpGet().getPath();
    }

    private static int containerPort(Container container, IntOrString port) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return container.getPorts()
            .stream()
            .filter((candidate) -> port.getStrVal().equals(candidate.getName()))
            .map(ContainerPort::getContainerPort)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no container port named " + port.getStrVal()));
    }

    private static Map<String, String> env(Container container) {
        Map<String, String> env = new LinkedHashMap<>();
        container.getEnv().forEach((variable) -> env.put(variable.getName(), variable.getValue()));
        return env;
    }

    private static String secretOf(Container container, String variable) {
        return container.getEnv()
            .stream()
            .filter((candidate) -> candidate.getName().equals(variable))
            .map((candidate) -> candidate.getValueFrom().getSecretKeyRef().getName())
            .findFirst()
            .orElseThrow(() -> new IllegalStateException(variable + " from no secret"));
    }

    private static List<String> commaSeparated(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).toList();
    }

}
