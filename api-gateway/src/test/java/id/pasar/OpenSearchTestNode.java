package id.pasar;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One real OpenSearch node per test JVM, started by the first test that asks for it and
 * stopped when the JVM exits: the {@code opensearch-node} module's launcher in a JVM of
 * its own, on exactly the jars OpenSearch 2.19 declares (its classpath is a resource of
 * that module), with a random free port and a temporary home. Nothing to install or start
 * by hand; about 6 to 15 s on 2 cores. The node also stops when this JVM dies without
 * running its hooks: it ends when its standard input does.
 */
public final class OpenSearchTestNode {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String url;

    private OpenSearchTestNode() {
    }

    /** The node's HTTP URL, starting it first if needed. */
    public static synchronized String url() {
        if (url == null) {
            url = start();
        }
        return url;
    }

    /**
     * A request to the node ({@code path} from its root), as a test asks the index
     * itself.
     * @return the response's body
     */
    public static String http(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path))
            .header("Content-Type", "application/json")
            .method(method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The listings whose title holds {@code word} in the index behind {@code alias}, as
     * the index has them once refreshed.
     */
    public static List<String> idsTitled(String alias, String word) {
        http("POST", "/" + alias + "/_refresh", null);
        JsonNode hits = JSON
            .readTree(http("POST", "/" + alias + "/_search",
                    "{\"query\":{\"match\":{\"title\":\"" + word + "\"}},\"_source\":false}"))
            .path("hits")
            .path("hits");
        List<String> ids = new ArrayList<>();
        hits.forEach(hit -> ids.add(hit.path("_id").asString()));
        return ids;
    }

    private static String start() {
        try {
            URL classpath = OpenSearchTestNode.class.getClassLoader().getResource("opensearch-node.classpath");
            if (classpath == null) {
                throw new IllegalStateException("opensearch-node.classpath is not on the test classpath: "
                        + "build with -pl api-gateway -am, which builds tools/opensearch-node");
            }
            String launcher = launcherLocation(classpath);
            String jars;
            try (InputStream in = classpath.openStream()) {
                jars = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            }
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path home = Files.createTempDirectory("pasar-opensearch-");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process node = new ProcessBuilder(java, "-Xms256m", "-Xmx512m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-cp", launcher + File.pathSeparator + jars,
                    "id.pasar.searchnode.OpenSearchNode", String.valueOf(port), home.toString())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("node.log").toFile())
                .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(node, home), "opensearch-test-node-stop"));
            String address = "http://127.0.0.1:" + port;
            awaitGreen(address, node, home);
            return address;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The launcher's jar or classes directory: where the classpath resource lies. */
    private static String launcherLocation(URL classpath) {
        String location = classpath.toString();
        if (location.startsWith("jar:")) {
            return Path.of(URI.create(location.substring(4, location.indexOf("!/")))).toString();
        }
        return Path.of(URI.create(location)).getParent().toString();
    }

    private static void awaitGreen(String address, Process node, Path home) throws IOException {
        try {
            Awaitility.await()
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> green(address, node, home));
        }
        catch (ConditionTimeoutException e) {
            node.destroyForcibly();
            throw new IllegalStateException(
                    "the OpenSearch node did not start within 2 minutes: " + Files.readString(home.resolve("node.log")),
                    e);
        }
    }

    private static boolean green(String address, Process node, Path home) throws IOException {
        if (!node.isAlive()) {
            throw new IllegalStateException(
                    "the OpenSearch node stopped: " + Files.readString(home.resolve("node.log")));
        }
        try {
            HttpURLConnection health = (HttpURLConnection) URI
                .create(address + "/_cluster/health?wait_for_status=green&timeout=1s")
                .toURL()
                .openConnection();
            health.setConnectTimeout(1000);
            health.setReadTimeout(5000);
            return health.getResponseCode() == 200;
        }
        catch (IOException e) {
            // not listening yet
            return false;
        }
    }

    private static void stop(Process node, Path home) {
        node.destroy();
        try {
            node.waitFor();
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        catch (InterruptedException | IOException e) {
            // a temporary directory left behind
        }
    }

}
