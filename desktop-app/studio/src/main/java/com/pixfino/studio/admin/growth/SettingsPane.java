package com.pixfino.studio.admin.growth;

import atlantafx.base.theme.Styles;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.ui.Texts;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The referral program and launch promo settings: switches, numbers and the window, with Save and Revert. */
final class SettingsPane extends VBox {

    SettingsPane(GrowthSettingsViewModel viewModel, Messages messages) {
        super(10);
        setId("admin-growth-settings");
        getStyleClass().add("admin-form");
        Label heading = new Label(messages.get("admin.growth.settings.title"));
        heading.getStyleClass().add(Styles.TITLE_4);

        CheckBox referrals = new CheckBox(messages.get("admin.growth.settings.referrals"));
        referrals.setId("admin-growth-referrals");
        referrals.selectedProperty().bindBidirectional(viewModel.referralsEnabledProperty());
        Label referralsHint = Texts.wrapping(new Label(messages.get("admin.growth.settings.referralsHint")));
        referralsHint.getStyleClass().add("card-detail");
        TextField credits = new TextField();
        credits.setId("admin-growth-reward");
        credits.setPrefColumnCount(6);
        credits.textProperty().bindBidirectional(viewModel.creditsProperty());
        TextField cap = new TextField();
        cap.setId("admin-growth-cap");
        cap.setPrefColumnCount(6);
        cap.textProperty().bindBidirectional(viewModel.capProperty());
        FlowPane numbers = new FlowPane(
                16,
                6,
                FormFields.field(
                        "admin-growth-reward",
                        messages.get("admin.growth.settings.reward"),
                        credits,
                        viewModel.creditsErrorProperty()),
                FormFields.field(
                        "admin-growth-cap",
                        messages.get("admin.growth.settings.cap"),
                        cap,
                        viewModel.capErrorProperty()));

        CheckBox promo = new CheckBox(messages.get("admin.growth.settings.promo"));
        promo.setId("admin-growth-promo");
        promo.selectedProperty().bindBidirectional(viewModel.promoProperty());
        Label promoHint = Texts.wrapping(new Label(messages.get("admin.growth.settings.promoHint")));
        promoHint.getStyleClass().add("card-detail");
        MomentPicker from =
                new MomentPicker("admin-growth-promo-from", viewModel.promoFrom(), messages.get("admin.growth.from"));
        MomentPicker to =
                new MomentPicker("admin-growth-promo-to", viewModel.promoTo(), messages.get("admin.growth.to"));
        HBox window = new HBox(
                16,
                FormFields.field("admin-growth-promo-from", messages.get("admin.growth.from"), from, null),
                FormFields.field("admin-growth-promo-to", messages.get("admin.growth.to"), to, null));
        window.visibleProperty().bind(viewModel.promoProperty());
        window.managedProperty().bind(window.visibleProperty());
        Label windowError = Texts.statusLine(
                "admin-growth-promo-error", viewModel.windowErrorProperty(), "field-error", "tone-error");

        Button save = new Button(messages.get("admin.growth.settings.save"));
        save.setId("admin-growth-settings-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(viewModel.canSaveProperty().not());
        save.setOnAction(event -> viewModel.save());
        Button revert = new Button(messages.get("admin.growth.settings.revert"));
        revert.setId("admin-growth-settings-revert");
        revert.disableProperty().bind(viewModel.changedProperty().not());
        revert.setOnAction(event -> viewModel.revert());
        Label status = Texts.statusLine("admin-growth-settings-status", viewModel.status());
        HBox buttons = new HBox(10, save, revert, status);
        buttons.setAlignment(Pos.CENTER_LEFT);

        VBox fields = new VBox(10, referrals, referralsHint, numbers, promo, promoHint, window, windowError);
        fields.disableProperty().bind(viewModel.loadedProperty().not());
        getChildren().addAll(heading, fields, buttons);
    }
}
