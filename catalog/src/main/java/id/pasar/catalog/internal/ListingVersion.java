package id.pasar.catalog.internal;

import java.util.UUID;

/**
 * One version of one listing, with the hash of the content the listing rules check ({@code content_hash}, generated
 * by the database): what a compliance decision is about, and what a PASS proves.
 */
public record ListingVersion(UUID listingId, int version, String contentHash) {
}
