package id.pasar.webhooks.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which URLs the platform calls (SSRF defence, ADR 0024): an absolute {@code https://}
 * URL of at most 2,000 characters, without user information, whose host resolves only to
 * public addresses. Every address the host resolves to is checked, since a client picks
 * any of them; the caller then connects to the very address that was checked
 * ({@link Target#address()}), so DNS answering differently a moment later (rebinding)
 * changes nothing. Checked at registration and again before every delivery.
 */
@Component
public class WebhookAddresses {

    public static final int MAX_LENGTH = 2000;

    /** How a host name becomes addresses: the system resolver, or a test's. */
    @FunctionalInterface
    interface Resolver {

        InetAddress[] resolve(String host) throws UnknownHostException;

    }

    private final boolean allowLoopback;

    private final Resolver resolver;

    @Autowired
    WebhookAddresses(WebhooksProperties properties) {
        this(properties.allowLoopback(), InetAddress::getAllByName);
    }

    WebhookAddresses(boolean allowLoopback, Resolver resolver) {
        this.allowLoopback = allowLoopback;
        this.resolver = resolver;
    }

    /**
     * Where a delivery goes: the URL's host (for the {@code Host} header, TLS server name
     * and certificate check) and the checked address to connect to.
     */
    public record Target(URI uri, String host, int port, boolean tls, InetAddress address) {

        /** The request target: the path (at least "/") and the query. */
        String requestTarget() {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        }

        /**
         * The {@code Host} header: the host, and the port when it is not the scheme's.
         */
        String hostHeader() {
            String name = host.contains(":") ? "[" + host + "]" : host;
            return uri.getPort() == -1 ? name : name + ":" + port;
        }

    }

    /**
     * The URL's target, its host resolved now.
     * @throws WebhookProblems.UrlInvalid not a URL we call, or a host that does not
     * resolve
     * @throws WebhookProblems.UrlNotAllowed a host with an address we do not call
     */
    public Target check(String url) {
        URI uri = parse(url);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http") && !allowLoopback) {
            throw new WebhookProblems.UrlInvalid("NOT_HTTPS", "The URL must start with https://.");
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        }
        catch (UnknownHostException | SecurityException e) {
            throw new WebhookProblems.UrlInvalid("UNRESOLVABLE", "The host " + host + " does not resolve.");
        }
        if (addresses == null || addresses.length == 0) {
            throw new WebhookProblems.UrlInvalid("UNRESOLVABLE", "The host " + host + " does not resolve.");
        }
        boolean allLoopback = true;
        for (InetAddress address : addresses) {
            String kind = kindOf(address);
            boolean loopback = "loopback".equals(kind);
            allLoopback &= loopback;
            if (kind != null && !(loopback && allowLoopback)) {
                throw new WebhookProblems.UrlNotAllowed(kind, "The host " + host + " resolves to a " + kind
                        + " address; webhooks go to public addresses only.");
            }
        }
        if (scheme.equals("http") && !(allowLoopback && allLoopback)) {
            throw new WebhookProblems.UrlInvalid("NOT_HTTPS", "The URL must start with https://.");
        }
        boolean tls = scheme.equals("https");
        int port = uri.getPort() != -1 ? uri.getPort() : tls ? 443 : 80;
        return new Target(uri, host, port, tls, addresses[0]);
    }

    /** The URL's form, before any lookup. */
    private static URI parse(String url) {
        if (url == null) {
            throw new WebhookProblems.UrlInvalid("MALFORMED", "The URL is not well formed.");
        }
        if (url.length() > MAX_LENGTH) {
            throw new WebhookProblems.UrlInvalid("TOO_LONG", "The URL may have at most " + MAX_LENGTH + " characters.");
        }
        if (!url.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new WebhookProblems.UrlInvalid("NOT_ASCII",
                    "The URL may hold printable ASCII only: percent-encode the rest, host names in punycode.");
        }
        URI uri;
        try {
            uri = new URI(url);
        }
        catch (URISyntaxException e) {
            throw new WebhookProblems.UrlInvalid("MALFORMED", "The URL is not well formed.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new WebhookProblems.UrlInvalid("NOT_HTTPS", "The URL must start with https://.");
        }
        if (uri.getRawUserInfo() != null) {
            throw new WebhookProblems.UrlInvalid("USER_INFO", "The URL may not hold a user name or password.");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new WebhookProblems.UrlInvalid("NO_HOST", "The URL must name a host.");
        }
        if (uri.getPort() == 0) {
            throw new WebhookProblems.UrlInvalid("BAD_PORT", "The URL's port must be 1-65535.");
        }
        if (uri.getRawFragment() != null) {
            throw new WebhookProblems.UrlInvalid("FRAGMENT", "The URL may not have a fragment (#...).");
        }
        return uri;
    }

    /**
     * What kind of address this is when the platform does not call it, else null (a
     * public address). IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64,
     * 6to4) are judged by that address.
     */
    static String kindOf(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return kindOfIpv4(b);
        }
        if (!(address instanceof Inet6Address) || b.length != 16) {
            return "unknown";
        }
        if (zero(b, 0, 10)) {
            if ((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                return kindOfIpv4(Arrays.copyOfRange(b, 12, 16));
            }
            if (zero(b, 10, 12)) {
                if (zero(b, 12, 15) && (b[15] == 0 || b[15] == 1)) {
                    return b[15] == 0 ? "unspecified" : "loopback";
                }
                // IPv4-compatible (::a.b.c.d, deprecated)
                return kindOfIpv4(Arrays.copyOfRange(b, 12, 16));
            }
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0x00 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            // NAT64: 64:ff9b::/96 carries an IPv4 address; 64:ff9b:1::/48 is for local
            // use
            return zero(b, 4, 12) ? kindOfIpv4(Arrays.copyOfRange(b, 12, 16)) : "private";
        }
        if (first == 0x20 && second == 0x02) {
            // 6to4: 2002:a.b.c.d::/48
            return kindOfIpv4(Arrays.copyOfRange(b, 2, 6));
        }
        if ((first & 0xfe) == 0xfc) {
            return "private"; // fc00::/7, unique local (fd00:ec2::254 is a cloud metadata
                              // service)
        }
        if (first == 0xfe && (second & 0xc0) == 0x80) {
            return "link-local"; // fe80::/10
        }
        if (first == 0xfe && (second & 0xc0) == 0xc0) {
            return "private"; // fec0::/10, site-local (deprecated)
        }
        if (first == 0xff) {
            return "multicast";
        }
        if (first == 0x20 && second == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
            return "reserved"; // 2001:db8::/32, documentation
        }
        if (first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0) {
            return "reserved"; // 2001::/32, Teredo: carries an obfuscated IPv4 address
        }
        if (first == 0x01 && second == 0x00 && zero(b, 2, 8)) {
            return "reserved"; // 100::/64, discard only
        }
        return null;
    }

    private static String kindOfIpv4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        if (a0 == 0) {
            return "unspecified"; // 0.0.0.0/8: "this network", reaches the host itself
        }
        if (a0 == 127) {
            return "loopback";
        }
        if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) {
            return "private";
        }
        if (a0 == 169 && a1 == 254) {
            return "link-local"; // 169.254.169.254 is the cloud metadata service
        }
        if (a0 == 100 && (a1 & 0xc0) == 64) {
            return "shared (CGNAT)";
        }
        if ((a0 & 0xf0) == 224) {
            return "multicast";
        }
        if ((a0 & 0xf0) == 240) {
            return "reserved"; // 240.0.0.0/4 and the broadcast address
        }
        if ((a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2)) || (a0 == 198 && (a1 & 0xfe) == 18)
                || (a0 == 198 && a1 == 51 && a2 == 100) || (a0 == 203 && a1 == 0 && a2 == 113)) {
            return "reserved"; // protocol assignments, documentation, benchmarking
        }
        return null;
    }

    private static boolean zero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

}
