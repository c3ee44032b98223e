package com.pixfino.studio.gallery;

import com.pixfino.model.api.library.CollectionView;
import com.pixfino.studio.core.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** All results, Favourites, and each collection with its count; choosing one filters the grid. New, rename, delete. */
final class CollectionsSidebar extends VBox {

    /** One line of the sidebar: "All results", "Favourites", or a collection. */
    record Entry(String label, int count, CollectionView collection, boolean favorites) {}

    private final LibraryViewModel viewModel;
    private final Messages messages;
    private final Function<String, Boolean> confirm;
    private final ListView<Entry> list = new ListView<>();
    private boolean updating;

    /** {@code confirm}: asks the question in a dialog, true when the user agreed. */
    CollectionsSidebar(LibraryViewModel viewModel, Messages messages, Function<String, Boolean> confirm) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.confirm = confirm;
        setId("collections-sidebar");
        getStyleClass().add("collections-sidebar");
        list.setId("collections-list");
        list.getStyleClass().add("collections-list");
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(Entry entry, boolean empty) {
                super.updateItem(entry, empty);
                setText(
                        empty || entry == null
                                ? null
                                : messages.get("gallery.sidebar.entry", entry.label(), entry.count()));
                setId(empty || entry == null ? null : "collection-" + entryKey(entry));
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        InvalidationListener rebuild = obs -> rebuild();
        viewModel.collections().addListener(rebuild);
        viewModel.totalCountProperty().addListener(rebuild);
        viewModel.favoriteCountProperty().addListener(rebuild);
        list.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (updating || now == null) {
                return;
            }
            if (now.collection() != null) {
                viewModel.showCollection(now.collection().id());
            } else if (now.favorites()) {
                viewModel.showFavorites();
            } else {
                viewModel.showAll();
            }
        });
        Button create = new Button(messages.get("gallery.collection.new"));
        create.setId("collection-new");
        create.setOnAction(
                event -> ask(messages.get("gallery.collection.new.title"), "").ifPresent(viewModel::createCollection));
        Button rename = new Button(messages.get("gallery.collection.rename"));
        rename.setId("collection-rename");
        rename.setOnAction(event -> selectedCollection()
                .ifPresent(collection -> ask(messages.get("gallery.collection.rename.title"), collection.name())
                        .ifPresent(name -> viewModel.renameCollection(collection, name))));
        Button delete = new Button(messages.get("gallery.collection.delete"));
        delete.setId("collection-delete");
        delete.setOnAction(event -> selectedCollection()
                .filter(collection ->
                        confirm.apply(messages.get("gallery.collection.confirmDelete", collection.name())))
                .ifPresent(viewModel::deleteCollection));
        rename.disableProperty()
                .bind(list.getSelectionModel()
                        .selectedItemProperty()
                        .map(entry -> entry.collection() == null)
                        .orElse(true));
        delete.disableProperty().bind(rename.disableProperty());
        javafx.scene.layout.FlowPane actions = new javafx.scene.layout.FlowPane(6, 6, create, rename, delete);
        for (Button button : List.of(create, rename, delete)) {
            button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        actions.getStyleClass().add("collections-actions");
        getChildren().addAll(list, actions);
        rebuild();
    }

    private static String entryKey(Entry entry) {
        return entry.collection() != null
                ? entry.collection().id().toString()
                : entry.favorites() ? "favorites" : "all";
    }

    private Optional<CollectionView> selectedCollection() {
        return Optional.ofNullable(list.getSelectionModel().getSelectedItem()).map(Entry::collection);
    }

    private Optional<String> ask(String title, String value) {
        TextInputDialog dialog = new TextInputDialog(value);
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        dialog.setContentText(messages.get("gallery.collection.name"));
        dialog.getEditor().setId("collection-name");
        dialog.getDialogPane().lookupButton(ButtonType.OK).setId("collection-name-ok");
        if (getScene() != null) {
            dialog.initOwner(getScene().getWindow());
        }
        return dialog.showAndWait().map(String::strip).filter(name -> !name.isEmpty());
    }

    private void rebuild() {
        updating = true;
        try {
            var query = viewModel.queryProperty().get();
            List<Entry> entries = new ArrayList<>();
            entries.add(new Entry(
                    messages.get("gallery.sidebar.all"),
                    viewModel.totalCountProperty().get(),
                    null,
                    false));
            entries.add(new Entry(
                    messages.get("gallery.sidebar.favorites"),
                    viewModel.favoriteCountProperty().get(),
                    null,
                    true));
            viewModel
                    .collections()
                    .forEach(collection ->
                            entries.add(new Entry(collection.name(), collection.itemCount(), collection, false)));
            list.getItems().setAll(entries);
            for (Entry entry : entries) {
                boolean current = entry.collection() != null
                        ? entry.collection().id().equals(query.collectionId())
                        : entry.favorites() == query.favoritesOnly() && query.collectionId() == null;
                if (current) {
                    list.getSelectionModel().select(entry);
                    break;
                }
            }
        } finally {
            updating = false;
        }
    }
}
