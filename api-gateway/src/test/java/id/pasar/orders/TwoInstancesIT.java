package id.pasar.orders;

import static id.pasar.orders.OrderFixtures.listingWithStock;
import static id.pasar.orders.OrderFixtures.stockOf;
import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.LogsAtInfo;
import id.pasar.TestInstances;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.onboarding.SellerFixtures;
import id.pasar.testing.TestDatabase;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ReflectionUtils;

/**
 * The first step beyond one machine (architecture.md): two stateless instances on one
 * PostgreSQL. A token from one works on the other, stock holds when both sell the same
 * listing at once, a scheduled job fired on both at once runs once (ShedLock), and
 * decisions appended from both at once make one valid chain.
 */
@IntegrationTest
class TwoInstancesIT {

    static ConfigurableApplicationContext second;

    @LocalServerPort
    int port;

    @Autowired
    ConfigurableApplicationContext context;

    @BeforeAll
    static void startASecondInstance() {
        second = TestInstances.start(TestDatabase.instance().jdbcUrl());
    }

    @AfterAll
    static void stopIt() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void twoInstancesSellFiftyOfFiftyBetweenThemAndShareEverything() throws Exception {
        Api first = new Api(port);
        Api other = TestInstances.api(second);
        Seller seller = CatalogFixtures.verifiedSeller(first);
        String listing = listingWithStock(first, seller, 50, 10_000);
        assertThat(stockOf(other, listing)).isEqualTo(50);

        Map<Integer, Integer> counts = OrderFixtures.placeConcurrently(List.of(first, other), listing, 200);

        assertThat(counts).containsEntry(201, 50).containsEntry(409, 150).hasSize(2);
        assertThat(stockOf(first, listing)).isZero();
        assertThat(stockOf(other, listing)).isZero();
    }

    @Test
    void twoInstancesSellEachVariantsStockExactly() throws Exception {
        Api first = new Api(port);
        Api other = TestInstances.api(second);
        Seller seller = CatalogFixtures.verifiedSeller(first);
        Map<String, Object> coffee = new HashMap<>(CatalogFixtures.listing("Kopi Gayo " + UUID.randomUUID()));
        coffee.remove("priceIdr");
        coffee.remove("stock");
        coffee.remove("weightGrams");
        coffee.put("options", List.of(Map.of("name", "Berat", "values", List.of("250 g", "1 kg"))));
        coffee.put("variants",
                List.of(Map.of("options", List.of("250 g"), "priceIdr", 55_000, "stock", 20, "weightGrams", 260),
                        Map.of("options", List.of("1 kg"), "priceIdr", 190_000, "stock", 30, "weightGrams", 1_050)));
        String listing = CatalogFixtures.publishedListing(first, seller, coffee);
        List<String> variants = other.get("/api/v1/catalog/listings/" + listing)
            .send()
            .expect(200)
            .json()
            .get("variants")
            .valueStream()
            .map(v -> v.get("variantId").asString())
            .toList();

        Map<Integer, Integer> counts = OrderFixtures.placeVariantsConcurrently(List.of(first, other), variants, 200);

        assertThat(counts).containsEntry(201, 50).containsEntry(409, 150).hasSize(2);
        var detail = first.get("/api/v1/catalog/listings/" + listing).send().expect(200).json();
        assertThat(detail.get("stock").asInt()).isZero();
        assertThat(detail.get("variants").valueStream().map(v -> v.get("stock").asInt())).containsOnly(0);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    @LogsAtInfo("id.pasar.onboarding") // the job's "Passport check:" line
    void aScheduledJobFiredOnBothInstancesAtOnceRunsOnce(CapturedOutput output) throws Exception {
        List<Callable<Object>> firings = new ArrayList<>();
        CountDownLatch together = new CountDownLatch(2);
        for (ConfigurableApplicationContext instance : List.of(context, second)) {
            firings.add(() -> {
                together.countDown();
                together.await();
                return fire(instance, "passportExpiryJob", "expirePassports");
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (Future<Object> firing : pool.invokeAll(firings)) {
                firing.get(60, TimeUnit.SECONDS);
            }
        }
        finally {
            pool.shutdown();
            // The lock is held at least a minute after the run (lockAtLeastFor): give it
            // back for later tests.
            try (Connection connection = TestDatabase.instance().connect();
                    Statement sql = connection.createStatement()) {
                sql.execute("DELETE FROM gateway.shedlock WHERE name = 'onboarding.expire-passports'");
            }
        }
        assertThat(output.getAll().lines().filter(line -> line.contains("Passport check:")).count())
            .as("the job body ran on one instance only")
            .isEqualTo(1);
    }

    @Test
    void decisionsAppendedFromBothInstancesAtOnceMakeOneValidChain() throws Exception {
        Api first = new Api(port);
        Api other = TestInstances.api(second);
        List<Api> instances = List.of(first, other);
        List<String> sellers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            sellers.add(instances.get(i % 2).newAccount("SELLER"));
        }
        List<Callable<Integer>> applications = new ArrayList<>();
        for (int i = 0; i < sellers.size(); i++) {
            Api instance = instances.get(i % 2);
            String seller = sellers.get(i);
            applications.add(() -> instance.post("/api/v1/sellers", SellerFixtures.pendingKtpApplication())
                .bearer(seller)
                .send()
                .status());
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            for (Future<Integer> status : pool.invokeAll(applications)) {
                assertThat(status.get()).isEqualTo(201);
            }
        }
        finally {
            pool.shutdown();
        }

        String auditor = first.newStaffAccount("AUDITOR");
        for (Api instance : instances) {
            var verification = instance.get("/api/v1/compliance/decisions/verification")
                .bearer(auditor)
                .send()
                .expect(200)
                .json();
            assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
            assertThat(verification.get("firstBrokenSequence").isNull()).isTrue();
        }
        try (Connection connection = TestDatabase.instance().connect();
                Statement sql = connection.createStatement();
                ResultSet row = sql
                    .executeQuery("SELECT count(*), count(DISTINCT sequence), max(sequence) - min(sequence) + 1 "
                            + "FROM compliance.decisions")) {
            row.next();
            assertThat(row.getLong(2)).as("no two decisions share a place in the chain").isEqualTo(row.getLong(1));
            assertThat(row.getLong(3)).as("no gap").isEqualTo(row.getLong(1));
        }
    }

    /**
     * Runs a scheduled method the way the scheduler does: on the bean (ShedLock's proxy),
     * by reflection.
     */
    private static Object fire(ConfigurableApplicationContext instance, String beanName, String methodName)
            throws Exception {
        Object bean = instance.getBean(beanName);
        Method method = AopUtils.selectInvocableMethod(
                ReflectionUtils.findMethod(AopUtils.getTargetClass(bean), methodName), bean.getClass());
        ReflectionUtils.makeAccessible(method);
        return method.invoke(bean);
    }

}
