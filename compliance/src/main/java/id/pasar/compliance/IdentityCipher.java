package id.pasar.compliance;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Protects identity numbers (NIK, passport number and MRZ, NIB, NPWP: personal data under
 * UU 27/2022) at rest: AES-256-GCM for what must be read back, and a keyed hash
 * (HMAC-SHA256, a "blind index") to find and compare them without decrypting. Both keys
 * are derived from one master key ({@code MARKETPLACE_IDENTITY_KEY}). A ciphertext starts
 * with a key-version byte, so that the key can be rotated later.
 */
public final class IdentityCipher {

    private static final byte KEY_VERSION = 1;

    private static final int IV_BYTES = 12;

    private static final int TAG_BITS = 128;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec encryptionKey;

    private final SecretKeySpec indexKey;

    public IdentityCipher(byte[] masterKey) {
        if (masterKey.length < 32) {
            throw new IllegalArgumentException("the identity master key needs at least 32 bytes");
        }
        this.encryptionKey = new SecretKeySpec(derive(masterKey, "pasar/identity/encryption/v1"), "AES");
        this.indexKey = new SecretKeySpec(derive(masterKey, "pasar/identity/blind-index/v1"), "HmacSHA256");
    }

    /**
     * @param context what the value is for (e.g. {@code onboarding.sellers.identity});
     * bound to the ciphertext, so that a value cannot be copied into another column and
     * still decrypt
     */
    public byte[] encrypt(String plaintext, String context) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(KEY_VERSION).put(iv).put(sealed).array();
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(byte[] ciphertext, String context) {
        try {
            ByteBuffer buffer = ByteBuffer.wrap(ciphertext);
            if (buffer.get() != KEY_VERSION) {
                throw new IllegalStateException("unknown identity key version");
            }
            byte[] iv = new byte[IV_BYTES];
            buffer.get(iv);
            byte[] sealed = new byte[buffer.remaining()];
            buffer.get(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(sealed), StandardCharsets.UTF_8);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed: wrong key or tampered data", e);
        }
    }

    /**
     * The keyed hash of an identity number of one kind ({@code NIK}, {@code PASSPORT},
     * {@code NIB}, {@code NPWP}). Equal numbers of one kind give equal indexes; without
     * the key nobody can test a guessed number against it.
     */
    public byte[] blindIndex(String kind, String normalizedNumber) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(indexKey);
            return mac.doFinal((kind + ":" + normalizedNumber).getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("blind index failed", e);
        }
    }

    private static byte[] derive(byte[] masterKey, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(masterKey, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

}
