package id.pasar.compliance.internal.decisions;

import id.pasar.compliance.DecisionLog.Decision;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.stream.Collectors;

/**
 * The canonical JSON of a log entry and its chained hash, exactly as
 * docs/auditor-guide.md describes them for auditors who recompute the chain with their
 * own tools: keys in this order, no spaces, times in UTC with six fractional digits,
 * {@code contentHash} last and only when the entry has one (entries before it existed
 * keep their hashes), and
 * {@code hash = hex(SHA-256(UTF-8(previousHash + canonicalJson)))}.
 */
public final class CanonicalEntry {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
        .withZone(ZoneOffset.UTC);

    private CanonicalEntry() {
    }

    /**
     * PostgreSQL keeps microseconds: decisions are timed at that precision before they
     * are hashed.
     */
    static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    public static String json(Decision d) {
        return "{\"sequence\":" + d.sequence() + ",\"decisionId\":" + string(d.decisionId().toString())
                + ",\"subjectType\":" + string(d.subjectType().name()) + ",\"subjectId\":"
                + string(d.subjectId().toString()) + ",\"subjectVersion\":"
                + (d.subjectVersion() == null ? "null" : d.subjectVersion().toString()) + ",\"outcome\":"
                + string(d.outcome().name()) + ",\"reasons\":["
                + d.reasons().stream().map(CanonicalEntry::string).collect(Collectors.joining(",")) + "]"
                + ",\"actor\":" + string(d.actor()) + ",\"decidedAt\":" + string(TIME.format(d.decidedAt()))
                + ",\"ruleSetVersion\":" + string(d.ruleSetVersion())
                + (d.contentHash() == null ? "" : ",\"contentHash\":" + string(d.contentHash())) + "}";
    }

    public static String hash(String previousHash, Decision d) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest((previousHash + json(d)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A JSON string: quotes, backslashes and control characters escaped, everything else
     * as is.
     */
    private static String string(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

}
