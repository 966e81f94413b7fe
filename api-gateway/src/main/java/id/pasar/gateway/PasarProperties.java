package id.pasar.gateway;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the running application as a whole ({@code pasar.*}; application.yml maps
 * the {@code MARKETPLACE_*} environment variables of api.md onto them).
 *
 * @param dataDir where the embedded database and, on the embedded default, generated keys
 * live
 * @param embeddedDatabasePort the port a newly started embedded PostgreSQL takes when
 * nothing listens on it; otherwise it takes a free one. A server left running by a killed
 * JVM is found through its data directory's {@code postmaster.pid}, on the port recorded
 * there (ADR 0020)
 * @param embeddedDatabaseSharedBuffers the embedded PostgreSQL's {@code shared_buffers}:
 * 1 GB holds the published shelf's heap and indexes at a million listings
 * (docs/performance.md); the server takes the memory only as it reads pages
 */
@ConfigurationProperties("pasar")
public record PasarProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("54329") int embeddedDatabasePort,
        @DefaultValue("1GB") String embeddedDatabaseSharedBuffers) {
}
