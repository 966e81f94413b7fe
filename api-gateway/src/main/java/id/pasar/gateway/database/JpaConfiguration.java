package id.pasar.gateway.database;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactories;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactoryBean;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;

/**
 * Two changes to what Spring Boot sets up for JPA, made on its own beans so that its
 * auto-configuration (and the repositories' deferred bootstrap) stays as it is.
 *
 * <p>
 * The repositories' {@code @Query} strings are run as written. By default Spring Data
 * parses each one at start with its own ANTLR grammar of HQL, so that it could add a
 * {@code Sort} or derive a count query for a {@code Pageable}; no repository method here
 * takes either (pages are keyset pages with a {@code Limit}), so that parse bought
 * nothing and cost about a fifth of the start on a cold JIT (docs/performance.md,
 * "Start"). Spring Data's plain enhancer takes its place; Hibernate still parses and
 * checks every query against the entities at start, so a wrong query still stops the
 * application.
 *
 * <p>
 * A database error met through JPA is translated as the same error met through JDBC is,
 * by Spring's PostgreSQL error codes: a unique violation (SQLSTATE 23505) is a
 * {@code DuplicateKeyException} whether a repository, a JPA transaction's commit or a
 * {@code JdbcClient} met it. Hibernate's own mapping makes every constraint a plain
 * {@code DataIntegrityViolationException}, which left the services that insert through
 * JPA reading SQLSTATEs to tell a race on a unique index from a refused value (a NUL,
 * say).
 */
@Configuration(proxyBeanMethods = false)
class JpaConfiguration {

    @Bean
    static BeanPostProcessor jpaAsConfiguredHere() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof JpaRepositoryFactoryBean<?, ?, ?> repositories) {
                    repositories.setQueryEnhancerSelectorSource(query -> QueryEnhancerFactories.fallback());
                }
                else if (bean instanceof HibernateJpaVendorAdapter vendor) {
                    vendor.getJpaDialect()
                        .setJdbcExceptionTranslator(new SQLErrorCodeSQLExceptionTranslator("PostgreSQL"));
                }
                return bean;
            }
        };
    }

}
