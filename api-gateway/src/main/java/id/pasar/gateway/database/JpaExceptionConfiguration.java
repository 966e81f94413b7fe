package id.pasar.gateway.database;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;

/**
 * A database error met through JPA is translated as the same error met through JDBC is, by Spring's
 * PostgreSQL error codes: a unique violation (SQLSTATE 23505) is a {@code DuplicateKeyException} whether
 * a repository, a JPA transaction's commit or a {@code JdbcClient} met it. Hibernate's own mapping makes
 * every constraint a plain {@code DataIntegrityViolationException}, which left the services that insert
 * through JPA reading SQLSTATEs to tell a race on a unique index from a refused value (a NUL, say).
 */
@Configuration(proxyBeanMethods = false)
class JpaExceptionConfiguration {

    @Bean
    static BeanPostProcessor jdbcErrorCodesForJpa() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HibernateJpaVendorAdapter vendor) {
                    vendor.getJpaDialect().setJdbcExceptionTranslator(new SQLErrorCodeSQLExceptionTranslator("PostgreSQL"));
                }
                return bean;
            }
        };
    }
}
