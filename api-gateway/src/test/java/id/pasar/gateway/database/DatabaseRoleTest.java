package id.pasar.gateway.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application runs its queries as the role {@code pasar_app}, which may not rewrite
 * the insert-only tables: the database refuses it for lack of privilege, before any
 * trigger runs (docs/adr/0009-application-database-role.md). The owner migrates.
 */
@IntegrationTest
class DatabaseRoleTest {

    @Autowired
    DataSource dataSource;

    @LocalServerPort
    int port;

    static boolean aDecisionExists;

    @Test
    void theApplicationConnectsAsTheAppRoleAndTheOwnerMigrated() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo("pasar_app");
        assertThat(jdbc.queryForObject("SELECT rolsuper FROM pg_roles WHERE rolname = current_user", Boolean.class))
            .isFalse();
        assertThat(jdbc.queryForObject(
                "SELECT tableowner FROM pg_tables WHERE schemaname = 'compliance' AND tablename = 'decisions'",
                String.class))
            .isEqualTo(TestDatabase.instance().username());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "UPDATE compliance.decisions SET actor = 'rewritten'", "DELETE FROM compliance.decisions",
            "TRUNCATE compliance.decisions", "UPDATE orders.payment_notifications SET outcome = 'rewritten'",
            "DELETE FROM orders.payment_notifications", "DELETE FROM orders.tallied_orders",
            "DROP TRIGGER decisions_append_only ON compliance.decisions",
            "ALTER TABLE compliance.decisions DISABLE TRIGGER USER", "DELETE FROM compliance.flyway_schema_history",
            "UPDATE ledger.entries SET amount_idr = 1", "DELETE FROM ledger.transactions", "TRUNCATE ledger.entries",
            "UPDATE ledger.accounts SET balance_idr = 1000000000", "DELETE FROM ledger.withholdings",
            "UPDATE ledger.fee_rates SET rate_bp = 0", "ALTER TABLE ledger.entries DISABLE TRIGGER USER", })
    void theAppRoleMayNotRewriteTheInsertOnlyTablesNorDisarmTheirTriggers(String statement) throws Exception {
        if (!aDecisionExists) {
            // at least one decision to rewrite
            CatalogFixtures.verifiedSeller(new Api(port));
            aDecisionExists = true;
        }
        try (Connection app = asApp(TestDatabase.instance().jdbcUrl()); Statement sql = app.createStatement()) {
            // should the database allow it after all, nothing is kept
            app.setAutoCommit(false);
            assertThatThrownBy(() -> sql.execute(statement)).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"))
                // The privilege check, not the append-only trigger (whose message says
                // "append-only").
                .hasMessageNotContaining("append-only")
                .satisfiesAnyOf(e -> assertThat(e).hasMessageContaining("permission denied"),
                        e -> assertThat(e).hasMessageContaining("must be owner"));
            app.rollback();
        }
    }

    @Test
    void theAppRoleStillAppendsDecisionsAndWritesItsOtherTables() throws Exception {
        Api api = new Api(port);
        CatalogFixtures.verifiedSeller(api);
        String auditor = api.newStaffAccount("AUDITOR");
        assertThat(api.get("/api/v1/compliance/decisions/verification")
            .bearer(auditor)
            .send()
            .expect(200)
            .json()
            .get("valid")
            .asBoolean()).isTrue();
    }

    private static Connection asApp(String jdbcUrl) throws SQLException {
        TestDatabase database = TestDatabase.instance();
        return DriverManager.getConnection(jdbcUrl, database.appUsername(), database.appPassword());
    }

}
