package id.pasar.kernel;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The envelope of the events on Kafka (docs/events.md, ADR 0031): the headers every
 * record carries, and how a consumer in any module reads one. One reader, so that every
 * consumer refuses a version it does not know the same way (an exception: the container
 * retries, backing off, rather than skip the event and lose it).
 */
public final class EventRecords {

    public static final String TYPE_HEADER = "pasar-event-type";

    public static final String VERSION_HEADER = "pasar-event-version";

    public static final String ID_HEADER = "pasar-event-id";

    /** The version this code reads; fields added later in version 1 are ignored. */
    public static final int VERSION = 1;

    private static final JsonMapper VERSION_1 = JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();

    private EventRecords() {
    }

    /** The event's type ({@code OrderPlaced}), or null when the record names none. */
    public static String type(ConsumerRecord<String, byte[]> record) {
        return header(record, TYPE_HEADER);
    }

    /**
     * The record's body as {@code type}.
     * @throws IllegalStateException for a version other than {@link #VERSION}
     */
    public static <T> T read(ConsumerRecord<String, byte[]> record, Class<T> type) {
        String version = header(record, VERSION_HEADER);
        if (!Integer.toString(VERSION).equals(version)) {
            throw new IllegalStateException(type.getSimpleName() + " version " + version + " at " + record.topic() + "-"
                    + record.partition() + "@" + record.offset() + " is not known here");
        }
        return VERSION_1.readValue(record.value(), type);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

}
