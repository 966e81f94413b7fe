package id.pasar.webhooks.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * POSTs one delivery to the address {@link WebhookAddresses} checked, and to no other:
 * Apache HttpClient resolves the URL's host through a resolver that knows only that
 * address, so DNS rebinding cannot pick another after the check (ADR 0024); TLS names the
 * URL's host (SNI) and checks the certificate against it (the client's default hostname
 * verification). One request per client, no redirect followed (a 3xx is a failed
 * attempt), no retry (the delivery's back-off retries), the answer's body not read, and
 * the whole attempt cut off after the connect and read timeouts together however slowly
 * the receiver writes.
 */
@Component
class WebhookSender {

    private final SSLContext tls;

    private final Duration connectTimeout;

    private final Duration readTimeout;

    @Autowired
    WebhookSender(WebhooksProperties properties) throws NoSuchAlgorithmException {
        this(SSLContext.getDefault(), properties.connectTimeout(), properties.readTimeout());
    }

    WebhookSender(SSLContext tls, Duration connectTimeout, Duration readTimeout) {
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
        HttpPost post = new HttpPost(target.uri());
        post.setHeader("User-Agent", "Pasar-Webhooks/1");
        headers.forEach(post::setHeader);
        // JSON is UTF-8 by definition (RFC 8259): no charset parameter.
        post.setEntity(new ByteArrayEntity(body, ContentType.create("application/json")));
        post.setConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(readTimeout)).build());
        CompletableFuture.delayedExecutor(connectTimeout.plus(readTimeout).toMillis(), TimeUnit.MILLISECONDS)
            .execute(post::cancel);
        try (CloseableHttpClient client = client(target)) {
            int status = client.execute(post, response -> response.getCode());
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
            return post.isCancelled() ? Outcome.failed("timed out", millisSince(start))
                    : Outcome.failed(e.getClass().getSimpleName() + ": " + e.getMessage(), millisSince(start));
        }
    }

    /**
     * A client for one attempt, whose only known host is the target's, at its checked
     * address.
     */
    private CloseableHttpClient client(WebhookAddresses.Target target) {
        DnsResolver pinned = new DnsResolver() {

            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
                if (!bare.equalsIgnoreCase(target.host())) {
                    throw new UnknownHostException(host + " is not the checked host");
                }
                return new InetAddress[] { target.address() };
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }

        };
        return HttpClients.custom()
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(pinned)
                .setTlsSocketStrategy(new DefaultClientTlsStrategy(tls))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                    .setConnectTimeout(Timeout.of(connectTimeout))
                    .setSocketTimeout(Timeout.of(readTimeout))
                    .build())
                .build())
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableContentCompression()
            .build();
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

}
