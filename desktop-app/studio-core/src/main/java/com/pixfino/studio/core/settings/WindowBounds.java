package com.pixfino.studio.core.settings;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The main window's last position and size, in screen coordinates. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WindowBounds(double x, double y, double width, double height) {

    public static final double MIN_WIDTH = 720;
    public static final double MIN_HEIGHT = 480;

    /** A hand-edited or damaged file must not produce a window too small to use. */
    @JsonIgnore
    public boolean isUsable() {
        return Double.isFinite(x) && Double.isFinite(y) && width >= MIN_WIDTH && height >= MIN_HEIGHT;
    }
}
