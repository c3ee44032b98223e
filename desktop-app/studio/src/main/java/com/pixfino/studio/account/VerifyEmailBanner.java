package com.pixfino.studio.account;

import atlantafx.base.theme.Styles;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.ui.Icons;
import com.pixfino.studio.ui.Texts;
import com.pixfino.studio.ui.ToneStyles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The slim line over the account screen while the address is not confirmed: why it matters, and "Resend". */
final class VerifyEmailBanner extends HBox {

    VerifyEmailBanner(SecurityViewModel viewModel, Messages messages) {
        super(10);
        setId("verify-banner");
        getStyleClass().add("verify-banner");
        setAlignment(Pos.CENTER_LEFT);

        Label text = Texts.wrapping(new Label(messages.get("banner.verify.text")));
        text.setId("verify-banner-text");
        text.getStyleClass().add("banner-text");
        Label outcome = Texts.statusLine("verify-banner-status", viewModel.verificationMessageProperty());
        ToneStyles.follow(outcome, "tone", viewModel.verificationToneProperty());
        HBox words = new HBox(10, text, outcome);
        words.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(words, Priority.ALWAYS);
        words.setMaxWidth(Double.MAX_VALUE);

        Button resend = new Button(messages.get("banner.verify.resend"));
        resend.setId("verify-banner-resend");
        resend.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT);
        resend.setMinWidth(Region.USE_PREF_SIZE);
        resend.disableProperty().bind(viewModel.verificationBusyProperty());
        resend.setOnAction(event -> viewModel.resendVerification());

        getChildren().addAll(Icons.ERROR.create(18), words, resend);
        visibleProperty().bind(viewModel.unverifiedProperty());
        managedProperty().bind(visibleProperty());
    }
}
