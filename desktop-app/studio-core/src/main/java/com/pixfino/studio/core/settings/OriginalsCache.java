package com.pixfino.studio.core.settings;

/**
 * How much disk the full-size results downloaded into the library may take together; past it the least recently
 * opened ones are deleted (they download again when opened). Thumbnails are not counted and never evicted.
 */
public record OriginalsCache(long capBytes) {

    /** 2 GB. */
    public static final long DEFAULT_CAP_BYTES = 2L * 1024 * 1024 * 1024;

    public static final OriginalsCache DEFAULT = new OriginalsCache(DEFAULT_CAP_BYTES);

    public OriginalsCache {
        if (capBytes < 0) {
            throw new IllegalArgumentException("The originals cache cannot be smaller than nothing");
        }
    }
}
