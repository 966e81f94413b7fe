package id.pasar.gateway.database;

import com.zaxxer.hikari.HikariDataSource;
import id.pasar.gateway.PasarProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.datasource.url}, the application starts its own PostgreSQL and
 * pools connections to it. The pool depends on the server, so Spring closes the pool
 * first and then stops the server.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDataSourceConfigured.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "stop")
    EmbeddedDatabase embeddedDatabase(PasarProperties properties) {
        return EmbeddedDatabase.start(properties.dataDir(), properties.embeddedDatabasePort(),
                properties.embeddedDatabaseSharedBuffers());
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedDatabase database) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.jdbcUrl());
        dataSource.setUsername(EmbeddedDatabase.APP_USER);
        dataSource.setPoolName("pasar-embedded");
        return dataSource;
    }

}
