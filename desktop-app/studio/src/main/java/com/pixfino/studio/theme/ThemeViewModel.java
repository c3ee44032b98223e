package com.pixfino.studio.theme;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** Light/dark choice as a boolean the toggle can bind to, kept in step with the remembered mode. */
public final class ThemeViewModel {

    private final ObjectProperty<ThemeMode> mode;
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");

    public ThemeViewModel(ObjectProperty<ThemeMode> mode) {
        this.mode = mode;
        dark.set(mode.get() == ThemeMode.DARK);
        dark.addListener((obs, was, isDark) -> mode.set(isDark ? ThemeMode.DARK : ThemeMode.LIGHT));
        mode.addListener((obs, was, now) -> dark.set(now == ThemeMode.DARK));
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public void toggle() {
        mode.set(mode.get().toggled());
    }
}
