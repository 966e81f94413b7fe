/**
 * Media: photos that sellers (and, with the social features, creators) upload. Each
 * upload is checked from its bytes (JPEG, PNG or WebP, at most 5 MiB and 40 megapixels),
 * decoded, turned upright, re-encoded without any metadata (no EXIF, GPS or XMP leaves
 * the platform) in three widths, kept in a {@code MediaStore} (the data directory or an
 * S3-compatible bucket) and served at stable, immutable URLs. Other modules use
 * {@link id.pasar.media.MediaOwnership} to attach an account's photos and
 * {@link id.pasar.media.MediaUrls} to show them (docs/media.md, ADR 0026).
 */
package id.pasar.media;
