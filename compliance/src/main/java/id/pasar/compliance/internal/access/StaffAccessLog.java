package id.pasar.compliance.internal.access;

import id.pasar.compliance.DataAccessLog;
import id.pasar.compliance.ReportPeriod;
import id.pasar.kernel.KeysetCursor;
import id.pasar.kernel.KeysetPage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code compliance.data_access_log}: written in one batch per read, listed by time, by
 * seller or by creator.
 */
@Component
class StaffAccessLog implements DataAccessLog {

    /** Entries in id order: the last id shown. */
    private static final String CURSOR = "data-access";

    private static final String COLUMNS = "id, accessed_at, actor, actor_role, seller_id, creator_id, resource, reason";

    private final JdbcTemplate jdbc;

    private final NamedParameterJdbcTemplate named;

    private final NamedParameterJdbcTemplate fetching;

    private final Clock clock;

    StaffAccessLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(1_000);
        this.fetching = new NamedParameterJdbcTemplate(streaming);
        this.clock = clock;
    }

    @Override
    @Transactional
    public void record(Reader reader, String resource, String reason, Collection<UUID> sellerIds) {
        insert("seller_id", reader, resource, reason, sellerIds);
    }

    @Override
    @Transactional
    public void recordCreators(Reader reader, String resource, String reason, Collection<UUID> creatorIds) {
        insert("creator_id", reader, resource, reason, creatorIds);
    }

    /**
     * One row per id, all with one time.
     * @param subject the column of the ids: {@code seller_id} or {@code creator_id}
     */
    private void insert(String subject, Reader reader, String resource, String reason, Collection<UUID> ids) {
        String checked = DataAccessLog.requireReason(reason);
        Timestamp now = Timestamp.from(clock.instant());
        List<UUID> subjects = List.copyOf(ids);
        jdbc.batchUpdate(
                "INSERT INTO compliance.data_access_log (accessed_at, actor, actor_role, " + subject
                        + ", resource, reason) VALUES (?, ?, ?, ?, ?, ?)",
                subjects, subjects.size(), (statement, id) -> {
                    statement.setTimestamp(1, now);
                    statement.setString(2, reader.actor());
                    statement.setString(3, reader.role());
                    statement.setObject(4, id);
                    statement.setString(5, resource);
                    statement.setString(6, checked);
                });
    }

    @Override
    @Transactional(readOnly = true)
    public KeysetPage<Access> page(Instant from, Instant to, UUID sellerId, UUID creatorId, String cursor, int size) {
        long after = cursor == null ? 0 : KeysetCursor.decode(cursor, CURSOR, 1).number(0);
        List<Access> fetched = named.query(
                "SELECT " + COLUMNS + " FROM compliance.data_access_log WHERE id > :after" + where(sellerId, creatorId)
                        + " ORDER BY id LIMIT :size",
                params(from, to, sellerId, creatorId).addValue("after", after)
                    .addValue("size", KeysetPage.fetchSize(size)),
                (rs, row) -> access(rs));
        return KeysetPage.of(fetched, size, access -> access, last -> KeysetCursor.encode(CURSOR, last.id()));
    }

    @Override
    @Transactional(readOnly = true)
    public void stream(Instant from, Instant to, UUID sellerId, UUID creatorId, Consumer<Access> each) {
        fetching.query("SELECT " + COLUMNS + " FROM compliance.data_access_log WHERE true" + where(sellerId, creatorId)
                + " ORDER BY id", params(from, to, sellerId, creatorId), rs -> {
                    each.accept(access(rs));
                });
    }

    private static String where(UUID sellerId, UUID creatorId) {
        return " AND accessed_at >= :from AND accessed_at < :to" + (sellerId != null ? " AND seller_id = :seller" : "")
                + (creatorId != null ? " AND creator_id = :creator" : "");
    }

    private static MapSqlParameterSource params(Instant from, Instant to, UUID sellerId, UUID creatorId) {
        return new MapSqlParameterSource().addValue("from", Timestamp.from(from))
            .addValue("to", Timestamp.from(to))
            .addValue("seller", sellerId)
            .addValue("creator", creatorId);
    }

    private static Access access(ResultSet rs) throws SQLException {
        return new Access(rs.getLong("id"),
                rs.getTimestamp("accessed_at").toInstant().atZone(ReportPeriod.JAKARTA).toOffsetDateTime(),
                rs.getString("actor"), rs.getString("actor_role"), rs.getObject("seller_id", UUID.class),
                rs.getObject("creator_id", UUID.class), rs.getString("resource"), rs.getString("reason"));
    }

}
