package id.pasar.gateway.database;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Streaming replicas of the primary that serve anonymous catalog reads
 * ({@code pasar.read-replicas.*}; docs/adr/0033-browsing-on-read-replicas.md). None by
 * default: every query then goes to {@code spring.datasource.url}, as before.
 *
 * @param urls JDBC URLs of the replicas ({@code MARKETPLACE_READ_REPLICA_URLS}, comma
 * separated); empty: no replica
 * @param username the replicas' account; empty: the application's own
 * ({@code spring.datasource.username}), which replication brings to the replicas
 * @param password its password (used only with {@code username})
 * @param maxLag the most a replica may be behind the primary and still serve: a commit on
 * the primary is visible in every replica read that starts this long after it
 * @param checkInterval how often each replica's replayed WAL is compared with the
 * primary's
 * @param maximumPoolSize connections per replica; 0: as many as the primary's pool
 */
@ConfigurationProperties("pasar.read-replicas")
public record ReadReplicaProperties(@DefaultValue List<String> urls, String username, String password,
        @DefaultValue("1s") Duration maxLag, @DefaultValue("200ms") Duration checkInterval,
        @DefaultValue("0") int maximumPoolSize) {

    public ReadReplicaProperties {
        urls = urls == null ? List.of() : urls.stream().map(String::trim).filter(url -> !url.isEmpty()).toList();
    }

}
