package com.pixfino.studio.concurrent;

import javafx.application.Platform;

/** Blocking I/O on the JavaFX thread freezes the window: the classes that do I/O refuse it loudly. */
public final class UiThreadGuard {

    private UiThreadGuard() {
    }

    /** @throws IllegalStateException when called on the JavaFX application thread */
    public static void refuse(String component) {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException(component
                    + " does blocking I/O and must not run on the JavaFX thread; use the TaskExecutor");
        }
    }
}
