package com.pixfino.studio.create;

import com.pixfino.model.PresetCategory;
import com.pixfino.model.api.PresetView;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Rectangle;

/**
 * A preset's art: its preview picture once loaded, and until then (or without one) a gradient in its category's
 * colours with its initials. The browser's tiles and the batch screen's preset list draw the same art, so a style
 * looks the same everywhere.
 */
public final class PresetArt {

    private PresetArt() {}

    /** A small square of the preset's art, e.g. beside its name in a list: its picture once {@code picture} has one. */
    public static StackPane thumbnail(PresetView preset, double size, ReadOnlyObjectProperty<Image> picture) {
        StackPane art = thumbnail(preset, size);
        art.getChildren().get(0).visibleProperty().bind(picture.isNull());
        art.getChildren().add(picture(preset, picture, size, size / 6));
        return art;
    }

    /**
     * The preset's picture filling a square of {@code size} with rounded corners (centre-cropped), shown only while
     * {@code picture} has one.
     */
    static ImageView picture(PresetView preset, ReadOnlyObjectProperty<Image> picture, double size, double radius) {
        ImageView view = new ImageView();
        view.setId("preset-" + preset.slug() + "-picture");
        view.getStyleClass().add("preset-picture");
        view.setFitWidth(size);
        view.setFitHeight(size);
        view.setPreserveRatio(false); // previews are square
        view.setSmooth(true);
        view.imageProperty().bind(picture);
        view.visibleProperty().bind(picture.isNotNull());
        view.setMouseTransparent(true);
        Rectangle corners = new Rectangle(size, size);
        corners.setArcWidth(2 * radius);
        corners.setArcHeight(2 * radius);
        view.setClip(corners);
        return view;
    }

    /** A small square of the preset's monogram art. */
    public static StackPane thumbnail(PresetView preset, double size) {
        StackPane art = new StackPane();
        art.getStyleClass().add("preset-thumb");
        art.setMinSize(size, size);
        art.setPrefSize(size, size);
        art.setMaxSize(size, size);
        art.setBackground(new Background(new BackgroundFill(gradient(preset), new CornerRadii(size / 6), null)));
        Label initials = new Label(initials(preset.name()));
        initials.getStyleClass().add("preset-thumb-initials");
        art.getChildren().add(initials);
        return art;
    }

    static String initials(String name) {
        String letters = Arrays.stream(name.split("[^\\p{L}\\p{N}]+"))
                .filter(word -> !word.isEmpty())
                .limit(2)
                .map(word -> word.substring(0, 1).toUpperCase(Locale.ROOT))
                .collect(Collectors.joining());
        return letters.isEmpty() ? "?" : letters;
    }

    // Each category has its own hue family; the slug moves it a little so neighbours differ.
    static LinearGradient gradient(PresetView preset) {
        double base = switch (preset.category() == null ? PresetCategory.PORTRAIT : preset.category()) {
            case PORTRAIT -> 25;
            case HEADSHOT -> 210;
            case FASHION -> 330;
            case FANTASY -> 265;
            case PRODUCT -> 165;
            case VIDEO_AD -> 5;
        };
        double shift = (Math.floorMod(preset.slug().hashCode(), 40)) - 20;
        Color from = Color.hsb((base + shift + 360) % 360, 0.55, 0.82);
        Color to = Color.hsb((base + shift + 40 + 360) % 360, 0.75, 0.45);
        return new LinearGradient(0, 0, 1, 1, true, CycleMethod.NO_CYCLE, new Stop(0, from), new Stop(1, to));
    }
}
