package id.pasar.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pasar.IntegrationTest;
import id.pasar.compliance.DecisionLog.Decision;
import id.pasar.compliance.DecisionLog.NewDecision;
import id.pasar.compliance.DecisionLog.Outcome;
import id.pasar.compliance.DecisionLog.SubjectType;
import id.pasar.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Invariant 5: every decision is appended to one hash chain that nothing can change. */
@IntegrationTest
class DecisionLogTest {

    @Autowired
    DecisionLog log;

    @Autowired
    TransactionTemplate transaction;

    private Decision append(String reason) {
        return transaction.execute(status -> log.append(new NewDecision(SubjectType.LISTING_PUBLICATION,
                UUID.randomUUID(), 3, Outcome.FAIL, List.of(reason, "SECOND_REASON"), "system", "v1")));
    }

    @Test
    void concurrentAppendsFormOneUnbrokenChainThatAnOutsiderCanRecompute() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Decision> appended = new ArrayList<>();
        try {
            List<Callable<Decision>> appends = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String reason = "REASON_" + i;
                appends.add(() -> append(reason));
            }
            for (Future<Decision> decision : pool.invokeAll(appends)) {
                appended.add(decision.get());
            }
        }
        finally {
            pool.shutdown();
        }
        assertThat(appended.stream().map(Decision::sequence)).doesNotHaveDuplicates();

        try (Connection connection = TestDatabase.instance()
            .connect(); Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("""
                    SELECT sequence, decision_id, subject_type, subject_id, subject_version, outcome, reasons, actor,
                           decided_at, rule_set_version, content_hash, previous_hash, hash
                    FROM compliance.decisions ORDER BY sequence""")) {
            String previous = "0".repeat(64);
            long expected = 1;
            while (rows.next()) {
                assertThat(rows.getLong("sequence")).isEqualTo(expected++);
                assertThat(rows.getString("previous_hash")).isEqualTo(previous);
                String hash = sha256(previous + canonical(rows));
                assertThat(rows.getString("hash")).as("entry %d recomputed", rows.getLong("sequence")).isEqualTo(hash);
                previous = hash;
            }
            assertThat(expected - 1).isGreaterThanOrEqualTo(64);
        }
    }

    @Test
    void aContentHashIsHashedAfterTheRuleSetAndAnEntryWithoutOneKeepsTheEarlierForm() throws Exception {
        String content = "c".repeat(64);
        Decision named = transaction.execute(status -> log.append(new NewDecision(SubjectType.LISTING_PUBLICATION,
                UUID.randomUUID(), 2, Outcome.PASS, List.of(), "system", "v2", content)));
        Decision unnamed = append("NO_CONTENT");

        String decidedAt = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC)
            .format(named.decidedAt());
        assertThat(named.contentHash()).isEqualTo(content);
        assertThat(named.hash()).isEqualTo(sha256(
                named.previousHash() + "{\"sequence\":" + named.sequence() + ",\"decisionId\":\"" + named.decisionId()
                        + "\",\"subjectType\":\"LISTING_PUBLICATION\",\"subjectId\":\"" + named.subjectId()
                        + "\",\"subjectVersion\":2,\"outcome\":\"PASS\",\"reasons\":[],\"actor\":\"system\","
                        + "\"decidedAt\":\"" + decidedAt + "\",\"ruleSetVersion\":\"v2\",\"contentHash\":\"" + content
                        + "\"}"));
        assertThat(unnamed.contentHash()).isNull();
        try (Connection connection = TestDatabase.instance()
            .connect(); Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("""
                    SELECT sequence, decision_id, subject_type, subject_id, subject_version, outcome, reasons, actor,
                           decided_at, rule_set_version, content_hash, previous_hash, hash
                    FROM compliance.decisions WHERE sequence = """ + unnamed.sequence())) {
            row.next();
            assertThat(canonical(row)).doesNotContain("contentHash").endsWith("\"ruleSetVersion\":\"v1\"}");
            assertThat(sha256(unnamed.previousHash() + canonical(row))).isEqualTo(unnamed.hash());
        }
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveADecision() throws Exception {
        Decision decision = append("KEPT");
        try (Connection connection = TestDatabase.instance().connect();
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate(
                    "UPDATE compliance.decisions SET outcome = 'PASS' WHERE sequence = " + decision.sequence()))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement
                .executeUpdate("DELETE FROM compliance.decisions WHERE sequence = " + decision.sequence()))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.executeUpdate("TRUNCATE compliance.decisions"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("append-only");
        }
    }

    @Test
    void theDatabaseRefusesAnEntryThatDoesNotContinueTheChain() throws Exception {
        Decision last = append("LAST");
        try (Connection connection = TestDatabase.instance().connect();
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate(
                    """
                            INSERT INTO compliance.decisions (sequence, decision_id, subject_type, subject_id, outcome, reasons, actor,
                                decided_at, rule_set_version, previous_hash, hash)
                            VALUES (%d, gen_random_uuid(), 'SELLER_REVIEW', gen_random_uuid(), 'PASS', '{}', 'forger', now(), 'v1',
                                repeat('a', 64), repeat('b', 64))"""
                        .formatted(last.sequence() + 1000)))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("does not continue the chain");
        }
    }

    /**
     * The canonical form of docs/auditor-guide.md, built here independently of the
     * application's code.
     */
    private static String canonical(ResultSet row) throws SQLException {
        String reasons = Arrays.stream((String[]) row.getArray("reasons").getArray())
            .map(r -> "\"" + r + "\"")
            .collect(Collectors.joining(","));
        Object version = row.getObject("subject_version");
        String decidedAt = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .format(row.getObject("decided_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC));
        return "{\"sequence\":" + row.getLong("sequence") + ",\"decisionId\":\"" + row.getString("decision_id") + "\""
                + ",\"subjectType\":\"" + row.getString("subject_type") + "\"" + ",\"subjectId\":\""
                + row.getString("subject_id") + "\"" + ",\"subjectVersion\":"
                + (version == null ? "null" : version.toString()) + ",\"outcome\":\"" + row.getString("outcome") + "\""
                + ",\"reasons\":[" + reasons + "]" + ",\"actor\":\"" + row.getString("actor") + "\""
                + ",\"decidedAt\":\"" + decidedAt + "\"" + ",\"ruleSetVersion\":\"" + row.getString("rule_set_version")
                + "\"" + (row.getString("content_hash") == null ? ""
                        : ",\"contentHash\":\"" + row.getString("content_hash") + "\"")
                + "}";
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

}
