package id.pasar.webhooks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A seller's endpoint for tests: a JDK HTTP server on 127.0.0.1 that keeps every request
 * it is sent and answers with the statuses it is told to, one per request, then 200.
 */
final class Receiver implements AutoCloseable {

    /** A request as it arrived: its headers (names lower-case) and its body's bytes. */
    record Received(String method, String path, Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name.toLowerCase());
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;

    private final List<Received> received = new CopyOnWriteArrayList<>();

    private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();

    Receiver(Integer... answers) {
        this.answers.addAll(List.of(answers));
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers, body));
            Integer status = this.answers.poll();
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        server.start();
    }

    /** The endpoint's URL: plain HTTP on 127.0.0.1, allowed in tests only. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/pasar?shop=1";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }

}
