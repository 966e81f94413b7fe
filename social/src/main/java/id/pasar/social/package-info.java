/**
 * Social: verified creators, posts by sellers and creators, shoppers' follows and their
 * feed. Creators prove who they are as sellers do, through compliance's identity rules
 * and decision log ({@code SellerScreening#screenCreatorApplication}); posts show only
 * the author's own photos and tagged listings that are published at the moment of the
 * read; an author on the platform-affiliate list is disclosed on every view
 * (docs/social.md, ADR 0027). Other modules may ask where a creator stands now
 * ({@link id.pasar.social.Creators}: which creator an account is, its status and
 * affiliation), a creator's legal identity for its payouts ({@code CreatorIdentities},
 * ADR 0028), and which creator earns a commission on an order's line
 * ({@link id.pasar.social.Affiliates}).
 */
package id.pasar.social;
