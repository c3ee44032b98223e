package com.pixfino.studio.core.batch;

/** Where one file × preset of a batch stands. */
public enum ItemStatus {
    PENDING,
    PREPARING,
    UPLOADING,
    SUBMITTED,
    RUNNING,
    COMPLETED,
    FAILED,
    SKIPPED,
    CANCELED;

    /** Nothing more happens to the item in this run: completed, failed, skipped or canceled. */
    public boolean finished() {
        return this == COMPLETED || this == FAILED || this == SKIPPED || this == CANCELED;
    }
}
