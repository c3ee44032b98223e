package com.pixfino.studio.ui;

import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.shape.SVGPath;

/** A vector icon that makes its node at any size: the studio's own are {@link Icons}; {@link #svg} makes a feature's own. */
@FunctionalInterface
public interface Icon {

    /** A square icon of {@code size} pixels; style it through the {@code icon} style class. */
    Node create(double size);

    /** An icon from SVG path data on the 24-unit grid of Material Icons, styled as {@code .icon} and {@code .icon-<name>}. */
    static Icon svg(String name, String path) {
        String styleClass = "icon-" + name.toLowerCase(Locale.ROOT);
        return size -> shape(path, styleClass, size);
    }

    private static Node shape(String path, String styleClass, double size) {
        double designSize = 24;
        SVGPath shape = new SVGPath();
        shape.setContent(path);
        Region icon = new Region();
        icon.setShape(shape);
        // Drawn at its 24-unit design size and scaled as a whole: stretching the shape to the box would
        // distort the narrow ones ("!", the play triangle).
        icon.setScaleShape(false);
        icon.setCenterShape(true);
        icon.setScaleX(size / designSize);
        icon.setScaleY(size / designSize);
        icon.setMinSize(size, size);
        icon.setPrefSize(size, size);
        icon.setMaxSize(size, size);
        icon.getStyleClass().addAll("icon", styleClass);
        return icon;
    }
}
