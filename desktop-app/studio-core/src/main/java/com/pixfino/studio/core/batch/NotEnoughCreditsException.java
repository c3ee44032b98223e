package com.pixfino.studio.core.batch;

import java.io.IOException;

/** Thrown by {@link BatchEngine#start} when the balance (or the credit cap) cannot pay for the items to run. */
public final class NotEnoughCreditsException extends IOException {

    private final transient BatchEstimate estimate;

    public NotEnoughCreditsException(String message, BatchEstimate estimate) {
        super(message);
        this.estimate = estimate;
    }

    public BatchEstimate estimate() {
        return estimate;
    }
}
