package com.pixfino.studio.ui;

import javafx.scene.input.KeyEvent;

/** What the shell asks of the screen that is showing: keyboard shortcuts, F5, and being shown. */
public interface ScreenActions {

    /** @return true when the key was used; a screen with no keys of its own uses none */
    default boolean shortcut(KeyEvent event) {
        return false;
    }

    /** F5 and the screen's refresh button. */
    void refresh();

    /** The screen has just become the one showing. */
    default void shown() {}

    /** A screen that reads everything again each time it is shown, as the admin screens do (their figures move). */
    interface RefreshedWhenShown extends ScreenActions {

        @Override
        default void shown() {
            refresh();
        }
    }
}
