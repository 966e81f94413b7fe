package id.pasar.compliance.internal.rulesets;

import id.pasar.compliance.RecheckLedger;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Component
@RequiredArgsConstructor
class RecheckRecords implements RecheckLedger {

    private final JdbcClient jdbc;

    private final Clock clock;

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordBatch(String ruleSetVersion, int checked, int suspended) {
        jdbc.sql("""
                INSERT INTO compliance.rule_set_rechecks (rule_set_version, started_at, checked, suspended)
                VALUES (:version, :now, :checked, :suspended)
                ON CONFLICT (rule_set_version) DO UPDATE SET checked = rule_set_rechecks.checked + EXCLUDED.checked,
                    suspended = rule_set_rechecks.suspended + EXCLUDED.suspended""")
            .param("version", ruleSetVersion)
            .param("now", Timestamp.from(clock.instant()))
            .param("checked", checked)
            .param("suspended", suspended)
            .update();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void finish(String ruleSetVersion) {
        recordBatch(ruleSetVersion, 0, 0);
        jdbc.sql(
                "UPDATE compliance.rule_set_rechecks SET finished_at = :now WHERE rule_set_version = :version AND finished_at IS NULL")
            .param("now", Timestamp.from(clock.instant()))
            .param("version", ruleSetVersion)
            .update();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Recheck> of(String ruleSetVersion) {
        return jdbc.sql(
                "SELECT rule_set_version, started_at, finished_at, checked, suspended FROM compliance.rule_set_rechecks "
                        + "WHERE rule_set_version = :version")
            .param("version", ruleSetVersion)
            .query((rs, row) -> new Recheck(rs.getString(1), rs.getTimestamp(3) == null ? "RUNNING" : "DONE",
                    rs.getLong(4), rs.getLong(5), rs.getTimestamp(2).toInstant(),
                    rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
            .optional();
    }

}
