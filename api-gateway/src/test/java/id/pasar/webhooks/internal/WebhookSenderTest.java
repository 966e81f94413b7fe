package id.pasar.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/**
 * The sender against sockets that misbehave: no answer within the read timeout, a refused
 * connection, plain HTTP where TLS is expected, a redirect (not followed), an interim
 * answer; and the request it writes. No Spring context.
 */
class WebhookSenderTest {

    final WebhookSender sender;

    WebhookSenderTest() throws Exception {
        sender = new WebhookSender(SSLContext.getDefault(), Duration.ofSeconds(2), Duration.ofMillis(300));
    }

    @Test
    void writesOnePostWithItsHeadersAndBodyAndReadsTheStatus() throws Exception {
        try (ServerSocket server = loopbackServer()) {
            CompletableFuture<String> request = serveOnce(server, "HTTP/1.1 204 No Content\r\n\r\n");
            WebhookSender.Outcome outcome = sender.post(target("http", server, "/hooks?x=1"),
                    Map.of("X-Pasar-Event", "ORDER_PAID"), "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
            assertThat(outcome.statusCode()).isEqualTo(204);
            assertThat(outcome.delivered()).isTrue();
            assertThat(request.get()).startsWith("POST /hooks?x=1 HTTP/1.1\r\n")
                .contains("Host: 127.0.0.1:" + server.getLocalPort() + "\r\n", "Content-Type: application/json\r\n",
                        "Content-Length: 7\r\n", "X-Pasar-Event: ORDER_PAID\r\n")
                .endsWith("\r\n\r\n{\"a\":1}");
        }
    }

    @Test
    void theHostIsReachedAtItsCheckedAddressWithoutAnotherLookup() throws Exception {
        try (ServerSocket server = loopbackServer()) {
            CompletableFuture<String> request = serveOnce(server, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
            // a name no DNS knows, checked at 127.0.0.1: the connection goes there
            WebhookAddresses.Target target = new WebhookAddresses.Target(
                    URI.create("http://hooks.penjual.invalid:" + server.getLocalPort() + "/in"),
                    "hooks.penjual.invalid", server.getLocalPort(), false, InetAddress.getLoopbackAddress());
            assertThat(sender.post(target, Map.of(), new byte[0]).statusCode()).isEqualTo(200);
            assertThat(request.get()).contains("Host: hooks.penjual.invalid:" + server.getLocalPort() + "\r\n");
        }
    }

    @Test
    void aRedirectIsNotFollowedButFailsTheAttempt() throws Exception {
        try (ServerSocket server = loopbackServer()) {
            serveOnce(server, "HTTP/1.1 301 Moved\r\nLocation: http://169.254.169.254/\r\n\r\n");
            WebhookSender.Outcome outcome = sender.post(target("http", server, "/"), Map.of(), new byte[0]);
            assertThat(outcome.statusCode()).isEqualTo(301);
            assertThat(outcome.delivered()).isFalse();
        }
    }

    @Test
    void anInterimAnswerIsSkipped() throws Exception {
        try (ServerSocket server = loopbackServer()) {
            serveOnce(server, "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 500 Oops\r\n\r\n");
            assertThat(sender.post(target("http", server, "/"), Map.of(), new byte[0]).statusCode()).isEqualTo(500);
        }
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeIsATimeout() throws Exception {
        try (ServerSocket server = loopbackServer()) {
            CompletableFuture.runAsync(() -> {
                try (Socket socket = server.accept()) {
                    Thread.sleep(2_000);
                }
                catch (Exception ignored) {
                }
            });
            WebhookSender.Outcome outcome = sender.post(target("http", server, "/"), Map.of(), new byte[0]);
            assertThat(outcome.statusCode()).isNull();
            assertThat(outcome.error()).isEqualTo("timed out");
            assertThat(outcome.durationMs()).isBetween(250L, 1_900L);
        }
    }

    @Test
    void aClosedPortIsRefused() throws Exception {
        int port;
        try (ServerSocket server = loopbackServer()) {
            port = server.getLocalPort();
        }
        WebhookAddresses.Target target = new WebhookAddresses.Target(URI.create("http://127.0.0.1:" + port + "/"),
                "127.0.0.1", port, false, InetAddress.getLoopbackAddress());
        assertThat(sender.post(target, Map.of(), new byte[0]).error()).isEqualTo("connection refused");
    }

    @Test
    void httpsSpeaksTlsAndFailsAgainstAPlainServer() throws Exception {
        try (ServerSocket server = loopbackServer()) {
            serveOnce(server, "HTTP/1.1 200 OK\r\n\r\n");
            WebhookSender.Outcome outcome = sender.post(target("https", server, "/"), Map.of(), new byte[0]);
            assertThat(outcome.delivered()).isFalse();
            assertThat(outcome.statusCode()).isNull();
            assertThat(outcome.error()).isNotBlank();
        }
    }

    private static ServerSocket loopbackServer() throws Exception {
        return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    private static WebhookAddresses.Target target(String scheme, ServerSocket server, String path) {
        return new WebhookAddresses.Target(URI.create(scheme + "://127.0.0.1:" + server.getLocalPort() + path),
                "127.0.0.1", server.getLocalPort(), scheme.equals("https"), InetAddress.getLoopbackAddress());
    }

    /**
     * Accepts one connection, reads the request (head and the body its Content-Length
     * gives), writes the answer; completes with the request as text.
     */
    private static CompletableFuture<String> serveOnce(ServerSocket server, String answer) {
        return CompletableFuture.supplyAsync(() -> {
            try (Socket socket = server.accept()) {
                socket.setSoTimeout(2_000);
                InputStream in = socket.getInputStream();
                ByteArrayOutputStream request = new ByteArrayOutputStream();
                Function<String, Integer> length = head -> {
                    for (String line : head.split("\r\n")) {
                        if (line.toLowerCase().startsWith("content-length:")) {
                            return Integer.parseInt(line.substring(15).trim());
                        }
                    }
                    return 0;
                };
                while (true) {
                    int c = in.read();
                    if (c == -1) {
                        break;
                    }
                    request.write(c);
                    String text = request.toString(StandardCharsets.ISO_8859_1);
                    int end = text.indexOf("\r\n\r\n");
                    if (end >= 0 && text.length() - end - 4 >= length.apply(text.substring(0, end))) {
                        break;
                    }
                }
                OutputStream out = socket.getOutputStream();
                out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                return request.toString(StandardCharsets.ISO_8859_1);
            }
            catch (Exception e) {
                return "failed: " + e;
            }
        });
    }

}
