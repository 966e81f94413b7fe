package id.pasar.catalog.internal;

import java.time.Duration;
import lombok.extern.slf4j.Slf4j;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The OpenSearch search backend, on when {@code pasar.search.backend=opensearch}
 * ({@code MARKETPLACE_SEARCH_BACKEND}) with the node's URL in
 * {@code pasar.search.opensearch.url} ({@code MARKETPLACE_OPENSEARCH_URL}); otherwise
 * none of these beans exist and search is PostgreSQL's alone (ADR 0032, docs/search.md).
 *
 * <p>
 * At start the index is created and filled if the alias does not exist yet (a new
 * cluster). {@code --reindex-search} on the command line rebuilds it from the shelf and
 * exits.
 */
@Slf4j
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "pasar.search.backend", havingValue = "opensearch")
class OpenSearchBackend {

    @Bean
    OpenSearchIndex openSearchIndex(@Value("${pasar.search.opensearch.url:}") String url,
            @Value("${pasar.search.opensearch.index:pasar-listings}") String alias,
            @Value("${pasar.search.opensearch.timeout:PT5S}") Duration timeout) {
        if (url == null || url.isBlank()) {
            throw new IllegalStateException(
                    "pasar.search.backend=opensearch needs pasar.search.opensearch.url (MARKETPLACE_OPENSEARCH_URL)");
        }
        return new OpenSearchIndex(url, alias, timeout);
    }

    /**
     * Fed by the commits of this process, or with Kafka on by {@code pasar.listings}
     * ({@link SearchIndexConsumer}).
     */
    @Bean
    IndexedListings indexedListings(JdbcClient jdbc, OpenSearchIndex index, LockProvider locks,
            @Value("${pasar.kafka.bootstrap-servers:}") String kafka) {
        return new IndexedListings(jdbc, index, new DefaultLockingTaskExecutor(locks), !kafka.isBlank());
    }

    @Bean
    @ConditionalOnExpression("'${pasar.kafka.bootstrap-servers:}' != ''")
    SearchIndexConsumer searchIndexConsumer(IndexedListings listings) {
        return new SearchIndexConsumer(listings);
    }

    @Bean
    IndexedSearch indexedSearch(OpenSearchIndex index) {
        return new IndexedSearch(index);
    }

    /**
     * Fills a new cluster's index at start; rebuilds it and exits on
     * {@code --reindex-search}.
     */
    @Bean
    ApplicationRunner searchIndexAtStart(IndexedListings listings, ApplicationContext context) {
        return (ApplicationArguments arguments) -> {
            if (arguments.containsOption("reindex-search")) {
                long indexed = listings.rebuild();
                log.warn("Search index rebuilt with {} published listings (--reindex-search); exiting", indexed);
                System.exit(SpringApplication.exit(context, () -> 0));
            }
            try {
                listings.ensureIndex();
            }
            catch (RuntimeException e) {
                // Searches fall back to PostgreSQL while the node does not answer; a new
                // cluster's index is then built by --reindex-search or the next start.
                log.warn("The search index could not be checked at start; PostgreSQL ranks text searches "
                        + "until it answers: {}", e.toString());
            }
        };
    }

}
