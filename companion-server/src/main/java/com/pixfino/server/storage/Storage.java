package com.pixfino.server.storage;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where Pixfino keeps files (uploads, thumbnails, generated outputs): an SPI with a local
 * filesystem implementation and an S3-compatible one.
 *
 * <p>Files are addressed by <em>keys</em> such as {@code uploads/<userId>/<uuid>.jpg}: relative,
 * {@code /}-separated, made only of {@code [A-Za-z0-9._/-]}, with no empty, {@code .} or
 * {@code ..} segments (see {@link StorageKey}). Every method rejects a bad key with
 * {@link IllegalArgumentException} before touching the backend.
 *
 * <p>Implementations must be thread-safe, must never expose a half-written file (a reader sees
 * either the old content or the new one), and report backend failures as the unchecked
 * {@link StorageException}. All implementations must pass {@code StorageContractTest}.
 */
public interface Storage {

    /**
     * Stores {@code bytes} under {@code key}, replacing any existing file atomically.
     *
     * @param contentType MIME type of the bytes, e.g. {@code image/jpeg}; backends that serve files
     *                    (S3) record it, the filesystem ignores it
     */
    void put(String key, byte[] bytes, String contentType);

    /**
     * Opens the file for reading; the caller closes the stream.
     *
     * @throws StoredFileNotFoundException if nothing is stored under {@code key}
     */
    InputStream open(String key);

    /** Whether a file is stored under {@code key}. */
    boolean exists(String key);

    /** Removes the file under {@code key}; does nothing if there is none (idempotent). */
    void delete(String key);

    /**
     * Size of the stored file in bytes.
     *
     * @throws StoredFileNotFoundException if nothing is stored under {@code key}
     */
    long size(String key);

    /**
     * A link anyone holding it may GET the file through for {@code ttl}, straight from the backend; empty
     * when the backend cannot hand out such links (the filesystem), so files keep going through our
     * owner-checked endpoints. The file need not exist yet.
     */
    default Optional<URI> presignedGet(String key, Duration ttl) {
        StorageKey.requireValid(key);
        return Optional.empty();
    }
}
