package id.pasar.webhooks.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * POSTs one delivery to the address {@link WebhookAddresses} checked, and to no other:
 * the socket connects to that address, TLS names the URL's host (SNI) and checks the
 * certificate against it. The JDK's HttpClient and Spring's RestClient resolve the host
 * again by themselves, which would let DNS rebinding pick another address after the check
 * (ADR 0024). HTTP/1.1, one request per connection, no redirect followed (a 3xx is a
 * failed attempt); only the status line of the answer is read.
 */
@Component
class WebhookSender {

    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] (\\d{3})(?: .*)?");

    private static final int MAX_LINE = 8 * 1024;

    private final SSLSocketFactory tls;

    private final Duration connectTimeout;

    private final Duration readTimeout;

    @Autowired
    WebhookSender(WebhooksProperties properties) throws NoSuchAlgorithmException {
        this(SSLContext.getDefault().getSocketFactory(), properties.connectTimeout(), properties.readTimeout());
    }

    WebhookSender(SSLSocketFactory tls, Duration connectTimeout, Duration readTimeout) {
        this.tls = tls;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /** What one attempt came to: a status code, or an error, and how long it took. */
    record Outcome(Integer statusCode, String error, long durationMs) {

        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }

        static Outcome failed(String error, long durationMs) {
            return new Outcome(null, error, durationMs);
        }

    }

    Outcome post(WebhookAddresses.Target target, Map<String, String> headers, byte[] body) {
        long start = System.nanoTime();
        try (Socket raw = new Socket()) {
            raw.connect(new InetSocketAddress(target.address(), target.port()), (int) connectTimeout.toMillis());
            Socket socket = target.tls() ? handshake(raw, target) : raw;
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            out.write(head(target, headers, body.length).getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            long deadline = System.nanoTime() + readTimeout.toNanos();
            int status = status(socket, deadline);
            return new Outcome(status, null, millisSince(start));
        }
        catch (SocketTimeoutException e) {
            return Outcome.failed("timed out", millisSince(start));
        }
        catch (ConnectException e) {
            return Outcome.failed("connection refused", millisSince(start));
        }
        catch (SSLException e) {
            return Outcome.failed("TLS failed: " + e.getMessage(), millisSince(start));
        }
        catch (IOException | RuntimeException e) {
            return Outcome.failed(e.getClass().getSimpleName() + ": " + e.getMessage(), millisSince(start));
        }
    }

    private Socket handshake(Socket raw, WebhookAddresses.Target target) throws IOException {
        raw.setSoTimeout((int) connectTimeout.toMillis());
        SSLSocket socket = (SSLSocket) tls.createSocket(raw, target.host(), target.port(), true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (!target.host().contains(":") && !target.host().matches("[0-9.]+")) {
            // a name, not an address literal: TLS may send names only
            parameters.setServerNames(List.of(new SNIHostName(target.host())));
        }
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    private static String head(WebhookAddresses.Target target, Map<String, String> headers, int length) {
        StringBuilder head = new StringBuilder();
        head.append("POST ").append(target.requestTarget()).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(target.hostHeader()).append("\r\n");
        head.append("User-Agent: Pasar-Webhooks/1\r\n");
        head.append("Content-Type: application/json\r\n");
        head.append("Content-Length: ").append(length).append("\r\n");
        head.append("Connection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return head.append("\r\n").toString();
    }

    /**
     * The status of the final answer (1xx interim answers skipped), within the deadline
     * however slowly the receiver writes.
     */
    private static int status(Socket socket, long deadline) throws IOException {
        InputStream in = new BufferedInputStream(socket.getInputStream());
        for (int answers = 0; answers < 5; answers++) {
            String line = line(socket, in, deadline);
            Matcher status = STATUS_LINE.matcher(line);
            if (!status.matches()) {
                throw new IOException("not an HTTP/1.1 answer");
            }
            int code = Integer.parseInt(status.group(1));
            if (code >= 200) {
                return code;
            }
            while (!line(socket, in, deadline).isEmpty()) {
                // the interim answer's headers
            }
        }
        throw new IOException("too many interim answers");
    }

    private static String line(Socket socket, InputStream in, long deadline) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new SocketTimeoutException();
            }
            socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
            int c = in.read();
            if (c == -1) {
                throw new IOException("the connection closed before an answer");
            }
            if (c == '\n') {
                int end = line.length() > 0 && line.charAt(line.length() - 1) == '\r' ? line.length() - 1
                        : line.length();
                return line.substring(0, end);
            }
            if (line.length() >= MAX_LINE) {
                throw new IOException("an answer line over " + MAX_LINE + " bytes");
            }
            line.append((char) c);
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

}
