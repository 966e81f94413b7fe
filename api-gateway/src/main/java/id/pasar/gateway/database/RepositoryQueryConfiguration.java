package id.pasar.gateway.database;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactories;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactoryBean;

/**
 * The repositories' {@code @Query} strings are run as written. By default Spring Data parses each one at start with
 * its own ANTLR grammar of HQL, so that it could add a {@code Sort} or derive a count query for a {@code Pageable};
 * no repository method here takes either (pages are keyset pages with a {@code Limit}), so that parse bought nothing
 * and cost about a fifth of the start on a cold JIT (docs/performance.md, "Start"). Spring Data's plain enhancer
 * takes its place; Hibernate still parses and checks every query against the entities at start, so a wrong query
 * still stops the application.
 */
@Configuration(proxyBeanMethods = false)
class RepositoryQueryConfiguration {

    @Bean
    static BeanPostProcessor declaredQueriesAsWritten() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof JpaRepositoryFactoryBean<?, ?, ?> repositories) {
                    repositories.setQueryEnhancerSelectorSource(query -> QueryEnhancerFactories.fallback());
                }
                return bean;
            }
        };
    }
}
