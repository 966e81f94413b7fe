package id.pasar.ledger.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Iris signs each notification: header {@code Iris-Signature} = hex SHA-512 of the raw
 * body followed by the merchant key (../shared/design/domain-facts.md §8). Without a
 * merchant key nothing verifies.
 */
@Component
@RequiredArgsConstructor
public class IrisSignature {

    private final PayoutProperties properties;

    /** Compared in constant time. */
    public boolean verifies(String rawBody, String signature) {
        String key = properties.iris().merchantKey();
        if (key == null || key.isBlank() || signature == null || rawBody == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(rawBody, key).getBytes(StandardCharsets.US_ASCII),
                signature.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    static String sign(String rawBody, String key) {
        try {
            return HexFormat.of()
                .formatHex(
                        MessageDigest.getInstance("SHA-512").digest((rawBody + key).getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
