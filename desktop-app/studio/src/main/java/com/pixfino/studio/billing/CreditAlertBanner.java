package com.pixfino.studio.billing;

import atlantafx.base.theme.Styles;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.ui.Icons;
import com.pixfino.studio.ui.Texts;
import com.pixfino.studio.ui.ToneStyles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The low-credit / failed-payment banner under the header: what is wrong, the way to the plans, and "hide". */
public final class CreditAlertBanner extends HBox {

    public CreditAlertBanner(CreditAlertViewModel viewModel, Messages messages) {
        setId("credit-alert");
        getStyleClass().add("credit-alert");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);

        Label text = Texts.wrapping(new Label());
        text.setId("credit-alert-text");
        text.getStyleClass().add("banner-text");
        text.textProperty().bind(viewModel.textProperty());
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);

        Button action = new Button();
        action.setId("credit-alert-action");
        action.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT);
        action.textProperty().bind(viewModel.actionTextProperty());
        action.setMinWidth(Region.USE_PREF_SIZE);
        action.setOnAction(event -> viewModel.act());

        Button hide = new Button(null, Icons.CLOSE.create(14));
        hide.setId("credit-alert-dismiss");
        hide.getStyleClass().addAll(Styles.SMALL, Styles.FLAT, Styles.BUTTON_ICON);
        hide.setTooltip(new Tooltip(messages.get("banner.dismiss")));
        hide.setAccessibleText(messages.get("banner.dismiss"));
        hide.setOnAction(event -> viewModel.dismiss());

        getChildren().addAll(Icons.ERROR.create(20), text, action, hide);
        ToneStyles.follow(this, "alert", viewModel.alertProperty());
        visibleProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> viewModel.alertProperty().get() != CreditAlertViewModel.Alert.NONE,
                        viewModel.alertProperty()));
        managedProperty().bind(visibleProperty());
    }
}
