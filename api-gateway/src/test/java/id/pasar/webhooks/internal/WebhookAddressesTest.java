package id.pasar.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SSRF rules of webhook URLs (ADR 0024), as production runs them
 * ({@code pasar.webhooks.allow-loopback} off): every address a host resolves to must be
 * public, IPv6 forms that carry an IPv4 address are judged by it, and the address handed
 * to the sender is one that was checked. No Spring context; host names resolve through a
 * table.
 */
class WebhookAddressesTest {

    static final Map<String, String[]> DNS = Map.of("toko.example.id", new String[] { "203.0.114.7" },
            "rebind.example.id", new String[] { "93.184.216.34", "10.1.2.3" }, "meta.example.id",
            new String[] { "169.254.169.254" }, "v6.example.id", new String[] { "2606:4700::6810:84e5" }, "localhost",
            new String[] { "127.0.0.1", "::1" });

    final WebhookAddresses production = new WebhookAddresses(false, WebhookAddressesTest::resolve);

    final WebhookAddresses development = new WebhookAddresses(true, WebhookAddressesTest::resolve);

    static InetAddress[] resolve(String host) throws UnknownHostException {
        String[] addresses = DNS.get(host);
        if (addresses == null) {
            // address literals, as the system resolver takes them
            if (!host.matches("[0-9a-fA-F:.]+")) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] { InetAddress.getByName(host) };
        }
        InetAddress[] resolved = new InetAddress[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            resolved[i] = InetAddress.getByAddress(host, InetAddress.getByName(addresses[i]).getAddress());
        }
        return resolved;
    }

    @Test
    void aPublicHttpsUrlIsCalledAtTheAddressThatWasChecked() throws Exception {
        WebhookAddresses.Target target = production.check("https://toko.example.id:8443/hooks/pasar?shop=1");
        assertThat(target.address().getHostAddress()).isEqualTo("203.0.114.7");
        assertThat(target.host()).isEqualTo("toko.example.id");
        assertThat(target.port()).isEqualTo(8443);
        assertThat(target.tls()).isTrue();
        assertThat(target.requestTarget()).isEqualTo("/hooks/pasar?shop=1");
        assertThat(target.hostHeader()).isEqualTo("toko.example.id:8443");
        WebhookAddresses.Target bare = production.check("https://[2606:4700::6810:84e5]");
        assertThat(bare.port()).isEqualTo(443);
        assertThat(bare.requestTarget()).isEqualTo("/");
        assertThat(bare.hostHeader()).isEqualTo("[2606:4700::6810:84e5]");
        assertThat(production.check("HTTPS://v6.example.id/").address().getHostAddress())
            .isEqualTo("2606:4700:0:0:0:0:6810:84e5");
    }

    @ParameterizedTest
    @CsvSource({ "https://127.0.0.1/x, loopback", "https://127.8.9.10/, loopback", "https://[::1]/, loopback",
            "https://localhost/, loopback", "https://169.254.169.254/latest/meta-data, link-local",
            "https://meta.example.id/latest/meta-data, link-local", "https://[fd00:ec2::254]/, private",
            "https://10.0.0.1/, private", "https://172.16.0.1/, private", "https://172.31.255.255/, private",
            "https://192.168.0.10/, private", "https://100.64.0.1/, shared (CGNAT)",
            "https://100.127.255.254/, shared (CGNAT)", "https://0.0.0.0/, unspecified", "https://[::]/, unspecified",
            "https://224.0.0.1/, multicast", "https://[ff02::1]/, multicast", "https://[fe80::1]/, link-local",
            "https://[fc00::1]/, private", "https://[::ffff:127.0.0.1]/, loopback",
            "https://[::ffff:169.254.169.254]/, link-local", "https://[::ffff:10.0.0.1]/, private",
            "https://[64:ff9b::a9fe:a9fe]/, link-local", "https://[2002:a00:1::]/, private",
            "https://[::a00:1]/, private", "https://255.255.255.255/, reserved", "https://192.0.2.1/, reserved",
            "https://rebind.example.id/, private" })
    void aHostWithAnyAddressThatIsNotPublicIsNotAllowed(String url, String kind) {
        assertThatThrownBy(() -> production.check(url)).isInstanceOfSatisfying(WebhookProblems.UrlNotAllowed.class,
                refused -> {
                    assertThat(refused.code()).isEqualTo("WEBHOOK_URL_NOT_ALLOWED");
                    assertThat(refused.getBody().getProperties()).containsEntry("addressKind", kind);
                    assertThat(refused.getStatusCode().value()).isEqualTo(422);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://172.32.0.1/", "https://100.128.0.1/", "https://169.255.0.1/", "https://11.0.0.1/",
            "https://[2606:4700::1]/", "https://192.169.0.1/" })
    void addressesNextToTheRefusedRangesArePublic(String url) {
        assertThat(production.check(url).tls()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({ "http://example.com/, NOT_HTTPS", "http://127.0.0.1:8080/, NOT_HTTPS",
            "ftp://toko.example.id/, NOT_HTTPS", "//toko.example.id/, NOT_HTTPS",
            "https://user:pw@toko.example.id/, USER_INFO", "https://toko.example.id/#top, FRAGMENT",
            "https://no-such-host.invalid/, UNRESOLVABLE", "https:///x, NO_HOST",
            "https://toko.example.id:0/, BAD_PORT", "https://toko.example.id/%zz, MALFORMED",
            "https://toko.example.id/a b, MALFORMED" })
    void aUrlThatIsNotAbsoluteHttpsIsInvalid(String url, String rule) {
        assertThatThrownBy(() -> production.check(url)).isInstanceOfSatisfying(WebhookProblems.UrlInvalid.class,
                refused -> assertThat(refused.getBody().getProperties()).containsEntry("rule", rule));
    }

    @Test
    void aUrlOfMoreThanTwoThousandCharactersIsInvalid() {
        String base = "https://toko.example.id/";
        assertThat(production.check(base + "a".repeat(2000 - base.length())).tls()).isTrue();
        assertThatThrownBy(() -> production.check(base + "a".repeat(2001 - base.length()))).isInstanceOfSatisfying(
                WebhookProblems.UrlInvalid.class,
                refused -> assertThat(refused.getBody().getProperties()).containsEntry("rule", "TOO_LONG"));
    }

    @Test
    void loopbackAndPlainHttpToItOnlyWhenDevelopmentAllowsIt() {
        assertThat(development.check("http://127.0.0.1:8080/hook").tls()).isFalse();
        assertThat(development.check("http://localhost:8080/hook").port()).isEqualTo(8080);
        assertThat(development.check("https://[::1]/hook").tls()).isTrue();
        // the other kinds stay refused, and plain HTTP elsewhere too
        assertThatThrownBy(() -> development.check("https://169.254.169.254/latest/meta-data"))
            .isInstanceOf(WebhookProblems.UrlNotAllowed.class);
        assertThatThrownBy(() -> development.check("https://10.0.0.1/"))
            .isInstanceOf(WebhookProblems.UrlNotAllowed.class);
        assertThatThrownBy(() -> development.check("http://toko.example.id/"))
            .isInstanceOf(WebhookProblems.UrlInvalid.class);
        assertThatThrownBy(() -> production.check("http://localhost:8080/hook"))
            .isInstanceOf(WebhookProblems.UrlInvalid.class);
        assertThatThrownBy(() -> production.check("https://localhost/hook"))
            .isInstanceOf(WebhookProblems.UrlNotAllowed.class);
    }

    @Test
    void backOffDoublesFromAMinuteUpToAnHour() {
        WebhooksProperties properties = new WebhooksProperties(false, Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(24), 100);
        assertThat(properties.backoff(1)).hasMinutes(1);
        assertThat(properties.backoff(2)).hasMinutes(2);
        assertThat(properties.backoff(4)).hasMinutes(8);
        assertThat(properties.backoff(7)).hasMinutes(60);
        assertThat(properties.backoff(40)).hasMinutes(60);
    }

}
