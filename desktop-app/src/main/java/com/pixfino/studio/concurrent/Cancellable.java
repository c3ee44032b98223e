package com.pixfino.studio.concurrent;

/** A handle on something scheduled; cancelling twice, or after it ran, does nothing. */
@FunctionalInterface
public interface Cancellable {

    Cancellable NONE = () -> { };

    void cancel();
}
