package com.pixfino.server.storage;

import java.util.regex.Pattern;

/** The rules every {@link Storage} key obeys, shared so all backends accept exactly the same keys. */
public final class StorageKey {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._/-]+");
    // S3 limits keys to 1024 bytes; the filesystem should not accept more than S3 will.
    private static final int MAX_LENGTH = 1024;

    private StorageKey() {}

    /**
     * Returns {@code key} if it is a valid storage key.
     *
     * @throws IllegalArgumentException if the key is null, blank, too long, absolute, has characters
     *                                  outside {@code [A-Za-z0-9._/-]}, or an empty/{@code .}/{@code ..} segment
     */
    public static String requireValid(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("storage key is empty");
        }
        if (key.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("storage key is longer than " + MAX_LENGTH + " characters");
        }
        if (!ALLOWED.matcher(key).matches()) {
            throw new IllegalArgumentException("storage key has characters outside [A-Za-z0-9._/-]: " + key);
        }
        // split with -1 keeps trailing empty segments, so "a/" and "/a" and "a//b" are all caught
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException(
                        "storage key must be relative with no empty, '.' or '..' segments: " + key);
            }
        }
        return key;
    }
}
