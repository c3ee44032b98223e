package com.pixfino.studio.connection;

import atlantafx.base.theme.Styles;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.ui.Texts;
import com.pixfino.studio.ui.ToneStyles;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The connection panel: server URL, a check button and a status line. Binds and forwards only. */
public final class ConnectionView extends VBox {

    public ConnectionView(ServerConnectionViewModel viewModel, Messages messages) {
        setId("connection-panel");
        getStyleClass().add("connection-panel");

        Label heading = new Label(messages.get("connection.heading"));
        heading.getStyleClass().addAll(Styles.TEXT_BOLD, "connection-heading");
        Label description = new Label(messages.get("connection.description"));
        description.getStyleClass().add("connection-description");
        Texts.wrapping(description);

        TextField url = new TextField();
        url.setId("server-url");
        url.setPromptText(messages.get("connection.url.prompt"));
        url.textProperty().bindBidirectional(viewModel.serverUrlProperty());
        url.setOnAction(event -> viewModel.check());
        heading.setLabelFor(url);
        HBox.setHgrow(url, Priority.ALWAYS);

        Button check = new Button(messages.get("connection.check"));
        check.setId("check-connection");
        // Not a default button: on the sign-in screen Enter signs in; Enter in the URL field checks.
        check.disableProperty().bind(viewModel.busyProperty());
        check.setOnAction(event -> viewModel.check());

        HBox urlRow = new HBox(url, check);
        urlRow.getStyleClass().add("connection-url-row");

        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("connection-progress");
        progress.getStyleClass().add("connection-progress");
        progress.visibleProperty().bind(viewModel.busyProperty());
        progress.managedProperty().bind(viewModel.busyProperty());

        Label status = new Label();
        status.setId("connection-status");
        status.getStyleClass().add("connection-status");
        Texts.wrapping(status);
        status.textProperty().bind(viewModel.statusProperty());
        // One style class per state, so colours live in studio.css and follow the theme.
        ToneStyles.follow(status, "state", viewModel.stateProperty());

        HBox statusRow = new HBox(progress, status);
        statusRow.getStyleClass().add("connection-status-row");

        getChildren().addAll(heading, description, urlRow, statusRow);
    }
}
