package id.pasar.social;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The deployment's key for affiliate references: an {@code affiliateRef} names the
 * creator, the listing, the post it was shown in (none: the creator's showcase) and when
 * it was shown, signed (HMAC-SHA256, 128 bits kept) so that a client can carry it to the
 * order but cannot make one up or move it to another listing or creator. Whoever
 * configures the application gives the key (the gateway derives it from its secrets).
 */
public final class AffiliateRefKey {

    private static final String ALGORITHM = "HmacSHA256";

    private static final String VERSION = "r1";

    private static final int PAYLOAD_BYTES = 16 * 3 + 8;

    private static final int MAC_BYTES = 16;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private static final UUID NONE = new UUID(0, 0);

    /** The longest reference this key makes: what a request may carry. */
    public static final int MAX_LENGTH = 120;

    private final SecretKeySpec key;

    public AffiliateRefKey(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the affiliate reference key needs at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /**
     * What a reference says.
     *
     * @param postId the post it was shown in; null for the creator's showcase
     * @param shownAt when the platform showed it: the touch's time
     */
    public record Ref(UUID creatorId, UUID listingId, UUID postId, Instant shownAt) {
    }

    public String sign(Ref ref) {
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD_BYTES);
        put(payload, ref.creatorId());
        put(payload, ref.listingId());
        put(payload, ref.postId() == null ? NONE : ref.postId());
        payload.putLong(ref.shownAt().getEpochSecond());
        byte[] bytes = payload.array();
        return VERSION + "." + ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes));
    }

    /**
     * What {@code text} says, or empty when this key did not sign it (or it is no
     * reference at all).
     */
    public Optional<Ref> verify(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] mac;
        try {
            payload = DECODER.decode(parts[1]);
            mac = DECODER.decode(parts[2]);
        }
        catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (payload.length != PAYLOAD_BYTES || !MessageDigest.isEqual(mac, mac(payload))) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        UUID creator = new UUID(buffer.getLong(), buffer.getLong());
        UUID listing = new UUID(buffer.getLong(), buffer.getLong());
        UUID post = new UUID(buffer.getLong(), buffer.getLong());
        return Optional
            .of(new Ref(creator, listing, NONE.equals(post) ? null : post, Instant.ofEpochSecond(buffer.getLong())));
    }

    private static void put(ByteBuffer buffer, UUID id) {
        buffer.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(payload), MAC_BYTES);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has HmacSHA256", e);
        }
    }

}
