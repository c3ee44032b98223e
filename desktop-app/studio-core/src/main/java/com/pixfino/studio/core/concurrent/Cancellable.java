package com.pixfino.studio.core.concurrent;

/** A handle on something scheduled; cancelling twice, or after it ran, does nothing. */
@FunctionalInterface
public interface Cancellable {

    Cancellable NONE = () -> {};

    void cancel();
}
