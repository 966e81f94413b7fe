package id.pasar.gateway.security;

import id.pasar.gateway.PasarProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import lombok.extern.slf4j.Slf4j;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Where the application's keys come from. A key given in configuration (base64) always
 * wins. On the embedded default (no datasource configured) a missing key is generated on
 * first start into {@code <data dir>/keys/} and read from there afterwards, so tokens and
 * encrypted data survive a restart. Against a real database server a missing key is an
 * error: instances sharing that database must share their keys, and a generated one would
 * differ per instance.
 */
@Slf4j
@Component
public class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path keyDirectory;

    private final boolean embeddedDefault;

    Secrets(PasarProperties properties, Environment environment) {
        this.keyDirectory = properties.dataDir().resolve("keys").toAbsolutePath().normalize();
        this.embeddedDefault = !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
    }

    /**
     * The key called {@code name}, from {@code configured} (base64) when given.
     * @param variable the environment variable an operator sets, named in the error when
     * it is missing
     */
    public byte[] key(String name, String configured, String variable, int minimumBytes) {
        byte[] key;
        if (StringUtils.hasText(configured)) {
            try {
                key = Base64.getDecoder().decode(configured.trim());
            }
            catch (IllegalArgumentException e) {
                throw new IllegalStateException(variable + " must be base64", e);
            }
        }
        else if (embeddedDefault) {
            key = generatedKey(name, minimumBytes);
        }
        else {
            throw new IllegalStateException(variable + " is required when a datasource is configured "
                    + "(every instance must share it); generate one with: openssl rand -base64 " + minimumBytes);
        }
        if (key.length < minimumBytes) {
            throw new IllegalStateException(variable + " must hold at least " + minimumBytes + " bytes");
        }
        return key;
    }

    private byte[] generatedKey(String name, int bytes) {
        Path file = keyDirectory.resolve(name + ".key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(keyDirectory);
                byte[] key = new byte[bytes];
                RANDOM.nextBytes(key);
                try {
                    Files
                        .writeString(
                                Files.createFile(file,
                                        PosixFilePermissions
                                            .asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
                                Base64.getEncoder().encodeToString(key));
                    log.info("Generated the {} key into {}", name, file);
                }
                catch (FileAlreadyExistsException raced) {
                    // another start created it first: read theirs
                }
            }
            return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the key file " + file, e);
        }
    }

}
