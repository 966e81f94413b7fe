package id.pasar.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeysetCursorTest {

    @Test
    void givesBackWhatItEncoded() {
        Instant at = Instant.parse("2026-12-06T01:02:03.123456Z");
        UUID id = UUID.randomUUID();

        KeysetCursor.Fields fields = KeysetCursor.decode(
                KeysetCursor.encode("orders", at, id, 42L, null, new BigDecimal("0.123456"), "PRICE_ASC"), "orders", 6);

        assertThat(fields.instant(0)).isEqualTo(at);
        assertThat(fields.id(1)).isEqualTo(id);
        assertThat(fields.number(2)).isEqualTo(42L);
        assertThat(fields.decimalOrNull(3)).isNull();
        assertThat(fields.decimalOrNull(4)).isEqualByComparingTo("0.123456");
        assertThat(fields.text(5)).isEqualTo("PRICE_ASC");
    }

    @Property
    void anyTimeAndIdSurvivesTheRoundTrip(@ForAll long micros, @ForAll long most, @ForAll long least) {
        Instant at = Instant.EPOCH.plusNanos(Math.floorMod(micros, 4_000_000_000_000_000L) * 1_000);
        UUID id = new UUID(most, least);

        KeysetCursor.Fields fields = KeysetCursor.decode(KeysetCursor.encode("t", at, id), "t", 2);

        assertThat(fields.instant(0)).isEqualTo(at);
        assertThat(fields.id(1)).isEqualTo(id);
    }

    @Test
    void refusesTheCursorOfAnotherList() {
        String cursor = KeysetCursor.encode("decisions", 7L);

        assertThatThrownBy(() -> KeysetCursor.decode(cursor, "access", 1))
            .isInstanceOf(KeysetCursor.InvalidCursor.class);
    }

    @Test
    void refusesACursorWithOtherFields() {
        String cursor = KeysetCursor.encode("orders", Instant.EPOCH, UUID.randomUUID());

        assertThatThrownBy(() -> KeysetCursor.decode(cursor, "orders", 3))
            .isInstanceOf(KeysetCursor.InvalidCursor.class);
        assertThatThrownBy(() -> KeysetCursor.decode(cursor, "orders", 2).number(0))
            .isInstanceOf(KeysetCursor.InvalidCursor.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "!!!", "not base64 at all", "b3JkZXJz", "%zz", "b3JkZXJzfA" })
    void refusesWhatItNeverGaveOut(String cursor) {
        assertThatThrownBy(() -> KeysetCursor.decode(cursor, "orders", 2).id(1))
            .isInstanceOfSatisfying(KeysetCursor.InvalidCursor.class, invalid -> {
                assertThat(invalid.getStatusCode().value()).isEqualTo(400);
                assertThat(invalid.code()).isEqualTo("INVALID_CURSOR");
            });
    }

    @Property
    void anyTextIsEitherAValidCursorOrInvalidCursorNeverAnotherFailure(@ForAll String text) {
        String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        try {
            KeysetCursor.Fields fields = KeysetCursor.decode(cursor, "t", 2);
            fields.instant(0);
            fields.id(1);
        }
        catch (KeysetCursor.InvalidCursor expected) {
            // the only refusal
        }
    }

    @Test
    void aFieldMayNotHoldTheSeparator() {
        assertThatThrownBy(() -> KeysetCursor.encode("t", "a|b")).isInstanceOf(IllegalArgumentException.class);
    }

}
