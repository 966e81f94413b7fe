package id.pasar.gateway;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the running application as a whole ({@code pasar.*}; application.yml maps the
 * {@code MARKETPLACE_*} environment variables of api.md onto them).
 *
 * @param dataDir where the embedded database and, on the embedded default, generated keys live
 * @param embeddedDatabasePort the fixed port of the embedded PostgreSQL: fixed, so that a server
 *     left running by a killed JVM is found and reused by the next start
 * @param embeddedDatabaseSharedBuffers the embedded PostgreSQL's {@code shared_buffers}: 1 GB holds
 *     the published shelf's heap and indexes at a million listings (docs/performance.md); the
 *     server takes the memory only as it reads pages
 */
@ConfigurationProperties("pasar")
public record PasarProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("54329") int embeddedDatabasePort,
        @DefaultValue("1GB") String embeddedDatabaseSharedBuffers) {
}
