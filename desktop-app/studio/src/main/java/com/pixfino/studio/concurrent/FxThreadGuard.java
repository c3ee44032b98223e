package com.pixfino.studio.concurrent;

import com.pixfino.studio.core.concurrent.UiThreadGuard;
import javafx.application.Platform;

/** The studio's guard: the JavaFX application thread is the UI thread the core's I/O refuses. */
public final class FxThreadGuard implements UiThreadGuard {

    @Override
    public boolean onUiThread() {
        return Platform.isFxApplicationThread();
    }
}
