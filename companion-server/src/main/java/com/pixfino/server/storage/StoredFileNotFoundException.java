package com.pixfino.server.storage;

/** Nothing is stored under the requested key. */
public class StoredFileNotFoundException extends StorageException {

    private final String key;

    public StoredFileNotFoundException(String key) {
        super("no stored file under key " + key);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
