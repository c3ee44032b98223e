package com.pixfino.studio.shell;

import com.pixfino.studio.core.i18n.Messages;
import java.util.HashMap;
import java.util.Map;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The column of screens on the left, in registry order; a screen's badge (the queue's running jobs) shows beside its name. */
public final class NavigationBar extends VBox {

    private final ShellViewModel shell;
    private final Messages messages;
    private final ToggleGroup group = new ToggleGroup();
    private final Map<ScreenDescriptor, ToggleButton> buttons = new HashMap<>();

    public NavigationBar(ShellViewModel shell, Messages messages) {
        this.shell = shell;
        this.messages = messages;
        setId("navigation");
        getStyleClass().add("navigation");
        rebuild();
        shell.visibleScreens().addListener((ListChangeListener<ScreenDescriptor>) change -> rebuild());
        shell.screenProperty().addListener((obs, was, now) -> select(now));
        group.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null && was != null && buttons.containsValue(was)) {
                was.setSelected(true); // one screen is always showing
            } else if (now != null) {
                shell.show((ScreenDescriptor) now.getUserData());
            }
        });
    }

    private void rebuild() {
        buttons.clear();
        group.getToggles().clear();
        getChildren().clear();
        for (ScreenDescriptor screen : shell.visibleScreens()) {
            ToggleButton button = button(screen);
            buttons.put(screen, button);
            getChildren().add(button);
        }
        select(shell.screenProperty().get());
    }

    private ToggleButton button(ScreenDescriptor screen) {
        String title = messages.get(screen.titleKey());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox content = new HBox(10, screen.icon().create(20), new Label(title), spacer);
        content.getStyleClass().add("nav-content");
        screen.badge().ifPresent(count -> content.getChildren().add(badge(screen, count)));
        ToggleButton button = new ToggleButton();
        button.setGraphic(content);
        button.setId("nav-" + screen.id());
        button.getStyleClass().add("nav-button");
        button.setMaxWidth(Double.MAX_VALUE);
        button.setToggleGroup(group);
        button.setUserData(screen);
        button.setTooltip(new Tooltip(
                messages.get("nav.shortcut", title, screen.shortcut().getDisplayText())));
        return button;
    }

    private static Label badge(ScreenDescriptor screen, ObservableValue<Number> count) {
        Label badge = new Label();
        badge.setId("nav-" + screen.id() + "-count");
        badge.getStyleClass().add("nav-count");
        badge.textProperty().bind(count.map(Number::toString));
        badge.visibleProperty().bind(count.map(n -> n.intValue() > 0));
        return badge;
    }

    private void select(ScreenDescriptor screen) {
        ToggleButton button = buttons.get(screen);
        if (button != null && group.getSelectedToggle() != button) {
            group.selectToggle(button);
        }
    }
}
