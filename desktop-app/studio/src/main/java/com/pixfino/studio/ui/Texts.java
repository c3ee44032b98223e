package com.pixfino.studio.ui;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** Label habits shared by every screen. */
public final class Texts {

    private Texts() {
    }

    /** Wraps onto as many lines as it needs; without the minimum height a squeezed layout ends it in "…". */
    public static <T extends Label> T wrapping(T label) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}
