package com.pixfino.studio.create;

import com.pixfino.model.AspectRatio;
import com.pixfino.studio.core.i18n.Messages;
import java.util.Locale;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The format picker: one toggle per format with a small frame drawn at its ratio, the ratio and its social use
 * under it; formats the selected preset cannot make are disabled with a tooltip saying why.
 */
final class FormatPicker extends FlowPane {

    private static final String TIP = "format-tip";
    private static final double FRAME = 34; // the longer side of a frame, in pixels

    FormatPicker(CreateViewModel viewModel, Messages messages) {
        super(4, 6);
        setId("format-picker");
        getStyleClass().add("format-picker");
        ToggleGroup group = new ToggleGroup();
        for (AspectRatio ratio : AspectRatio.values()) {
            ToggleButton button = new ToggleButton();
            button.setId("format-" + ratio.label().replace(':', 'x'));
            button.getStyleClass().add("format-option");
            button.setToggleGroup(group);
            button.setUserData(ratio);
            Region frame = new Region();
            frame.getStyleClass().add("format-frame");
            double scale = FRAME / Math.max(ratio.width(), ratio.height());
            frame.setMinSize(ratio.width() * scale, ratio.height() * scale);
            frame.setMaxSize(ratio.width() * scale, ratio.height() * scale);
            StackPane frameBox = new StackPane(frame);
            frameBox.setMinSize(FRAME, FRAME);
            frameBox.setPrefSize(FRAME, FRAME);
            Label label = new Label(ratio.label());
            label.getStyleClass().add("format-label");
            Label use = new Label(messages.get("format.use." + ratio.name().toLowerCase(Locale.ROOT)));
            use.getStyleClass().addAll("format-use", "muted");
            VBox content = new VBox(2, frameBox, label, use);
            content.getStyleClass().add("format-content");
            button.setGraphic(content);
            button.setAccessibleRole(AccessibleRole.TOGGLE_BUTTON);
            button.setAccessibleText(messages.get("create.format.accessible", ratio.label(), use.getText()));
            button.setOnAction(event -> {
                viewModel.chooseFormat(ratio);
                button.setSelected(ratio == viewModel.formatProperty().get());
            });
            // A disabled node gets no mouse events, so its own tooltip never shows: the frame's cell carries it.
            StackPane cell = new StackPane(button);
            cell.setId("format-cell-" + ratio.label().replace(':', 'x'));
            cell.getStyleClass().add("format-cell");
            cell.setUserData(button);
            getChildren().add(cell);
        }
        Runnable sync = () -> {
            for (var node : getChildren()) {
                StackPane cell = (StackPane) node;
                ToggleButton button = (ToggleButton) cell.getUserData();
                AspectRatio ratio = (AspectRatio) button.getUserData();
                boolean supported = viewModel.supportsFormat(ratio);
                button.setDisable(!supported);
                button.setSelected(ratio == viewModel.formatProperty().get());
                var preset = viewModel.presets().selectedProperty().get();
                String use = messages.get("format.use." + ratio.name().toLowerCase(Locale.ROOT));
                Tooltip old = (Tooltip) cell.getProperties().get(TIP);
                if (old != null) {
                    Tooltip.uninstall(cell, old);
                    cell.getProperties().remove(TIP);
                }
                if (supported || preset == null) {
                    button.setAccessibleText(messages.get("create.format.accessible", ratio.label(), use));
                    // the use under a frame may be cut ("Instagram port…"): the tooltip says it whole
                    button.setTooltip(new Tooltip(ratio.label() + " \u00b7 " + use));
                } else {
                    button.setTooltip(null);
                    String why = messages.get("create.format.unsupported", preset.name(), ratio.label());
                    Tooltip tip = new Tooltip(why);
                    tip.setShowDelay(javafx.util.Duration.millis(300));
                    Tooltip.install(cell, tip);
                    cell.getProperties().put(TIP, tip);
                    button.setAccessibleText(messages.get("create.format.unsupportedAccessible", ratio.label(), why));
                }
            }
        };
        viewModel.formatProperty().addListener((obs, was, now) -> sync.run());
        viewModel.presets().selectedProperty().addListener((obs, was, now) -> sync.run());
        sync.run();
    }
}
