package id.pasar.catalog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The deployment's secret ({@code MARKETPLACE_EXPOSURE_KEY}) for telling the clients of
 * the exposure count apart: the catalog keeps a keyed hash (HMAC-SHA256) of what names a
 * caller, an account or a network address, and never the caller in clear. Without the key
 * no one can tell from a hash which address it was, though IPv4 addresses are few enough
 * to try them all. Whoever configures the application gives the key (the gateway, from
 * its secrets).
 */
public final class ExposureClientKey {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    /**
     * A Mac is not thread-safe and costs a provider lookup to make: one per thread, made
     * once.
     */
    private final ThreadLocal<Mac> macs;

    public ExposureClientKey(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the exposure client key needs at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** The first 64 bits of the keyed hash of {@code caller}. */
    public long hash(String caller) {
        return ByteBuffer.wrap(macs.get().doFinal(caller.getBytes(StandardCharsets.UTF_8))).getLong();
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has HmacSHA256", e);
        }
    }

}
