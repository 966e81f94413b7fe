package id.pasar.social.internal;

import id.pasar.social.DiscoverFormula;
import id.pasar.social.internal.PostBoard.Post;
import id.pasar.social.internal.PostBoard.Row;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Posts ranked by {@link DiscoverFormula#CURRENT}, for everyone alike. */
@Service
public class Discovery {

    /**
     * The formula's score, in SQL: it must say what {@link DiscoverFormula#score} says.
     * Computed in double precision, then rounded to 9 decimals as {@code numeric} (what
     * the cursor carries): a numeric power with a fractional exponent cost about 17 µs a
     * row, 0.8 s a page at 40,000 posts in the window (docs/performance.md, "Discover at
     * 1,000,000 posts").
     */
    private static final String RANKED = """
            SELECT * FROM (
                SELECT p.*, c.handle, coalesce(c.platform_affiliated, false) AS platform_affiliated,
                       round(((1 + p.like_count + 2 * p.comment_count)::float8
                             / power(extract(epoch FROM (CAST(:asOf AS timestamptz) - p.created_at))::float8 / 3600 + 2,
                                     1.5))::numeric, 9) AS score
                FROM social.posts p LEFT JOIN social.creators c ON c.id = p.author_id
                WHERE p.created_at <= CAST(:asOf AS timestamptz)
                  AND p.created_at > CAST(:asOf AS timestamptz) - make_interval(days => :window)
                  AND c.status IS DISTINCT FROM 'REVOKED') ranked
            WHERE :first OR score < :score OR (score = :score AND id > :id)
            ORDER BY score DESC, id
            LIMIT :limit""";

    private final JdbcClient jdbc;

    private final PostBoard posts;

    Discovery(JdbcClient jdbc, PostBoard posts) {
        this.jdbc = jdbc;
        this.posts = posts;
    }

    public record Ranked(Post post, BigDecimal score) {
    }

    /**
     * @param asOf the moment every page ranks at
     * @param afterScore the last shown post's score, null for the first page
     */
    @Transactional(readOnly = true)
    public List<Ranked> page(Instant asOf, BigDecimal afterScore, UUID afterId, int limit) {
        List<BigDecimal> scores = new ArrayList<>();
        List<Row> rows = jdbc.sql(RANKED)
            .param("asOf", Timestamp.from(asOf))
            .param("window", DiscoverFormula.WINDOW_DAYS)
            .param("first", afterScore == null)
            .param("score", afterScore != null ? afterScore : BigDecimal.ZERO)
            .param("id", afterId != null ? afterId : new UUID(0, 0))
            .param("limit", limit)
            .query((rs, index) -> {
                scores.add(rs.getBigDecimal("score"));
                return PostBoard.row(rs, index);
            })
            .list();
        List<Post> shown = posts.shown(rows);
        List<Ranked> ranked = new ArrayList<>(shown.size());
        for (int i = 0; i < shown.size(); i++) {
            ranked.add(new Ranked(shown.get(i), scores.get(i)));
        }
        return ranked;
    }

}
