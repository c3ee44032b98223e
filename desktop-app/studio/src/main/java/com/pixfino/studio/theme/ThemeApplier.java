package com.pixfino.studio.theme;

import javafx.application.Application;
import javafx.beans.value.ObservableValue;

/** Installs the chosen AtlantaFX theme as the application-wide user-agent stylesheet. */
public final class ThemeApplier {

    private final ObservableValue<ThemeMode> mode;

    public ThemeApplier(ObservableValue<ThemeMode> mode) {
        this.mode = mode;
    }

    /** Call on the JavaFX thread before the first scene is shown, so nothing flashes in Modena. */
    public void start() {
        apply(mode.getValue());
        mode.addListener((obs, was, now) -> apply(now));
    }

    private static void apply(ThemeMode mode) {
        Application.setUserAgentStylesheet(mode.userAgentStylesheet());
    }
}
