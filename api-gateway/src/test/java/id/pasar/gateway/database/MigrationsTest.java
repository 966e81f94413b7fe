package id.pasar.gateway.database;

import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.IntegrationTest;
import id.pasar.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@IntegrationTest
class MigrationsTest {

    @Autowired
    ApplicationContext context;

    @Test
    void everyModuleSchemaIsMigratedByItsOwnFlywayHistory() throws Exception {
        try (Connection connection = TestDatabase.instance().connect()) {
            for (String schema : ModuleMigrations.SCHEMAS) {
                try (PreparedStatement select = connection.prepareStatement("SELECT count(*), bool_and(success) FROM "
                        + schema + ".flyway_schema_history WHERE version IS NOT NULL");
                        ResultSet result = select.executeQuery()) {
                    result.next();
                    assertThat(result.getInt(1)).as("migrations applied in %s", schema).isPositive();
                    assertThat(result.getBoolean(2)).as("all succeeded in %s", schema).isTrue();
                }
            }
        }
    }

    @Test
    void aConfiguredDatasourceStartsNoEmbeddedServer() {
        assertThat(context.getBeansOfType(EmbeddedDatabase.class)).isEmpty();
    }

}
