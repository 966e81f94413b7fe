package id.pasar.social.web;

import id.pasar.kernel.KeysetCursor;
import id.pasar.kernel.KeysetPage;
import id.pasar.social.DiscoverFormula;
import id.pasar.social.internal.Discovery;
import id.pasar.social.internal.Discovery.Ranked;
import id.pasar.social.web.PostController.PostResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Discover", description = "Posts ranked by a published formula: recency and engagement only")
class DiscoverController {

    private static final String CURSOR = "discover";

    private final Discovery discovery;

    private final Clock clock;

    DiscoverController(Discovery discovery, Clock clock) {
        this.discovery = discovery;
        this.clock = clock;
    }

    @GetMapping("/api/v1/discover")
    @Operation(summary = "Posts of the last 7 days ranked by GET /api/v1/discover/ranking, in keyset pages",
            description = "Every page of one walk ranks at the moment of its first page (the cursor keeps it).")
    KeysetPage<PostResponse> discover(@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(required = false) @Size(max = KeysetCursor.MAX_LENGTH) String cursor) {
        KeysetCursor.Fields after = cursor == null ? null : KeysetCursor.decode(cursor, CURSOR, 3);
        Instant asOf = after == null ? clock.instant().truncatedTo(ChronoUnit.MICROS) : after.instant(0);
        List<Ranked> fetched = discovery.page(asOf, after == null ? null : after.decimalOrNull(1),
                after == null ? null : after.id(2), KeysetPage.fetchSize(size));
        return KeysetPage.of(fetched, size, ranked -> PostController.response(ranked.post()),
                last -> KeysetCursor.encode(CURSOR, asOf, last.score().toPlainString(), last.post().postId()));
    }

    @GetMapping("/api/v1/discover/ranking")
    @Operation(summary = "The discover formula in force, with its version")
    DiscoverFormula ranking() {
        return DiscoverFormula.CURRENT;
    }

}
