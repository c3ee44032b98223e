package com.pixfino.studio.core.concurrent;

/**
 * Blocking I/O on a UI thread freezes the window, so the core's I/O classes are given a guard and refuse that
 * thread loudly. The JavaFX studio passes one that knows its application thread; a CLI passes {@link #NONE}.
 */
@FunctionalInterface
public interface UiThreadGuard {

    /** For programs without a UI thread (the command line, batch runs, tests of the core). */
    UiThreadGuard NONE = () -> false;

    /** Whether the calling thread is the UI thread. */
    boolean onUiThread();

    /** @throws IllegalStateException when called on the UI thread */
    default void refuse(String component) {
        if (onUiThread()) {
            throw new IllegalStateException(
                    component + " does blocking I/O and must not run on the UI thread; use the TaskExecutor");
        }
    }
}
