package id.pasar.social.web;

import id.pasar.catalog.PublishedListings.Shelved;
import id.pasar.media.MediaUrls;
import id.pasar.social.internal.PostBoard;
import id.pasar.social.internal.PostBoard.Post;
import id.pasar.social.internal.SocialProblems;
import id.pasar.social.web.PostRequests.NewPost;
import id.pasar.social.web.PostRequests.PostChanges;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Posts", description = "Posts by verified sellers and creators, with photos and tagged listings")
class PostController {

    private final PostBoard posts;

    PostController(PostBoard posts) {
        this.posts = posts;
    }

    @PostMapping("/api/v1/posts")
    @Operation(summary = "Publish a post (a VERIFIED seller or creator)", description = """
            Text up to 2,200 characters, up to 9 of the caller's own photos (422 PHOTO_NOT_OWNED), up to 10 \
            published listings tagged (422 LISTING_NOT_TAGGABLE for a draft, a taken-down or an unknown one; a \
            creator's must be open to affiliates too: 422 LISTING_NOT_AFFILIATE_OPEN). \
            422 AUTHOR_NOT_VERIFIED before the caller's seller or creator application is VERIFIED.""")
    ResponseEntity<PostResponse> publish(@Valid @RequestBody NewPost request, Principal caller) {
        Post post = posts.publish(account(caller), request.content());
        return ResponseEntity.created(URI.create("/api/v1/posts/" + post.postId())).body(response(post));
    }

    @GetMapping("/api/v1/posts/{postId}")
    @Operation(summary = "A post: public; tagged listings only those published now")
    PostResponse post(@PathVariable UUID postId) {
        return response(posts.find(postId).orElseThrow(SocialProblems.PostNotFound::new));
    }

    @PatchMapping("/api/v1/posts/{postId}")
    @Operation(summary = "Edit the caller's post: the fields given replace the post's",
            description = "Another account's post is 404 POST_NOT_FOUND, as one that does not exist.")
    PostResponse edit(@PathVariable UUID postId, @Valid @RequestBody PostChanges request, Principal caller) {
        return response(posts.edit(account(caller), postId, request.content()));
    }

    @DeleteMapping("/api/v1/posts/{postId}")
    @Operation(summary = "Delete the caller's post",
            description = "Another account's post is 404 POST_NOT_FOUND, as one that does not exist.")
    ResponseEntity<Void> delete(@PathVariable UUID postId, Principal caller) {
        posts.delete(account(caller), postId);
        return ResponseEntity.noContent().build();
    }

    private static UUID account(Principal caller) {
        return UUID.fromString(caller.getName());
    }

    /**
     * @param platformAffiliationReason why the author is labelled
     * ({@code PLATFORM_AFFILIATE}), null when it is not
     */
    record PostResponse(UUID postId, AuthorResponse author, String text, List<Photo> photos,
            List<TaggedListing> listings, boolean platformAffiliated, String platformAffiliationReason, int likeCount,
            int commentCount, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    /**
     * @param kind SELLER or CREATOR
     * @param id the seller's or the creator's id (what {@code /follows/{kind}/{id}}
     * takes)
     * @param handle the creator's handle; null for a seller
     */
    record AuthorResponse(String kind, UUID id, String name, String handle) {
    }

    @Schema(name = "PostPhoto")
    record Photo(UUID mediaId, Map<String, String> urls) {
    }

    /**
     * @param affiliateRef in a creator's post, for a listing open to affiliates: what the
     * client sends to {@code POST /api/v1/affiliate-clicks} when the shopper opens the
     * listing, and with the order's item; null otherwise
     */
    record TaggedListing(UUID listingId, String title, long priceIdr, UUID sellerId, String shopName, Photo photo,
            String affiliateRef) {
    }

    static PostResponse response(Post post) {
        return new PostResponse(post.postId(),
                new AuthorResponse(post.author().kind(), post.author().id(), post.author().name(),
                        post.author().handle()),
                post.text(), post.photoIds().stream().map(PostController::photo).toList(),
                post.listings().stream().map(PostController::tagged).toList(), post.platformAffiliated(),
                post.platformAffiliated() ? CreatorController.AFFILIATION_REASON : null, post.likeCount(),
                post.commentCount(), post.createdAt().atZone(CreatorController.JAKARTA).toOffsetDateTime(),
                post.updatedAt().atZone(CreatorController.JAKARTA).toOffsetDateTime());
    }

    private static Photo photo(UUID mediaId) {
        return new Photo(mediaId, MediaUrls.of(mediaId));
    }

    private static TaggedListing tagged(PostBoard.Tagged tagged) {
        Shelved listing = tagged.listing();
        return new TaggedListing(listing.listingId(), listing.title(), listing.priceIdr(), listing.sellerId(),
                listing.shopName(), listing.coverPhotoId() == null ? null : photo(listing.coverPhotoId()),
                tagged.affiliateRef());
    }

    static Photo photoOf(Shelved listing) {
        return listing.coverPhotoId() == null ? null : photo(listing.coverPhotoId());
    }

}
