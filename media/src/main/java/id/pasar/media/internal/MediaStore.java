package id.pasar.media.internal;

import java.util.Optional;

/**
 * Where the bytes of stored images live: a port with two adapters, the data directory
 * ({@link FileMediaStore}, the default) and an S3-compatible bucket
 * ({@link S3MediaStore}, {@code pasar.media.store=s3}). Keys are
 * {@code {mediaId}/{width}.jpg}; an object is written once and never changed.
 */
public interface MediaStore {

    void put(String key, byte[] bytes, String contentType);

    Optional<byte[]> get(String key);

    /** Removes the object if there is one; nothing when there is none. */
    void delete(String key);

}
