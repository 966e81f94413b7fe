package id.pasar.social.web;

import id.pasar.kernel.KeysetCursor;
import id.pasar.kernel.KeysetPage;
import id.pasar.social.internal.FollowGraph;
import id.pasar.social.internal.FollowGraph.Kind;
import id.pasar.social.internal.PostBoard.Post;
import id.pasar.social.internal.SocialProblems;
import id.pasar.social.web.PostController.PostResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Follows and feed", description = "Shoppers follow verified sellers and creators and read their posts")
class FollowController {

    private static final String CURSOR = "feed";

    private final FollowGraph follows;

    FollowController(FollowGraph follows) {
        this.follows = follows;
    }

    @PutMapping("/api/v1/follows/{kind}/{id}")
    @Operation(summary = "Follow a VERIFIED seller (kind 'sellers') or creator (kind 'creators')",
            description = "Following again changes nothing (204). 404 FOLLOWEE_NOT_FOUND for anyone else.")
    ResponseEntity<Void> follow(
            @Parameter(description = "anything else is 404 FOLLOWEE_NOT_FOUND",
                    schema = @Schema(type = "string",
                            allowableValues = { "sellers", "creators" })) @PathVariable String kind,
            @PathVariable UUID id, Principal caller) {
        follows.follow(account(caller), kind(kind), id);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/v1/follows/{kind}/{id}")
    @Operation(summary = "Stop following; unfollowing one not followed changes nothing (204)")
    ResponseEntity<Void> unfollow(
            @Parameter(description = "anything else is 404 FOLLOWEE_NOT_FOUND",
                    schema = @Schema(type = "string",
                            allowableValues = { "sellers", "creators" })) @PathVariable String kind,
            @PathVariable UUID id, Principal caller) {
        follows.unfollow(account(caller), kind(kind), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/feed")
    @Operation(summary = "Posts of the sellers and creators the caller follows, newest first, in keyset pages")
    KeysetPage<PostResponse> feed(@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(required = false) @Size(max = KeysetCursor.MAX_LENGTH) String cursor, Principal caller) {
        KeysetCursor.Fields after = cursor == null ? null : KeysetCursor.decode(cursor, CURSOR, 2);
        List<Post> fetched = follows.feed(account(caller), after == null ? null : after.instant(0),
                after == null ? null : after.id(1), KeysetPage.fetchSize(size));
        return KeysetPage.of(fetched, size, PostController::response,
                last -> KeysetCursor.encode(CURSOR, last.createdAt(), last.postId()));
    }

    private static Kind kind(String kind) {
        if ("sellers".equals(kind)) {
            return Kind.SELLER;
        }
        if ("creators".equals(kind)) {
            return Kind.CREATOR;
        }
        throw new SocialProblems.FolloweeNotFound();
    }

    private static UUID account(Principal caller) {
        return UUID.fromString(caller.getName());
    }

}
