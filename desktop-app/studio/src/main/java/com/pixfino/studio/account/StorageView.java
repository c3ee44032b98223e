package com.pixfino.studio.account;

import atlantafx.base.theme.Styles;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.ui.Texts;
import com.pixfino.studio.ui.ToneStyles;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The "Storage" tab: the size cap of the full-size results kept on this computer (typed or stepped with the arrow
 * keys, taken on Enter or when the field loses focus; a bad value is named in a line under it), how much they take
 * now, and "Clear originals" after a question.
 */
final class StorageView extends VBox {

    private final StorageViewModel viewModel;
    private final Messages messages;

    StorageView(StorageViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        setId("account-storage");
        getStyleClass().add("account-overview");

        Label heading = new Label(messages.get("account.storage.heading"));
        heading.getStyleClass().add("section-label");
        Label hint = Texts.wrapping(new Label(messages.get("account.storage.hint")));
        hint.getStyleClass().add("card-detail");

        Spinner<Double> cap = capField();
        Label capLabel = new Label(messages.get("account.storage.capLabel"));
        capLabel.setLabelFor(cap);
        capLabel.setMinWidth(Region.USE_PREF_SIZE);
        Label unit = new Label(messages.get("account.storage.capUnit"));
        unit.setMinWidth(Region.USE_PREF_SIZE);
        HBox capRow = new HBox(8, capLabel, cap, unit);
        capRow.setAlignment(Pos.CENTER_LEFT);
        Label capError = Texts.statusLine("account-storage-cap-error", viewModel.capErrorProperty(), "tone-error");

        Label usage = Texts.statusLine("account-storage-usage", viewModel.usageProperty());
        usage.getStyleClass().add("card-detail");

        Button clear = new Button(messages.get("account.storage.clear"));
        clear.setId("account-storage-clear");
        clear.setAccessibleText(messages.get("account.storage.clearAccessible"));
        clear.setMinWidth(Region.USE_PREF_SIZE);
        clear.getStyleClass().add(Styles.BUTTON_OUTLINED);
        clear.disableProperty().bind(viewModel.busyProperty());
        clear.setOnAction(event -> {
            if (confirmClear()) {
                viewModel.clearOriginals();
            }
        });
        HBox.setHgrow(usage, Priority.ALWAYS);
        usage.setMaxWidth(Double.MAX_VALUE);
        HBox usageRow = new HBox(12, usage, clear);
        usageRow.setAlignment(Pos.CENTER_LEFT);
        Label notice = Texts.statusLine("account-storage-notice", viewModel.noticeProperty());
        ToneStyles.follow(notice, "tone", viewModel.noticeToneProperty());

        VBox card = new VBox(10, heading, hint, capRow, capError, usageRow, notice);
        card.getStyleClass().add("account-data");
        card.setMaxWidth(720);
        getChildren().add(card);
    }

    private Spinner<Double> capField() {
        SpinnerValueFactory.DoubleSpinnerValueFactory factory = new SpinnerValueFactory.DoubleSpinnerValueFactory(
                StorageViewModel.MIN_GB, StorageViewModel.MAX_GB, viewModel.capGigabytes(), StorageViewModel.STEP_GB);
        Spinner<Double> cap = new Spinner<>(factory);
        cap.setId("account-storage-cap");
        cap.setEditable(true);
        cap.getEditor().setPrefColumnCount(5);
        cap.setPrefWidth(110);
        cap.setAccessibleText(messages.get("account.storage.capAccessible"));
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double value) {
                return value == null ? "" : StorageViewModel.format(value);
            }

            // A bad value keeps the cap: the field shows it again and the line under it says what was wrong.
            @Override
            public Double fromString(String typed) {
                return viewModel.parseCap(typed).orElseGet(() -> {
                    cap.getEditor().setText(toString(factory.getValue()));
                    return factory.getValue();
                });
            }
        });
        cap.getEditor().setText(factory.getConverter().toString(factory.getValue()));
        factory.valueProperty().addListener((obs, was, now) -> {
            if (now != null) {
                viewModel.setCap(now);
            }
        });
        // Enter and leaving the field commit (the spinner does both); typing again takes the last complaint away
        cap.getEditor().textProperty().addListener((obs, was, now) -> {
            if (!factory.getConverter().toString(factory.getValue()).equals(now)) {
                viewModel.editingCap();
            }
        });
        return cap;
    }

    private boolean confirmClear() {
        Alert confirm = new Alert(
                Alert.AlertType.CONFIRMATION,
                messages.get("account.storage.confirm.text"),
                ButtonType.CANCEL,
                ButtonType.OK);
        confirm.setTitle(messages.get("account.storage.confirm.title"));
        confirm.setHeaderText(messages.get("account.storage.confirm.header"));
        Button ok = (Button) confirm.getDialogPane().lookupButton(ButtonType.OK);
        ok.setText(messages.get("account.storage.confirm.ok"));
        ok.setId("confirm-clear-originals");
        ok.setDefaultButton(false);
        ((Button) confirm.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        if (getScene() != null) {
            confirm.initOwner(getScene().getWindow());
            confirm.getDialogPane().getStylesheets().setAll(getScene().getStylesheets());
        }
        return confirm.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }
}
