package id.pasar.catalog.internal;

import java.util.UUID;

/** One version of one listing: what a compliance decision is about, and what a PASS proves. */
public record ListingVersion(UUID listingId, int version) {
}
