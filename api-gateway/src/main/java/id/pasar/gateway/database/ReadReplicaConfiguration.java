package id.pasar.gateway.database;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Browsing on read replicas (docs/adr/0033-browsing-on-read-replicas.md), present only
 * when {@code pasar.read-replicas.urls} names one: the application's {@code DataSource}
 * becomes a {@link ReadRoutingDataSource} around the primary's pool, the replicas get a
 * pool each and a lag checker, and {@link AnonymousCatalogReads} marks the requests that
 * may use them. Migrations, scheduled jobs and every other request stay on the primary.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ReadReplicasConfigured.class)
class ReadReplicaConfiguration implements WebMvcConfigurer {

    /**
     * Wraps the primary's pool where it is made (Spring Boot's, or the embedded
     * database's), so that everything that takes the {@code DataSource} (JPA,
     * {@code JdbcClient}, the outbox, the locks) goes through the router.
     */
    @Bean
    static BeanPostProcessor readRoutingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return "dataSource".equals(beanName) && bean instanceof HikariDataSource primary
                        ? new ReadRoutingDataSource(primary) : bean;
            }
        };
    }

    @Bean(destroyMethod = "close")
    ReadReplicas readReplicas(DataSource dataSource, ReadReplicaProperties properties) throws SQLException {
        if (!(dataSource instanceof ReadRoutingDataSource router)) {
            throw new IllegalStateException("Read replicas need the application's own connection pool (the bean "
                    + "'dataSource', a HikariDataSource); found " + dataSource.getClass().getName());
        }
        ReadReplicas replicas = new ReadReplicas(router.unwrap(HikariDataSource.class), properties);
        router.attach(replicas);
        return replicas;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AnonymousCatalogReads()).addPathPatterns(AnonymousCatalogReads.ROUTES);
    }

    /**
     * {@code pasar.read.replica.lag} (seconds behind the primary, per replica; NaN while
     * unknown) and {@code pasar.read.connections} (connections of anonymous catalog
     * reads, by the server that gave them), besides Hikari's own pool metrics.
     */
    @Bean
    MeterBinder readReplicaMetrics(ReadReplicas replicas) {
        return registry -> {
            for (ReadReplicas.Replica replica : replicas.replicas()) {
                Gauge.builder("pasar.read.replica.lag", replica, r -> {
                    long lag = r.lagNanos(System.nanoTime());
                    return lag == Long.MAX_VALUE ? Double.NaN : lag / 1e9;
                })
                    .tag("replica", String.valueOf(replica.index))
                    .baseUnit("seconds")
                    .description(
                            "How far the replica is behind the primary; over pasar.read-replicas.max-lag it is skipped")
                    .register(registry);
            }
            FunctionCounter.builder("pasar.read.connections", replicas, r -> r.servedByReplicas.sum())
                .tag("server", "replica")
                .description("Connections taken by anonymous catalog reads")
                .register(registry);
            FunctionCounter.builder("pasar.read.connections", replicas, r -> r.servedByPrimary.sum())
                .tag("server", "primary")
                .description("Connections taken by anonymous catalog reads")
                .register(registry);
        };
    }

}
