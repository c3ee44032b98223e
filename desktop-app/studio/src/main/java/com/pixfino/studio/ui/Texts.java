package com.pixfino.studio.ui;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** Label habits shared by every screen. */
public final class Texts {

    private Texts() {}

    /** Wraps onto as many lines as it needs; without the minimum height a squeezed layout ends it in "…". */
    public static <T extends Label> T wrapping(T label) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    /** A status or notice line: shows {@code text}, wraps, and takes no room while there is nothing to say. */
    public static Label statusLine(String id, ObservableValue<String> text, String... styleClasses) {
        Label label = wrapping(new Label());
        label.setId(id);
        label.getStyleClass().addAll(styleClasses);
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    /** A status line for {@code status}: its message, styled {@code tone-<tone>} as its tone changes. */
    public static Label statusLine(String id, ActivityStatus status, String... styleClasses) {
        Label label = statusLine(id, status.messageProperty(), styleClasses);
        ToneStyles.follow(label, "tone", status.toneProperty());
        return label;
    }
}
