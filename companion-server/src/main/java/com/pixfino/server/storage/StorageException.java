package com.pixfino.server.storage;

/** A storage backend failed (disk full, permission denied, network error...). */
public class StorageException extends RuntimeException {

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageException(String message) {
        super(message);
    }
}
