package com.pixfino.studio;

import com.pixfino.studio.app.StudioApp;
import javafx.application.Application;

/**
 * Main class. It does not extend {@link Application}: launched from a plain classpath, a main class that
 * does would fail with "JavaFX runtime components are missing".
 */
public final class StudioLauncher {

    private StudioLauncher() {}

    public static void main(String[] args) {
        StudioApp.prepareContext();
        Application.launch(StudioApp.class, args);
    }
}
