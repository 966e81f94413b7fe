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
 */
@ConfigurationProperties("pasar")
public record PasarProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("54329") int embeddedDatabasePort) {
}
