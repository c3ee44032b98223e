package com.pixfino.studio.ui;

import java.util.Locale;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;

/** Keeps exactly one {@code prefix-value} style class on a node, so its look follows a state in CSS. */
public final class ToneStyles {

    private ToneStyles() {}

    public static void set(Node node, String prefix, Enum<?> value) {
        node.getStyleClass().removeIf(styleClass -> styleClass.startsWith(prefix + "-"));
        if (value != null) {
            node.getStyleClass()
                    .add(prefix + "-" + value.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
    }

    /** Keeps the node's {@code prefix-value} class in step with {@code value}. */
    public static void follow(Node node, String prefix, ObservableValue<? extends Enum<?>> value) {
        set(node, prefix, value.getValue());
        value.addListener((obs, was, now) -> set(node, prefix, now));
    }
}
