package com.pixfino.studio.shell;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import com.pixfino.studio.i18n.Messages;
import com.pixfino.studio.theme.ThemeViewModel;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The bar across the top: the app name and the light/dark switch. */
public final class HeaderView extends HBox {

    public HeaderView(ThemeViewModel theme, Messages messages) {
        setId("studio-header");
        getStyleClass().add("studio-header");

        Label title = new Label(messages.get("app.title"));
        title.setId("app-title");
        title.getStyleClass().addAll(Styles.TITLE_3, "studio-title");

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        ToggleSwitch dark = new ToggleSwitch(messages.get("header.theme.dark"));
        dark.setId("theme-toggle");
        dark.selectedProperty().bindBidirectional(theme.darkProperty());

        getChildren().addAll(title, spacer, dark);
    }
}
