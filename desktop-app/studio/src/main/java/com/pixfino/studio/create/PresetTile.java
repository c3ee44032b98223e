package com.pixfino.studio.create;

import com.pixfino.model.MediaKind;
import com.pixfino.model.api.PresetView;
import com.pixfino.model.api.styles.StyleView;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.ui.Icons;
import com.pixfino.studio.ui.Texts;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;

/**
 * One preset in the browser: its preview picture once loaded, and until then (or without one) its own art: a gradient
 * in the category's colours, shifted per preset, with the preset's initials.
 */
final class PresetTile extends VBox {

    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass LOCKED = PseudoClass.getPseudoClass("locked");
    static final double ART_SIZE = 136;

    PresetTile(
            PresetView preset,
            Optional<String> lockReason,
            ReadOnlyObjectProperty<Image> picture,
            Messages messages,
            Runnable onSelect) {
        setId("preset-" + preset.slug());
        getStyleClass().add("preset-tile");
        setFocusTraversable(true);
        pseudoClassStateChanged(LOCKED, lockReason.isPresent());

        StackPane art = art(preset, lockReason.isPresent(), picture, messages);
        Label name = new Label(preset.name());
        name.getStyleClass().add("preset-name");
        name.setMaxWidth(ART_SIZE);
        Texts.wrapping(name);
        Label cost = new Label(messages.get("presets.credits", preset.credits()));
        cost.getStyleClass().add("preset-credits");
        cost.setMinWidth(USE_PREF_SIZE); // the price is never cut; the category may be
        Label category = new Label(preset.category().label());
        category.getStyleClass().add("preset-category");
        Region gap = new Region();
        HBox.setHgrow(gap, javafx.scene.layout.Priority.ALWAYS);
        HBox meta = new HBox(4, category, gap, cost);
        meta.setMaxWidth(ART_SIZE);
        getChildren().addAll(art, name, meta);
        if (lockReason.isPresent()) {
            Label needsPlan = new Label(messages.get("presets.needsPlan"), Icons.LOCK.create(12));
            needsPlan.setId("preset-" + preset.slug() + "-lock");
            needsPlan.getStyleClass().add("preset-lock-note");
            needsPlan.setMaxWidth(ART_SIZE);
            getChildren().add(needsPlan);
        }

        String tip = preset.name() + " \u2014 " + messages.get("presets.credits", preset.credits())
                + lockReason.map(reason -> "\n" + reason).orElse("");
        Tooltip.install(this, new Tooltip(tip));
        setOnMouseClicked(event -> {
            requestFocus();
            onSelect.run();
        });
        setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER || event.getCode() == KeyCode.SPACE) {
                onSelect.run();
                event.consume();
            }
        });
    }

    /**
     * One of the user's styles under "My styles": the base preset's art with the style's name, "Based on … · 9:16",
     * and a menu (right click or the keyboard's context-menu key) to rename or delete it.
     */
    PresetTile(
            StyleView style,
            PresetView base,
            ReadOnlyObjectProperty<Image> picture,
            Messages messages,
            Runnable onSelect,
            ContextMenu menu) {
        setId("style-" + style.id());
        getStyleClass().addAll("preset-tile", "style-tile");
        setFocusTraversable(true);
        StackPane art;
        if (base != null) {
            art = art(base, false, picture, messages);
            // the base preset's colours only: its initials and badges (Featured, PRO) are not the style's
            art.getChildren()
                    .removeIf(node -> node.getStyleClass().contains("preset-initials")
                            || node.getStyleClass().contains("preset-badge"));
        } else {
            art = new StackPane();
            art.getStyleClass().addAll("preset-art", "style-art-missing");
            art.setMinSize(ART_SIZE, ART_SIZE);
            art.setPrefSize(ART_SIZE, ART_SIZE);
            art.setMaxSize(ART_SIZE, ART_SIZE);
        }
        Label initials = new Label(PresetArt.initials(style.name()));
        initials.getStyleClass().add("preset-initials");
        if (base != null) {
            initials.visibleProperty().bind(picture.isNull()); // the base preset's picture says it better
        }
        art.getChildren().add(initials);
        Label name = new Label(style.name());
        name.getStyleClass().add("preset-name");
        name.setMaxWidth(ART_SIZE);
        Texts.wrapping(name);
        Label basedOn = new Label(
                base == null
                        ? messages.get("create.style.baseMissing")
                        : messages.get("create.style.based", base.name(), style.aspectRatio()));
        basedOn.getStyleClass().add("preset-category");
        basedOn.setMaxWidth(ART_SIZE);
        Texts.wrapping(basedOn);
        getChildren().addAll(art, name, basedOn);
        String baseName = base == null ? style.basePresetName() : base.name();
        setAccessibleText(style.name() + ", " + messages.get("create.style.based", baseName, style.aspectRatio()));
        Tooltip.install(this, new Tooltip(messages.get("create.style.tile.tip", style.name(), baseName)));
        setOnMouseClicked(event -> {
            if (event.getButton() == javafx.scene.input.MouseButton.PRIMARY) {
                requestFocus();
                onSelect.run();
            } else if (event.getButton() == javafx.scene.input.MouseButton.SECONDARY && !menu.isShowing()) {
                // where the platform sends no context-menu event for a right click
                requestFocus();
                menu.show(this, event.getScreenX(), event.getScreenY());
            }
        });
        setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER || event.getCode() == KeyCode.SPACE) {
                onSelect.run();
                event.consume();
            } else if (event.getCode() == KeyCode.CONTEXT_MENU
                    || (event.isShiftDown() && event.getCode() == KeyCode.F10)) {
                // the keyboard's menu key, also where the platform sends no context-menu event for it
                var corner = localToScreen(getWidth() / 2, getHeight() / 2);
                menu.show(this, corner.getX(), corner.getY());
                event.consume();
            }
        });
        setOnContextMenuRequested(event -> {
            requestFocus();
            menu.show(this, event.getScreenX(), event.getScreenY());
            event.consume();
        });
    }

    void setSelected(boolean selected) {
        pseudoClassStateChanged(SELECTED, selected);
    }

    private static StackPane art(
            PresetView preset, boolean locked, ReadOnlyObjectProperty<Image> picture, Messages messages) {
        StackPane art = new StackPane();
        art.getStyleClass().add("preset-art");
        art.setMinSize(ART_SIZE, ART_SIZE);
        art.setPrefSize(ART_SIZE, ART_SIZE);
        art.setMaxSize(ART_SIZE, ART_SIZE);
        art.setBackground(new Background(new BackgroundFill(PresetArt.gradient(preset), new CornerRadii(10), null)));

        double seed = Math.abs(preset.slug().hashCode() % 1000) / 1000.0;
        Circle glow = new Circle(ART_SIZE * (0.28 + 0.2 * seed), Color.rgb(255, 255, 255, 0.14));
        StackPane.setAlignment(glow, seed > 0.5 ? Pos.TOP_RIGHT : Pos.BOTTOM_LEFT);
        Circle ring = new Circle(ART_SIZE * 0.16, Color.TRANSPARENT);
        ring.setStroke(Color.rgb(255, 255, 255, 0.22));
        ring.setStrokeWidth(6);
        StackPane.setAlignment(ring, seed > 0.5 ? Pos.BOTTOM_LEFT : Pos.TOP_RIGHT);

        Label initials = new Label(PresetArt.initials(preset.name()));
        initials.getStyleClass().add("preset-initials");

        // the monogram while there is no picture, the picture over it once there is
        glow.visibleProperty().bind(picture.isNull());
        ring.visibleProperty().bind(picture.isNull());
        initials.visibleProperty().bind(picture.isNull());
        art.getChildren().addAll(glow, ring, initials, PresetArt.picture(preset, picture, ART_SIZE, 10));
        if (preset.featured()) {
            place(art, badge(messages.get("presets.featured"), "badge-featured", Icons.STAR), Pos.TOP_LEFT);
        }
        if (preset.pro()) {
            place(
                    art,
                    badge(
                            messages.get("presets.pro"),
                            locked ? "badge-locked" : "badge-pro",
                            locked ? Icons.LOCK : null),
                    Pos.TOP_RIGHT);
        }
        if (preset.kind() == MediaKind.VIDEO) {
            String text = preset.durationSeconds() == null
                    ? messages.get("presets.video")
                    : messages.get("presets.videoSeconds", preset.durationSeconds());
            place(art, badge(text, "badge-video", Icons.VIDEO), Pos.BOTTOM_LEFT);
        }
        return art;
    }

    private static void place(StackPane art, Label badge, Pos corner) {
        StackPane.setAlignment(badge, corner);
        StackPane.setMargin(badge, new javafx.geometry.Insets(7));
        art.getChildren().add(badge);
    }

    private static Label badge(String text, String styleClass, Icons icon) {
        Label badge = new Label(text);
        badge.getStyleClass().addAll("preset-badge", styleClass);
        if (icon != null) {
            badge.setGraphic(icon.create(13));
        }
        return badge;
    }
}
