package id.pasar.faults;

import static id.pasar.orders.OrderFixtures.listingWithStock;
import static id.pasar.orders.OrderFixtures.order;
import static id.pasar.orders.OrderFixtures.place;
import static id.pasar.orders.OrderFixtures.stockOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.pasar.Api;
import id.pasar.TestInstances;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.testing.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The database stops while requests run, and comes back. Meanwhile the instance stays
 * alive (liveness UP, so an orchestrator does not restart it), says it is not ready
 * (readiness DOWN, so a load balancer stops sending it traffic), and answers every
 * request that needs the database with a 503 problem ({@code SERVICE_UNAVAILABLE},
 * {@code Retry-After}) within the pool's connection timeout (3 s) instead of hanging or
 * answering 500. When the server is back, the same instance serves again without a
 * restart.
 *
 * <p>
 * The database is a PostgreSQL of this test's own (zonky, on a data directory that
 * survives the stop), so stopping it does not disturb the shared test database.
 */
class DatabaseOutageIT {

    // The pool gives up after 3 s; the rest is margin for a busy machine, still far from
    // Hikari's default 30 s.
    private static final long ANSWER_WITHIN_MILLIS = 10_000;

    @TempDir
    Path dataDir;

    @Test
    void whileTheDatabaseIsDownRequestsGetQuick503ProblemsAndTheInstanceRecoversWithoutARestart() throws Exception {
        int databasePort = freePort();
        EmbeddedPostgres postgres = startPostgres(databasePort);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute("CREATE DATABASE pasar");
            sql.execute("CREATE ROLE pasar_app LOGIN PASSWORD '" + TestDatabase.instance().appPassword() + "'");
        }
        try (ConfigurableApplicationContext instance = TestInstances
            .start("jdbc:postgresql://localhost:" + databasePort + "/pasar")) {
            Api api = TestInstances.api(instance);
            String listing = listingWithStock(api, CatalogFixtures.verifiedSeller(api), 10, 25_000);
            String shopper = api.newAccount("SHOPPER");
            place(api, shopper, order(listing, 1)).expect(201);
            assertThat(api.get("/actuator/health/readiness").send().status()).isEqualTo(200);
            // A token no request has used yet: during the outage its account cannot be
            // checked (it might be erased).
            String unchecked = api.adminToken();

            // Requests keep coming from 4 clients through the outage: reads, logins, the
            // shopper's orders.
            List<Supplier<Api.Response>> requests = List.of(() -> api.get("/api/v1/catalog/listings/" + listing).send(),
                    () -> api.get("/api/v1/orders").bearer(shopper).send(),
                    () -> api.get("/api/v1/catalog/listings?q=rotan").send());
            ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(4);
            for (int client = 0; client < 4; client++) {
                int first = client;
                clients.submit(() -> {
                    for (int i = first; running.get(); i++) {
                        outcomes.add(Outcome.of(requests.get(i % requests.size())));
                    }
                    return null;
                });
            }

            postgres.close();

            await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(api.get("/actuator/health/readiness").send().status()).isEqualTo(503));
            assertThat(api.get("/actuator/health/liveness").send().status()).isEqualTo(200);
            for (Supplier<Api.Response> request : List.<Supplier<Api.Response>>of(
                    () -> place(api, shopper, order(listing, 1)),
                    () -> api
                        .post("/api/v1/auth/token", Map.of("email", "nobody@example.id", "password", "whatever-1234"))
                        .send(),
                    () -> api.post("/api/v1/auth/register",
                            Map.of("email", "late@example.id", "password", "registers-late", "displayName", "Late",
                                    "role", "SHOPPER"))
                        .send(),
                    () -> api.get("/api/v1/catalog/listings/" + listing).send(),
                    // fails closed: neither let through (a 200 here) nor refused as if
                    // the token were bad (401)
                    () -> api.get("/actuator/prometheus").bearer(unchecked).send())) {
                Outcome outcome = Outcome.of(request);
                assertThat(outcome.status()).as(outcome.toString()).isEqualTo(503);
                assertThat(outcome.code()).isEqualTo("SERVICE_UNAVAILABLE");
                assertThat(outcome.retryAfter()).isNotNull();
                assertThat(outcome.millis()).as("answered within the connection timeout")
                    .isLessThan(ANSWER_WITHIN_MILLIS);
            }

            postgres = startPostgres(databasePort);

            await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(api.get("/actuator/health/readiness").send().status()).isEqualTo(200));
            await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(place(api, shopper, order(listing, 1)).status()).isEqualTo(201));
            assertThat(stockOf(api, listing)).isEqualTo(8);
            api.newAccount("SHOPPER");

            running.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(20, TimeUnit.SECONDS)).as("no client hangs").isTrue();
            assertThat(outcomes).as("the clients saw the outage")
                .anyMatch(outcome -> outcome.status() == 503)
                .as("and the service after it")
                .anyMatch(outcome -> outcome.status() == 200);
            assertThat(outcomes).allSatisfy(outcome -> {
                assertThat(outcome.status()).as(outcome.toString()).isIn(200, 503);
                if (outcome.status() == 503) {
                    assertThat(outcome.code()).as(outcome.toString()).isEqualTo("SERVICE_UNAVAILABLE");
                    assertThat(outcome.contentType()).startsWith("application/problem+json");
                }
                assertThat(outcome.millis()).as(outcome.toString()).isLessThan(ANSWER_WITHIN_MILLIS);
            });
        }
        finally {
            try {
                postgres.close();
            }
            catch (IOException | RuntimeException alreadyStopped) {
                // stopped above when the test failed during the outage
            }
        }
    }

    private EmbeddedPostgres startPostgres(int port) throws IOException {
        return EmbeddedPostgres.builder()
            .setDataDirectory(dataDir.resolve("postgres"))
            .setCleanDataDirectory(false)
            .setPort(port)
            .setRegisterShutdownHook(false)
            .setServerConfig("fsync", "off")
            .start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    record Outcome(int status, String code, String retryAfter, String contentType, long millis) {

        static Outcome of(Supplier<Api.Response> request) {
            long started = System.nanoTime();
            Api.Response response = request.get();
            long millis = (System.nanoTime() - started) / 1_000_000;
            String code = null;
            if (response.contentType() != null && response.contentType().startsWith("application/problem+json")) {
                code = response.json().path("code").asString();
            }
            return new Outcome(response.status(), code, response.header("Retry-After"), response.contentType(), millis);
        }
    }

}
