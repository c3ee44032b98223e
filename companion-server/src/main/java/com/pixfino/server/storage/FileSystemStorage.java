package com.pixfino.server.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link Storage} on the local filesystem: each key is a file under {@code root}. */
public final class FileSystemStorage implements Storage {

    private static final Logger log = LoggerFactory.getLogger(FileSystemStorage.class);
    // Temp files start with this; '~' is not allowed in keys, so no key can ever name one.
    private static final String TEMP_PREFIX = "~put-";

    private final Path root;

    public FileSystemStorage(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    @Override
    public void put(String key, byte[] bytes, String contentType) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(contentType, "contentType");
        Path target = resolve(key);
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            // Temp file in the same directory, so the move below is a rename and therefore atomic.
            temp = Files.createTempFile(target.getParent(), TEMP_PREFIX, ".part");
            Files.write(temp, bytes);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            log.debug("stored key={} bytes={}", key, bytes.length);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new StorageException("could not store key " + key, e);
        }
    }

    @Override
    public InputStream open(String key) {
        return readKey(key, "could not open key ", Files::newInputStream);
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(resolve(key));
    }

    @Override
    public void delete(String key) {
        Path path = resolve(key);
        // A directory is a key prefix, not a stored file; leave it alone.
        if (Files.isDirectory(path)) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new StorageException("could not delete key " + key, e);
        }
    }

    @Override
    public long size(String key) {
        return readKey(key, "could not read size of key ", Files::size);
    }

    /** Reads the file of an existing {@code key}: a missing one is StoredFileNotFoundException, other failures say {@code what}. */
    private <T> T readKey(String key, String what, FileRead<T> read) {
        Path path = resolve(key);
        if (!Files.isRegularFile(path)) {
            throw new StoredFileNotFoundException(key);
        }
        try {
            return read.apply(path);
        } catch (NoSuchFileException e) {
            throw new StoredFileNotFoundException(key); // deleted between the check and the read
        } catch (IOException e) {
            throw new StorageException(what + key, e);
        }
    }

    private interface FileRead<T> {
        T apply(Path path) throws IOException;
    }

    private Path resolve(String key) {
        Path path = root.resolve(StorageKey.requireValid(key)).normalize();
        // Defence in depth: key validation already forbids escaping the root.
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("storage key escapes the storage root: " + key);
        }
        return path;
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            log.warn("could not remove temp file path={}", temp, e);
        }
    }
}
