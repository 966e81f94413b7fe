package id.pasar.social.web;

import id.pasar.kernel.KeysetCursor;
import id.pasar.kernel.KeysetPage;
import id.pasar.social.internal.Reactions;
import id.pasar.social.internal.Reactions.Comment;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Likes and comments", description = "Likes (idempotent) and comments on posts")
class ReactionController {

    private static final String CURSOR = "comments";

    private final Reactions reactions;

    ReactionController(Reactions reactions) {
        this.reactions = reactions;
    }

    @PutMapping("/api/v1/posts/{postId}/like")
    @Operation(summary = "Like a post; liking again changes nothing (204)")
    ResponseEntity<Void> like(@PathVariable UUID postId, Principal caller) {
        reactions.like(account(caller), postId);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/v1/posts/{postId}/like")
    @Operation(summary = "Take a like back; none to take changes nothing (204)")
    ResponseEntity<Void> unlike(@PathVariable UUID postId, Principal caller) {
        reactions.unlike(account(caller), postId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/posts/{postId}/comments")
    @Operation(summary = "Comment on a post: up to 500 characters")
    ResponseEntity<CommentResponse> comment(@PathVariable UUID postId, @Valid @RequestBody NewComment request,
            Principal caller) {
        Comment comment = reactions.comment(account(caller), postId, request.text());
        return ResponseEntity.created(URI.create("/api/v1/posts/" + postId + "/comments")).body(response(comment));
    }

    @GetMapping("/api/v1/posts/{postId}/comments")
    @Operation(summary = "A post's comments, oldest first, in keyset pages; hidden ones are not shown")
    KeysetPage<CommentResponse> comments(@PathVariable UUID postId,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(required = false) @Size(max = KeysetCursor.MAX_LENGTH) String cursor) {
        KeysetCursor.Fields after = cursor == null ? null : KeysetCursor.decode(cursor, CURSOR, 2);
        List<Comment> fetched = reactions.comments(postId, after == null ? null : after.instant(0),
                after == null ? null : after.id(1), KeysetPage.fetchSize(size));
        return KeysetPage.of(fetched, size, ReactionController::response,
                last -> KeysetCursor.encode(CURSOR, last.createdAt(), last.commentId()));
    }

    @DeleteMapping("/api/v1/comments/{commentId}")
    @Operation(summary = "Delete the caller's comment; another's is 404 COMMENT_NOT_FOUND, as a missing one")
    ResponseEntity<Void> delete(@PathVariable UUID commentId, Principal caller) {
        reactions.deleteComment(account(caller), commentId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/compliance/comments/{commentId}/hide")
    @Operation(summary = "Hide a comment, with a reason (compliance officers)",
            description = "No longer shown nor counted; the row keeps the officer, the time and the reason.")
    ResponseEntity<Void> hide(@PathVariable UUID commentId, @Valid @RequestBody Hiding request, Principal caller) {
        reactions.hide(account(caller), commentId, request.reason().trim());
        return ResponseEntity.noContent().build();
    }

    record NewComment(@NotBlank @Size(max = 500) String text) {
    }

    record Hiding(@NotBlank @Size(max = 500) String reason) {
    }

    /**
     * @param authorKind SHOPPER, SELLER or CREATOR
     * @param authorName a verified seller's shop or creator's name; null for a shopper
     */
    record CommentResponse(UUID commentId, UUID postId, String authorKind, String authorName, String text,
            OffsetDateTime createdAt) {
    }

    private static CommentResponse response(Comment comment) {
        return new CommentResponse(comment.commentId(), comment.postId(), comment.authorKind(), comment.authorName(),
                comment.text(), comment.createdAt().atZone(CreatorController.JAKARTA).toOffsetDateTime());
    }

    private static UUID account(Principal caller) {
        return UUID.fromString(caller.getName());
    }

}
