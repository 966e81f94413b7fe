package id.pasar;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The marketplace: one deployable, many stateless instances on one PostgreSQL
 * (docs/architecture.md).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PasarApplication {

    public static void main(String[] args) {
        SpringApplication.run(PasarApplication.class, args);
    }

}
