package id.pasar.media.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Images as files under one directory, {@code <directory>/<mediaId>/<width>.jpg}. A file
 * is written beside its place and moved there, so a reader never sees half of one.
 */
public class FileMediaStore implements MediaStore {

    private final Path directory;

    public FileMediaStore(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    @Override
    public void put(String key, byte[] bytes, String contentType) {
        Path target = resolve(key);
        try {
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), ".upload-", ".part");
            try {
                Files.write(partial, bytes);
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            finally {
                Files.deleteIfExists(partial);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(Files.readAllBytes(resolve(key)));
        }
        catch (NoSuchFileException ex) {
            return Optional.empty();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(resolve(key));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Keys are ours ({@code uuid/width.jpg}); this refuses anything leaving the
     * directory.
     */
    private Path resolve(String key) {
        Path path = directory.resolve(key).normalize();
        if (!path.startsWith(directory) || path.equals(directory)) {
            throw new IllegalArgumentException("not a media key: " + key);
        }
        return path;
    }

}
