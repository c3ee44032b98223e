package com.pixfino.model;

/** Life cycle of a generation; the last three are final. */
public enum GenerationStatus {
    PENDING,
    RUNNING,
    COMPLETED,
    FAILED,
    CANCELED;

    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == CANCELED;
    }
}
