package com.pixfino.studio.shell;

import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.ui.Icons;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The column of screens on the left; the queue's entry counts the jobs still running. */
public final class NavigationBar extends VBox {

    private final Map<Screen, ToggleButton> buttons = new EnumMap<>(Screen.class);

    public NavigationBar(ShellViewModel shell, Messages messages, ObservableValue<Number> activeJobs) {
        setId("navigation");
        getStyleClass().add("navigation");
        ToggleGroup group = new ToggleGroup();
        Icons[] icons = {Icons.CREATE, Icons.QUEUE, Icons.GALLERY, Icons.ACCOUNT};
        for (Screen screen : Screen.values()) {
            String key = screen.name().toLowerCase(Locale.ROOT);
            Label text = new Label(messages.get("nav." + key));
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox content = new HBox(10, icons[screen.ordinal()].create(20), text, spacer);
            content.getStyleClass().add("nav-content");
            if (screen == Screen.QUEUE) {
                Label count = new Label();
                count.setId("nav-queue-count");
                count.getStyleClass().add("nav-count");
                count.textProperty().bind(activeJobs.map(Number::toString));
                count.visibleProperty().bind(activeJobs.map(n -> n.intValue() > 0));
                content.getChildren().add(count);
            }
            ToggleButton button = new ToggleButton();
            button.setGraphic(content);
            button.setId("nav-" + key);
            button.getStyleClass().add("nav-button");
            button.setMaxWidth(Double.MAX_VALUE);
            button.setToggleGroup(group);
            button.setUserData(screen);
            button.setTooltip(new Tooltip(messages.get("nav.shortcut", messages.get("nav." + key), screen.ordinal() + 1)));
            buttons.put(screen, button);
            getChildren().add(button);
        }
        select(group, shell.screenProperty().get());
        shell.screenProperty().addListener((obs, was, now) -> select(group, now));
        group.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one screen is always showing
            } else {
                shell.show((Screen) now.getUserData());
            }
        });
    }

    private void select(ToggleGroup group, Screen screen) {
        Toggle button = buttons.get(screen);
        if (group.getSelectedToggle() != button) {
            group.selectToggle(button);
        }
    }
}
