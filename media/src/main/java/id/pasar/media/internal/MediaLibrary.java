package id.pasar.media.internal;

import id.pasar.media.MediaOwnership;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import lombok.extern.slf4j.Slf4j;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Uploaded photos: accepted through the {@link ImagePipeline}, their widths put in the
 * {@link MediaStore}, then recorded ({@code media.media}, {@code media.renditions}). The
 * record is the truth: only a recorded width is served, so objects left by a failure
 * between the store and the record are never seen (and are removed when it can).
 */
@Slf4j
@Service
public class MediaLibrary implements MediaOwnership {

    private final JdbcClient jdbc;

    private final MediaStore store;

    private final ImagePipeline pipeline;

    private final TransactionTemplate transactions;

    private final Clock clock;

    MediaLibrary(JdbcClient jdbc, MediaStore store, ImagePipeline pipeline, TransactionTemplate transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.pipeline = pipeline;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A photo as recorded: its upright size and when it came. */
    public record StoredMedia(UUID mediaId, UUID ownerId, int width, int height, Instant createdAt) {
    }

    /** What serving one width needs: the content hash (the ETag) and the key. */
    public record StoredRendition(UUID mediaId, int width, String sha256) {

        public String key() {
            return key(mediaId, width);
        }

        static String key(UUID mediaId, int width) {
            return mediaId + "/" + width + ".jpg";
        }

    }

    /**
     * Checks, re-encodes and keeps a photo of {@code ownerId}. No database connection is
     * held while the image is processed or stored.
     */
    public StoredMedia upload(UUID ownerId, byte[] bytes) {
        ImagePipeline.Processed processed = pipeline.process(bytes);
        UUID mediaId = UUID.randomUUID();
        Instant now = clock.instant();
        List<String> written = new ArrayList<>();
        try {
            for (ImagePipeline.Rendition rendition : processed.renditions()) {
                String key = StoredRendition.key(mediaId, rendition.width());
                store.put(key, rendition.jpeg(), "image/jpeg");
                written.add(key);
            }
            transactions.executeWithoutResult(status -> record(mediaId, ownerId, processed, now));
        }
        catch (RuntimeException ex) {
            written.forEach(this::forget);
            throw ex;
        }
        return new StoredMedia(mediaId, ownerId, processed.width(), processed.height(), now);
    }

    private void record(UUID mediaId, UUID ownerId, ImagePipeline.Processed processed, Instant now) {
        jdbc.sql("""
                INSERT INTO media.media (id, owner_id, source_format, width, height, source_bytes, created_at)
                VALUES (:id, :owner, :format, :width, :height, :bytes, :now)""")
            .param("id", mediaId)
            .param("owner", ownerId)
            .param("format", processed.format().name())
            .param("width", processed.width())
            .param("height", processed.height())
            .param("bytes", processed.renditions().stream().mapToInt(r -> r.jpeg().length).sum())
            .param("now", Timestamp.from(now))
            .update();
        for (ImagePipeline.Rendition rendition : processed.renditions()) {
            jdbc.sql("""
                    INSERT INTO media.renditions (media_id, width, pixel_width, pixel_height, byte_size, sha256)
                    VALUES (:id, :width, :pixelWidth, :pixelHeight, :size, :sha256)""")
                .param("id", mediaId)
                .param("width", rendition.width())
                .param("pixelWidth", rendition.pixelWidth())
                .param("pixelHeight", rendition.pixelHeight())
                .param("size", rendition.jpeg().length)
                .param("sha256", rendition.sha256())
                .update();
        }
    }

    private void forget(String key) {
        try {
            store.delete(key);
        }
        catch (RuntimeException ex) {
            log.warn("Could not remove media object {} after a failed upload: {}", key, ex.toString());
        }
    }

    /** One recorded width of a photo; one indexed read, no store access. */
    public Optional<StoredRendition> rendition(UUID mediaId, int width) {
        return jdbc.sql("SELECT sha256 FROM media.renditions WHERE media_id = :id AND width = :width")
            .param("id", mediaId)
            .param("width", width)
            .query((rs, row) -> new StoredRendition(mediaId, width, rs.getString("sha256")))
            .optional();
    }

    public Optional<byte[]> bytes(StoredRendition rendition) {
        return store.get(rendition.key());
    }

    @Override
    public void requireOwnedBy(UUID accountId, Collection<UUID> mediaIds) {
        if (mediaIds.isEmpty()) {
            return;
        }
        Set<UUID> wanted = new LinkedHashSet<>(mediaIds);
        List<UUID> owned = jdbc.sql("SELECT id FROM media.media WHERE owner_id = :owner AND id = ANY (:ids)")
            .param("owner", accountId)
            .param("ids", wanted.toArray(new UUID[0]))
            .query(UUID.class)
            .list();
        wanted.removeAll(owned);
        if (!wanted.isEmpty()) {
            throw new PhotoNotOwned(wanted);
        }
    }

}
