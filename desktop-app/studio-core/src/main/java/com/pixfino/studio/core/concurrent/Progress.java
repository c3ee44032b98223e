package com.pixfino.studio.core.concurrent;

/** One progress report of background work, as the UI thread receives it. */
public record Progress(double fraction, String message) {

    /** The fraction of work whose amount is not known (JavaFX shows an indeterminate indicator for it). */
    public static final double UNKNOWN = -1;

    public Progress {
        message = message == null ? "" : message;
    }
}
