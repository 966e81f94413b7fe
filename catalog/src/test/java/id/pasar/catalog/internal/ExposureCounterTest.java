package id.pasar.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.catalog.ExposureClientKey;
import java.security.SecureRandom;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * Who a client of the exposure count is: an account, else a network; never a header the
 * caller picks.
 */
class ExposureCounterTest {

    final ExposureCounter counter = new ExposureCounter(null, Clock.systemUTC(), new ExposureClientKey(randomKey()),
            true, 60, 1_000);

    @Test
    void anIpv6ClientIsItsSlash64WhateverInterfaceIdentifierItPicks() {
        assertThat(ExposureCounter.network("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).isEqualTo("20010db800010002/64")
            .isEqualTo(ExposureCounter.network("2001:db8:1:2::1"))
            .isEqualTo(ExposureCounter.network("[2001:db8:1:2::99%eth0]"));
        assertThat(ExposureCounter.network("2001:db8:1:3::1")).isEqualTo("20010db800010003/64");
    }

    @Test
    void anIpv4ClientIsItsAddressAndAMappedOneTheSame() {
        assertThat(ExposureCounter.network("192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(ExposureCounter.network("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
    }

    @Test
    void textThatIsNoAddressStaysAsItIsAndIsNeverLookedUp() {
        assertThat(ExposureCounter.network("deadbeef:example")).isEqualTo("deadbeef:example");
        assertThat(ExposureCounter.network("unknown")).isEqualTo("unknown");
        assertThat(ExposureCounter.network(null)).isEqualTo("null");
    }

    @Test
    void anAccountIsOneClientFromAnyAddressAndAnAddressWithoutAnAccountAnother() {
        String account = "7d0f2c8e-6f7b-4c39-9f0e-1b0f3c6f4a11";
        assertThat(counter.viewer(account, "192.0.2.7")).isEqualTo(counter.viewer(account, "198.51.100.1"))
            .isNotEqualTo(counter.viewer(null, "192.0.2.7"))
            .isNotEqualTo(counter.viewer("another", "192.0.2.7"));
        assertThat(counter.viewer(null, "2001:db8::1")).isEqualTo(counter.viewer(null, "2001:db8::2"))
            .isNotEqualTo(counter.viewer(null, "2001:db9::1"));
    }

    @Test
    void theSameCallerIsAnotherClientUnderAnotherKey() {
        ExposureCounter other = new ExposureCounter(null, Clock.systemUTC(), new ExposureClientKey(randomKey()), true,
                60, 1_000);

        assertThat(other.viewer(null, "192.0.2.7")).isNotEqualTo(counter.viewer(null, "192.0.2.7"));
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

}
