/**
 * Social: verified creators, posts by sellers and creators, shoppers' follows and their
 * feed. Creators prove who they are as sellers do, through compliance's identity rules
 * and decision log ({@code SellerScreening#screenCreatorApplication}); posts show only
 * the author's own photos and tagged listings that are published at the moment of the
 * read; an author on the platform-affiliate list is disclosed on every view
 * (docs/social.md, ADR 0027). Offered to others: {@code CreatorIdentities}, a creator's
 * status and legal identity, for the ledger's payouts (ADR 0028).
 */
package id.pasar.social;
