package com.pixfino.studio.gallery;

import atlantafx.base.theme.Styles;
import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.gallery.GalleryItem;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.ui.EmptyState;
import com.pixfino.studio.ui.Icons;
import com.pixfino.studio.ui.ScreenActions;
import com.pixfino.studio.ui.ScreenTitle;
import com.pixfino.studio.ui.Texts;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

/** The gallery over the synced library: search and filters, collections, the paged grid, bulk actions, the viewer. */
public final class LibraryView extends StackPane implements ScreenActions {

    private final LibraryViewModel viewModel;
    private final ViewerViewModel viewer;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final ViewerView viewerView;
    private final CompareView compareView;
    private final javafx.beans.property.BooleanProperty comparing =
            new javafx.beans.property.SimpleBooleanProperty(this, "comparing");
    private final LibraryGrid grid;

    /** {@code pickFolder}: where a bulk export goes (a folder chooser; tests answer a folder); null if cancelled. */
    public LibraryView(
            LibraryViewModel viewModel,
            ViewerViewModel viewer,
            TaskExecutor tasks,
            Messages messages,
            Consumer<GalleryItem> useAgain,
            Supplier<Path> pickFolder) {
        this.viewModel = viewModel;
        this.viewer = viewer;
        this.tasks = tasks;
        this.messages = messages;
        setId("gallery-screen");
        getStyleClass().addAll("gallery-screen", "library-screen");
        Supplier<Path> folders = pickFolder != null ? pickFolder : this::chooseFolder;

        ScreenTitle title = new ScreenTitle("gallery", messages.get("gallery.title"), viewModel.statusProperty());
        Label notice = Texts.statusLine("gallery-notice", viewModel.noticeProperty(), "notice");
        grid = new LibraryGrid(viewModel, tasks, messages, this::open, this::confirmDeleteSelection);
        EmptyState empty = new EmptyState(
                "gallery-empty",
                Icons.GALLERY,
                messages.get("gallery.empty.title"),
                messages.get("gallery.empty.hint"));
        empty.visibleProperty().bind(viewModel.countProperty().isEqualTo(0));
        grid.visibleProperty().bind(empty.visibleProperty().not());
        StackPane results = new StackPane(grid, empty);
        VBox.setVgrow(results, Priority.ALWAYS);
        BulkBar bulk = new BulkBar(viewModel, messages, folders, this::confirmDeleteSelection, this::compare);
        VBox main = new VBox(10, new LibraryFilters(viewModel, messages), bulk, notice, results);
        main.getStyleClass().add("library-main");

        CollectionsSidebar sidebar = new CollectionsSidebar(
                viewModel,
                messages,
                question -> confirm(question, messages.get("gallery.collection.confirmDelete.text")));
        BorderPane body = new BorderPane(main);
        body.setLeft(sidebar);
        VBox.setVgrow(body, Priority.ALWAYS);

        VBox page = new VBox(title, body);
        page.getStyleClass().add("screen");
        viewerView = new ViewerView(
                viewer, tasks, messages, this::confirmDeleteOne, this::exportOne, viewModel.noticeProperty(), useAgain);
        compareView = new CompareView(tasks, viewModel.library(), messages, () -> comparing.set(false));
        compareView.visibleProperty().bind(comparing);
        page.visibleProperty().bind(viewer.itemProperty().isNull().and(comparing.not()));
        viewerView.visibleProperty().bind(viewer.itemProperty().isNotNull());
        getChildren().addAll(page, viewerView, compareView);
        viewModel.reload();
    }

    /** The viewer shows the thumbnail until the original is here: make sure the thumbnail is on disk first. */
    private void open(GalleryItem item) {
        if (item.thumbnail() != null) {
            viewer.open(item);
            return;
        }
        tasks.run(
                () -> viewModel.library().thumbnail(item.id()),
                file -> viewer.open(file.map(item::withThumbnail).orElse(item)),
                error -> viewer.open(item));
    }

    /** Compare: the 2 … 4 selected results side by side (the bulk bar's button, or Ctrl+Shift+C). */
    void compare() {
        List<java.util.UUID> ids = viewModel.selection().orderedIds();
        if (ids.size() < 2 || ids.size() > CompareView.MAX) {
            return;
        }
        tasks.run(
                () -> {
                    List<GalleryItem> items = new java.util.ArrayList<>();
                    for (java.util.UUID id : ids) {
                        viewModel.library().item(id).ifPresent(items::add);
                    }
                    return items;
                },
                items -> {
                    if (items.size() >= 2) {
                        compareView.show(items);
                        comparing.set(true);
                    }
                },
                error -> {});
    }

    LibraryGrid grid() {
        return grid;
    }

    private Path chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(messages.get("gallery.bulk.exportTitle"));
        File folder = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
        return folder == null ? null : folder.toPath();
    }

    private void confirmDeleteSelection() {
        int count = viewModel.selection().sizeProperty().get();
        if (count > 0 && confirm(messages.get("gallery.bulk.confirmDelete", count))) {
            viewModel.deleteSelection();
        }
    }

    private void confirmDeleteOne(GalleryItem item) {
        if (confirm(messages.get("gallery.confirmDelete.header", label(item)))) {
            viewModel.selection().clear();
            tasks.run(
                    () -> {
                        viewModel.library().delete(List.of(item.id()));
                        return item;
                    },
                    deleted -> {
                        viewer.close();
                        viewModel.reload();
                    },
                    viewModel::failed);
        }
    }

    private void exportOne(GalleryItem item) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("gallery.exportTitle"));
        chooser.setInitialFileName(BulkExport.baseName(item));
        File target =
                chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (target != null) {
            tasks.run(
                    () -> Files.copy(
                            viewModel.library().original(item.id()),
                            target.toPath(),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING),
                    saved -> viewModel.said(messages.get("gallery.exported", target.toString())),
                    error -> viewModel.failed(error));
        }
    }

    private String label(GalleryItem item) {
        return item.presetName() == null ? messages.get("gallery.untitled") : item.presetName();
    }

    /** Asks; the safe answer (Cancel) is the default, so Enter never destroys. */
    private boolean confirm(String question) {
        return confirm(question, messages.get("gallery.confirmDelete.text"));
    }

    private boolean confirm(String question, String text) {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.CANCEL, ButtonType.OK);
        confirm.setTitle(messages.get("gallery.confirmDelete.title"));
        confirm.setHeaderText(question);
        Button ok = (Button) confirm.getDialogPane().lookupButton(ButtonType.OK);
        ok.setText(messages.get("gallery.delete"));
        ok.setId("confirm-delete");
        ok.getStyleClass().add(Styles.DANGER);
        ok.setDefaultButton(false);
        ((Button) confirm.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        if (getScene() != null) {
            confirm.initOwner(getScene().getWindow());
        }
        return confirm.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    @Override
    public boolean shortcut(KeyEvent event) {
        if (viewer.itemProperty().get() != null) {
            return viewerView.shortcut(event);
        }
        if (comparing.get()) {
            return compareView.shortcut(event);
        }
        if (event.isShortcutDown() && event.isShiftDown() && event.getCode() == KeyCode.C) {
            compare();
            return true;
        }
        if (event.isShortcutDown() && event.getCode() == KeyCode.F) {
            lookup("#gallery-search").requestFocus();
            return true;
        }
        return false;
    }

    @Override
    public void refresh() {
        viewModel.reload();
    }
}
