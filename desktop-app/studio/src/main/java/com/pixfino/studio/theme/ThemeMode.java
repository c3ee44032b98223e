package com.pixfino.studio.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;

/** The two looks the studio offers, each an AtlantaFX theme. */
public enum ThemeMode {
    LIGHT(new PrimerLight()),
    DARK(new PrimerDark());

    private final Theme theme;

    ThemeMode(Theme theme) {
        this.theme = theme;
    }

    public String userAgentStylesheet() {
        return theme.getUserAgentStylesheet();
    }

    public ThemeMode toggled() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
