package com.pixfino.studio.shell;

import atlantafx.base.theme.Styles;
import com.pixfino.studio.core.i18n.Messages;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The app's name, icon and the version it was built as (the Maven version). */
public final class AboutDialog extends Dialog<ButtonType> {

    public AboutDialog(Window owner, Messages messages) {
        initOwner(owner);
        setTitle(messages.get("about.title"));
        getDialogPane().setId("about-dialog");
        getDialogPane().getStyleClass().add("about-dialog");

        ImageView icon = new ImageView(AppIcons.ofSize(128));
        icon.setFitWidth(96);
        icon.setFitHeight(96);
        Label name = new Label(messages.get("app.title"));
        name.getStyleClass().add(Styles.TITLE_2);
        Label version = new Label(messages.get("about.version", StudioVersion.current()));
        version.setId("about-version");
        version.getStyleClass().add(Styles.TEXT_MUTED);
        Label tagline = new Label(messages.get("about.tagline"));
        tagline.setWrapText(true);
        tagline.setMaxWidth(320);
        VBox text = new VBox(6, name, version, tagline);
        HBox content = new HBox(20, icon, text);
        content.getStyleClass().add("about-content");
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        getDialogPane().lookupButton(ButtonType.CLOSE).setId("about-close");
        // The dialog inherits the theme (a user-agent stylesheet) but not the window's own stylesheet.
        if (owner != null && owner.getScene() != null) {
            getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
    }
}
