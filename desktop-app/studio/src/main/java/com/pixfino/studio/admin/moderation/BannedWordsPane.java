package com.pixfino.studio.admin.moderation;

import atlantafx.base.theme.Styles;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.ui.Texts;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The banned-word list: add (Enter), remove the selected words (Delete), save the whole list or put it back. */
final class BannedWordsPane extends VBox {

    BannedWordsPane(BannedWordsViewModel viewModel, Messages messages) {
        super(10);
        setId("banned-words");
        getStyleClass().add("moderation-pane");

        Label hint = Texts.wrapping(new Label(messages.get("admin.words.hint")));
        hint.getStyleClass().add("card-detail");
        TextField word = new TextField();
        word.setId("words-new");
        word.setPromptText(messages.get("admin.words.prompt"));
        word.textProperty().bindBidirectional(viewModel.newWordProperty());
        word.setOnAction(event -> viewModel.add());
        HBox.setHgrow(word, Priority.ALWAYS);
        Button add = new Button(messages.get("admin.words.add"));
        add.setId("words-add");
        add.setMinWidth(Region.USE_PREF_SIZE);
        add.setOnAction(event -> viewModel.add());
        HBox adding = new HBox(10, word, add);
        adding.setAlignment(Pos.CENTER_LEFT);

        Label status = Texts.statusLine("words-status", viewModel.status());

        ListView<String> list = new ListView<>(viewModel.words());
        list.setId("words-list");
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DELETE || event.getCode() == KeyCode.BACK_SPACE) {
                viewModel.remove(list.getSelectionModel().getSelectedItems());
                event.consume();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        Label count = new Label();
        count.setId("words-count");
        count.getStyleClass().add("card-detail");
        count.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> messages.get(
                                viewModel.changedProperty().get() ? "admin.words.countChanged" : "admin.words.count",
                                viewModel.words().size()),
                        viewModel.words(),
                        viewModel.changedProperty()));
        Button remove = new Button(messages.get("admin.words.remove"));
        remove.setId("words-remove");
        remove.disableProperty().bind(Bindings.isEmpty(list.getSelectionModel().getSelectedItems()));
        remove.setOnAction(event -> viewModel.remove(list.getSelectionModel().getSelectedItems()));
        Button revert = new Button(messages.get("admin.words.revert"));
        revert.setId("words-revert");
        revert.disableProperty().bind(viewModel.changedProperty().not());
        revert.setOnAction(event -> viewModel.revert());
        Button save = new Button(messages.get("admin.words.save"));
        save.setId("words-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty()
                .bind(viewModel.changedProperty().not().or(viewModel.status().busyProperty()));
        save.setOnAction(event -> viewModel.save());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(10, count, spacer, remove, revert, save);
        buttons.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(hint, adding, status, list, buttons);
    }
}
