package id.pasar.social.internal;

import id.pasar.kernel.ProblemException;
import java.util.Collection;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** The refusals of the social module, each with its stable code (docs/errors.md). */
public final class SocialProblems {

    private SocialProblems() {
    }

    /** The account has a creator already, VERIFIED or waiting for an officer. */
    public static final class CreatorExists extends ProblemException {

        public CreatorExists() {
            super(HttpStatus.CONFLICT, "CREATOR_EXISTS", "Creator exists",
                    "This account has applied as a creator already; only a rejected application may be filed again.");
        }

    }

    /** Another creator holds the handle (handles compare case-insensitively). */
    public static final class HandleTaken extends ProblemException {

        public HandleTaken(String handle) {
            super(HttpStatus.CONFLICT, "HANDLE_TAKEN", "Handle taken", "Another creator has this handle.");
            property("handle", handle);
        }

    }

    /** No creator with this handle, or none shown (a rejected application). */
    public static final class CreatorNotFound extends ProblemException {

        public CreatorNotFound() {
            super(HttpStatus.NOT_FOUND, "CREATOR_NOT_FOUND", "Creator not found", "There is no such creator.");
        }

    }

    /**
     * An officer's decision on a creator application that is not PENDING_REVIEW: the
     * sellers' code, for the same meaning.
     */
    public static final class ApplicationNotPending extends ProblemException {

        public ApplicationNotPending(String status) {
            super(HttpStatus.CONFLICT, "APPLICATION_NOT_PENDING", "Application not pending",
                    "Only a PENDING_REVIEW application can be decided; this one is " + status + ".");
        }

    }

    /** Revoking a creator that is not VERIFIED (pending, rejected or revoked already). */
    public static final class CreatorNotVerified extends ProblemException {

        public CreatorNotVerified(String status) {
            super(HttpStatus.CONFLICT, "CREATOR_NOT_VERIFIED", "Creator not verified",
                    "Only a VERIFIED creator can be revoked; this one is " + status + ".");
        }

    }

    /**
     * A post by an account that is not a VERIFIED seller or creator: it must apply and be
     * verified first.
     */
    public static final class AuthorNotVerified extends ProblemException {

        public AuthorNotVerified() {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "AUTHOR_NOT_VERIFIED", "Not verified",
                    "Only a VERIFIED seller or creator may post (POST /api/v1/sellers or /api/v1/creators first).");
        }

    }

    /** No post with this id, or not the caller's to change: the same answer for both. */
    public static final class PostNotFound extends ProblemException {

        public PostNotFound() {
            super(HttpStatus.NOT_FOUND, "POST_NOT_FOUND", "Post not found", "There is no such post.");
        }

    }

    /**
     * Tagged listings that are not published now (a draft, a taken-down or an unknown
     * listing alike, so that another seller's drafts cannot be probed).
     */
    public static final class ListingNotTaggable extends ProblemException {

        public ListingNotTaggable(Collection<UUID> listingIds) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "LISTING_NOT_TAGGABLE", "Listing not taggable",
                    "Only published listings may be tagged.");
            property("listingIds", listingIds.stream().map(UUID::toString).toList());
        }

    }

    /** No seller or creator to follow with this id. */
    public static final class FolloweeNotFound extends ProblemException {

        public FolloweeNotFound() {
            super(HttpStatus.NOT_FOUND, "FOLLOWEE_NOT_FOUND", "Not found",
                    "There is no verified seller or creator with this id.");
        }

    }

    /**
     * No comment with this id, or not the caller's to delete: the same answer for both.
     */
    public static final class CommentNotFound extends ProblemException {

        public CommentNotFound() {
            super(HttpStatus.NOT_FOUND, "COMMENT_NOT_FOUND", "Comment not found", "There is no such comment.");
        }

    }

    /**
     * No published listing of the caller's with this id: another seller's, a draft and an
     * unknown one alike.
     */
    public static final class ListingNotFound extends ProblemException {

        public ListingNotFound() {
            super(HttpStatus.NOT_FOUND, "LISTING_NOT_FOUND", "Listing not found",
                    "There is no such published listing of yours.");
        }

    }

    /** The caller has no seller application. */
    public static final class SellerNotFound extends ProblemException {

        public SellerNotFound() {
            super(HttpStatus.NOT_FOUND, "SELLER_NOT_FOUND", "Seller not found",
                    "This account has no seller application (POST /api/v1/sellers first).");
        }

    }

    /**
     * A listing a creator tags or showcases is not published and open to affiliates now.
     */
    public static final class ListingNotAffiliateOpen extends ProblemException {

        public ListingNotAffiliateOpen(Collection<UUID> listingIds) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "LISTING_NOT_AFFILIATE_OPEN", "Listing not open to affiliates",
                    "A creator may tag or showcase only published listings their sellers opened to affiliates.");
            property("listingIds", listingIds.stream().map(UUID::toString).toList());
        }

    }

    /** A showcase holds at most so many listings. */
    public static final class ShowcaseFull extends ProblemException {

        public ShowcaseFull(int capacity) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "SHOWCASE_FULL", "Showcase full",
                    "A showcase holds at most " + capacity + " listings; remove one first.");
            property("capacity", capacity);
        }

    }

    /** An affiliate reference this platform did not give out (or changed since). */
    public static final class AffiliateRefInvalid extends ProblemException {

        public AffiliateRefInvalid() {
            super(HttpStatus.BAD_REQUEST, "AFFILIATE_REF_INVALID", "Invalid affiliate reference",
                    "affiliateRef must be a reference exactly as a post or a showcase gave it.");
        }

    }

}
