package com.pixfino.studio.gallery;

import atlantafx.base.theme.Styles;
import com.pixfino.model.api.library.CollectionView;
import com.pixfino.studio.core.i18n.Messages;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;

/** What can be done to the selection: favourite, tag, collect, export, delete; and the export's progress. */
final class BulkBar extends FlowPane {

    BulkBar(LibraryViewModel viewModel, Messages messages, Supplier<Path> pickFolder, Runnable confirmDelete) {
        this(viewModel, messages, pickFolder, confirmDelete, null);
    }

    /** {@code compare}: opens 2 … 4 selected results side by side; null: no Compare button. */
    BulkBar(
            LibraryViewModel viewModel,
            Messages messages,
            Supplier<Path> pickFolder,
            Runnable confirmDelete,
            Runnable compare) {
        super(8, 8);
        setId("gallery-bulk-bar");
        getStyleClass().add("bulk-bar");
        LibrarySelection selection = viewModel.selection();
        Label count = new Label();
        count.setId("gallery-selection-count");
        count.getStyleClass().add("selection-count");
        count.textProperty().bind(selection.sizeProperty().map(size -> messages.get("gallery.bulk.selected", size)));

        Button favorite =
                button("bulk-favorite", messages.get("gallery.bulk.favorite"), () -> viewModel.favoriteSelection(true));
        Button unfavorite = button(
                "bulk-unfavorite", messages.get("gallery.bulk.unfavorite"), () -> viewModel.favoriteSelection(false));
        Button tag = button("bulk-tag", messages.get("gallery.bulk.tag"), () -> {
            TextInputDialog dialog = new TextInputDialog();
            dialog.setTitle(messages.get("gallery.bulk.tag.title"));
            dialog.setHeaderText(messages.get("gallery.bulk.tag.title"));
            dialog.setContentText(messages.get("gallery.bulk.tag.name"));
            dialog.getEditor().setId("bulk-tag-name");
            owned(dialog);
            dialog.showAndWait().ifPresent(viewModel::tagSelection);
        });
        Button untag = button("bulk-untag", messages.get("gallery.bulk.untag"), () -> {
            if (viewModel.tags().isEmpty()) {
                return;
            }
            ChoiceDialog<String> dialog = new ChoiceDialog<>(viewModel.tags().get(0), viewModel.tags());
            dialog.setTitle(messages.get("gallery.bulk.untag.title"));
            dialog.setHeaderText(messages.get("gallery.bulk.untag.title"));
            owned(dialog);
            dialog.showAndWait().ifPresent(viewModel::untagSelection);
        });
        MenuButton collect = new MenuButton(messages.get("gallery.bulk.collect"));
        collect.setId("bulk-collect");
        Consumer<Void> menu = ignored -> {
            collect.getItems().clear();
            for (CollectionView collection : viewModel.collections()) {
                MenuItem entry = new MenuItem(collection.name());
                entry.setId("bulk-collect-" + collection.id());
                entry.setOnAction(event -> viewModel.addSelectionTo(collection));
                collect.getItems().add(entry);
            }
            if (collect.getItems().isEmpty()) {
                MenuItem none = new MenuItem(messages.get("gallery.bulk.noCollections"));
                none.setDisable(true);
                collect.getItems().add(none);
            }
        };
        viewModel.collections().addListener((ListChangeListener<CollectionView>) change -> menu.accept(null));
        menu.accept(null);
        Button export = button("bulk-export", messages.get("gallery.bulk.export"), () -> {
            Path folder = pickFolder.get();
            if (folder != null) {
                viewModel.exportSelection(folder);
            }
        });
        export.disableProperty().bind(viewModel.exportingProperty());
        Button delete = button("bulk-delete", messages.get("gallery.bulk.delete"), confirmDelete);
        delete.getStyleClass().add(Styles.DANGER);
        Button clear = button("bulk-clear", messages.get("gallery.bulk.clear"), selection::clear);
        clear.getStyleClass().add(Styles.FLAT);

        ProgressBar progress = new ProgressBar();
        progress.setId("bulk-export-progress");
        progress.progressProperty().bind(viewModel.exportProgressProperty());
        Button cancel =
                button("bulk-export-cancel", messages.get("gallery.bulk.cancelExport"), viewModel::cancelExport);
        progress.visibleProperty().bind(viewModel.exportingProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        cancel.visibleProperty().bind(viewModel.exportingProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());

        getChildren().addAll(count, favorite, unfavorite, tag, untag, collect, export, delete, clear, progress, cancel);
        if (compare != null) {
            Button compareButton = button("bulk-compare", messages.get("gallery.bulk.compare"), compare);
            // a disabled button shows no tooltip of its own: the wrapper carries the reason
            Tooltip why = new Tooltip();
            why.textProperty()
                    .bind(selection
                            .sizeProperty()
                            .map(size -> messages.get(
                                    size.intValue() > CompareView.MAX
                                            ? "gallery.bulk.compare.tooMany"
                                            : size.intValue() < 2
                                                    ? "gallery.bulk.compare.tooFew"
                                                    : "gallery.bulk.compare.tip",
                                    CompareView.MAX)));
            compareButton
                    .disableProperty()
                    .bind(selection
                            .sizeProperty()
                            .lessThan(2)
                            .or(selection.sizeProperty().greaterThan(CompareView.MAX)));
            javafx.scene.layout.StackPane holder = new javafx.scene.layout.StackPane(compareButton);
            holder.setId("bulk-compare-holder");
            Tooltip.install(holder, why);
            compareButton.setTooltip(why);
            getChildren().add(getChildren().indexOf(export), holder);
        }
        visibleProperty().bind(selection.sizeProperty().greaterThan(0).or(viewModel.exportingProperty()));
        managedProperty().bind(visibleProperty());
    }

    private void owned(javafx.scene.control.Dialog<?> dialog) {
        if (getScene() != null) {
            dialog.initOwner(getScene().getWindow());
        }
    }

    private static Button button(String id, String text, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(event -> action.run());
        return button;
    }
}
