package id.pasar.gateway.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import lombok.extern.slf4j.Slf4j;
import org.springframework.util.StringUtils;

/**
 * The replicas of ADR 0033: a connection pool each, and a checker that compares each
 * one's replayed WAL with the primary's every {@code checkInterval}
 * ({@link WalFreshness}). {@link #freshReplica} names one that is at most {@code maxLag}
 * behind, or none: the caller then reads from the primary.
 */
@Slf4j
final class ReadReplicas implements AutoCloseable {

    private static final String PRIMARY_POSITION = """
            SELECT (pg_current_wal_insert_lsn() - '0/0')::bigint,
                   current_setting('wal_block_size')::int,
                   (SELECT setting::bigint FROM pg_settings WHERE name = 'wal_segment_size')""";

    private static final String REPLICA_POSITION = """
            SELECT pg_is_in_recovery(), (pg_last_wal_replay_lsn() - '0/0')::bigint""";

    private final List<Replica> replicas;

    private final HikariDataSource primaryCheck;

    private final long maxLagNanos;

    private final WalFreshness freshness;

    private final ScheduledExecutorService checker;

    private final AtomicInteger next = new AtomicInteger();

    private volatile boolean closed;

    /** Connections of anonymous catalog reads, by where they went. */
    final LongAdder servedByReplicas = new LongAdder();

    final LongAdder servedByPrimary = new LongAdder();

    ReadReplicas(HikariDataSource primary, ReadReplicaProperties properties) {
        this.maxLagNanos = properties.maxLag().toNanos();
        this.freshness = new WalFreshness(maxLagNanos + properties.checkInterval().toNanos() * 2);
        this.primaryCheck = checkPool(primary, primary.getJdbcUrl(), primary.getUsername(), primary.getPassword(),
                "pasar-replica-check-primary");
        boolean ownAccount = StringUtils.hasText(properties.username());
        String username = ownAccount ? properties.username() : primary.getUsername();
        String password = ownAccount ? properties.password() : primary.getPassword();
        List<Replica> all = new ArrayList<>();
        for (int i = 0; i < properties.urls().size(); i++) {
            String url = properties.urls().get(i);
            HikariConfig config = new HikariConfig();
            primary.copyStateTo(config);
            config.setJdbcUrl(url);
            config.setUsername(username);
            config.setPassword(password);
            config.setPoolName("pasar-replica-" + i);
            config.setReadOnly(true);
            // A replica that is down must not stop the application from starting: it
            // is skipped until it answers.
            config.setInitializationFailTimeout(-1);
            if (properties.maximumPoolSize() > 0) {
                config.setMaximumPoolSize(properties.maximumPoolSize());
            }
            all.add(new Replica(i, withoutParameters(url), new HikariDataSource(config),
                    checkPool(primary, url, username, password, "pasar-replica-check-" + i)));
        }
        this.replicas = List.copyOf(all);
        this.checker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "pasar-replica-lag");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.checkInterval().toNanos();
        if (interval * 2 > maxLagNanos) {
            log.warn(
                    "pasar.read-replicas.check-interval ({}) is more than half of max-lag ({}): even a replica that "
                            + "keeps up will often look behind and be skipped",
                    properties.checkInterval(), properties.maxLag());
        }
        checker.scheduleWithFixedDelay(this::check, 0, interval, TimeUnit.NANOSECONDS);
        log.info("Anonymous catalog reads go to {} read replica(s) that are at most {} behind the primary: {}",
                replicas.size(), properties.maxLag(), replicas.stream().map(replica -> replica.url).toList());
    }

    /** A URL for the log: its parameters may hold a password. */
    static String withoutParameters(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }

    /**
     * One connection per server for the checks, apart from the pools that requests use,
     * so that a busy pool cannot delay a check; each check gives up after a second.
     */
    private static HikariDataSource checkPool(HikariDataSource primary, String url, String username, String password,
            String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(username);
        config.setPassword(password);
        config.setPoolName(name);
        config.setMaximumPoolSize(1);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(1_000);
        config.setValidationTimeout(500);
        config.setInitializationFailTimeout(-1);
        config.setDataSourceProperties(primary.getDataSourceProperties());
        config.setConnectionInitSql("SET statement_timeout = '1s'");
        return new HikariDataSource(config);
    }

    /**
     * A replica at most {@code maxLag} behind now: {@code preferred} if it still is (the
     * reads of one request stay on one server while they can), else the next fresh one in
     * turn; null when none is.
     */
    Replica freshReplica(Replica preferred) {
        if (closed) {
            return null;
        }
        long now = System.nanoTime();
        if (preferred != null && preferred.freshAt(now, maxLagNanos)) {
            return preferred;
        }
        int start = Math.floorMod(next.getAndIncrement(), replicas.size());
        for (int i = 0; i < replicas.size(); i++) {
            Replica replica = replicas.get((start + i) % replicas.size());
            if (replica.freshAt(now, maxLagNanos)) {
                return replica;
            }
        }
        return null;
    }

    List<Replica> replicas() {
        return replicas;
    }

    long maxLagNanos() {
        return maxLagNanos;
    }

    private void check() {
        try {
            samplePrimary();
            long now = System.nanoTime();
            for (Replica replica : replicas) {
                replica.check(freshness);
                replica.logChange(now, maxLagNanos);
            }
        }
        catch (RuntimeException | Error e) {
            // the executor would stop scheduling after a throw: replicas would then age
            // out, which is safe, but never come back
            log.warn("The read replicas' check failed: {}", e.toString());
        }
    }

    private void samplePrimary() {
        long askedAt = System.nanoTime();
        try (Connection connection = primaryCheck.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(PRIMARY_POSITION)) {
            result.next();
            freshness.sample(askedAt, WalFreshness.recordEnd(result.getLong(1), result.getInt(2), result.getLong(3)));
        }
        catch (SQLException e) {
            // no sample: replicas are fresh only as of older ones, and age out
            log.debug("Could not ask the primary for its WAL position: {}", e.toString());
        }
    }

    @Override
    public void close() {
        closed = true;
        // let a check that runs end before its connections close (a check gives up
        // within about a second)
        checker.shutdown();
        try {
            if (!checker.awaitTermination(3, TimeUnit.SECONDS)) {
                checker.shutdownNow();
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            checker.shutdownNow();
        }
        for (Replica replica : replicas) {
            replica.pool.close();
            replica.checkPool.close();
        }
        primaryCheck.close();
    }

    /** One replica: its pool, and as of when it has everything the primary had. */
    static final class Replica {

        final int index;

        final String url;

        final HikariDataSource pool;

        private final HikariDataSource checkPool;

        /** Written by the checker only, read by every request. */
        private volatile long freshAsOf = WalFreshness.NEVER;

        private volatile String problem = "not checked yet";

        private boolean servingWhenLastLogged;

        private String lastLoggedProblem = "";

        Replica(int index, String url, HikariDataSource pool, HikariDataSource checkPool) {
            this.index = index;
            this.url = url;
            this.pool = pool;
            this.checkPool = checkPool;
        }

        boolean freshAt(long now, long maxLagNanos) {
            long asOf = freshAsOf;
            return asOf != WalFreshness.NEVER && now - asOf <= maxLagNanos;
        }

        /**
         * How far behind it is now, in nanoseconds; {@link Long#MAX_VALUE} if unknown.
         */
        long lagNanos(long now) {
            long asOf = freshAsOf;
            return asOf == WalFreshness.NEVER ? Long.MAX_VALUE : Math.max(0, now - asOf);
        }

        /** A request could not get a connection: skipped until the next check says. */
        void unreachable(SQLException e) {
            freshAsOf = WalFreshness.NEVER;
            problem = "unreachable: " + e.getMessage();
        }

        private void check(WalFreshness freshness) {
            try (Connection connection = checkPool.getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery(REPLICA_POSITION)) {
                result.next();
                if (!result.getBoolean(1)) {
                    // promoted, or not a replica at all: it would not receive what the
                    // primary commits
                    freshAsOf = WalFreshness.NEVER;
                    problem = "not in recovery: it is not a streaming replica (promoted?)";
                    return;
                }
                long replayed = result.getLong(2);
                freshAsOf = freshness.freshAsOf(replayed, freshAsOf);
                problem = "its replay of the WAL is behind the primary's";
            }
            catch (SQLException e) {
                freshAsOf = WalFreshness.NEVER;
                problem = "unreachable: " + e.getMessage();
            }
        }

        /** A line when the replica starts or stops serving, not at every check. */
        private void logChange(long now, long maxLagNanos) {
            boolean serving = freshAt(now, maxLagNanos);
            if (serving && !servingWhenLastLogged) {
                log.info("Read replica {} ({}) serves anonymous catalog reads: at most {} ms behind the primary", index,
                        url, lagNanos(now) / 1_000_000);
            }
            else if (!serving && (servingWhenLastLogged || !problem.equals(lastLoggedProblem))) {
                log.warn("Read replica {} ({}) is skipped, its reads go to the primary: {}{}", index, url, problem,
                        freshAsOf == WalFreshness.NEVER ? "" : " (" + lagNanos(now) / 1_000_000 + " ms behind)");
                lastLoggedProblem = problem;
            }
            servingWhenLastLogged = serving;
        }

    }

}
