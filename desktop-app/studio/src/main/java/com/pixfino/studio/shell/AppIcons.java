package com.pixfino.studio.shell;

import java.util.List;
import java.util.Objects;
import javafx.scene.image.Image;

/** The app icon at the sizes window managers and taskbars ask for (drawn by jpackage/icons/RenderIcons.java). */
public final class AppIcons {

    public static final List<Integer> SIZES = List.of(16, 24, 32, 48, 64, 128, 256);

    private AppIcons() {}

    public static List<Image> all() {
        return SIZES.stream().map(AppIcons::ofSize).toList();
    }

    public static Image ofSize(int size) {
        String name = "/com/pixfino/studio/icons/pixfino-studio-" + size + ".png";
        return new Image(
                Objects.requireNonNull(AppIcons.class.getResource(name), name).toExternalForm());
    }
}
