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
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.controlsfx.control.GridView;

/** The gallery screen: a virtualised grid of cached results, and the viewer over it. */
public final class GalleryView extends StackPane implements ScreenActions {

    private static final double CELL = 184;

    private final GalleryViewModel viewModel;
    private final ViewerViewModel viewer;
    private final Messages messages;
    private final ObjectProperty<GalleryItem> selected = new SimpleObjectProperty<>(this, "selected");
    private final ViewerView viewerView;

    public GalleryView(GalleryViewModel viewModel, ViewerViewModel viewer, TaskExecutor tasks, Messages messages) {
        this.viewModel = viewModel;
        this.viewer = viewer;
        this.messages = messages;
        setId("gallery-screen");
        getStyleClass().add("gallery-screen");

        Button refresh = new Button(messages.get("gallery.refresh"));
        refresh.setId("gallery-refresh");
        refresh.disableProperty().bind(viewModel.busyProperty());
        refresh.setOnAction(event -> refresh());
        ScreenTitle title =
                new ScreenTitle("gallery", messages.get("gallery.title"), viewModel.statusProperty(), refresh);

        Label notice = Texts.statusLine("gallery-notice", viewModel.noticeProperty(), "notice");

        ThumbnailImages thumbnails = new ThumbnailImages(CELL);
        GridView<GalleryItem> grid = new GridView<>(viewModel.items());
        grid.setId("gallery-grid");
        grid.getStyleClass().add("gallery-grid");
        grid.setCellWidth(CELL);
        grid.setCellHeight(CELL + 48);
        grid.setHorizontalCellSpacing(10);
        grid.setVerticalCellSpacing(10);
        grid.setCellFactory(
                view -> new GalleryCell(thumbnails, CELL, viewer::open, this::confirmDelete, selected::set));
        EmptyState empty = new EmptyState(
                "gallery-empty",
                Icons.GALLERY,
                messages.get("gallery.empty.title"),
                messages.get("gallery.empty.hint"));
        empty.visibleProperty().bind(Bindings.isEmpty(viewModel.items()));
        grid.visibleProperty().bind(empty.visibleProperty().not());
        StackPane body = new StackPane(grid, empty);
        VBox.setVgrow(body, Priority.ALWAYS);

        VBox page = new VBox(title, notice, body);
        page.getStyleClass().add("screen");
        viewerView =
                new ViewerView(viewer, tasks, messages, this::confirmDelete, this::export, viewModel.noticeProperty());
        page.visibleProperty().bind(viewer.itemProperty().isNull());
        viewerView.visibleProperty().bind(viewer.itemProperty().isNotNull());
        getChildren().addAll(page, viewerView);
    }

    private void confirmDelete(GalleryItem item) {
        Alert confirm = new Alert(
                Alert.AlertType.CONFIRMATION,
                messages.get("gallery.confirmDelete.text"),
                ButtonType.CANCEL,
                ButtonType.OK);
        confirm.setTitle(messages.get("gallery.confirmDelete.title"));
        confirm.setHeaderText(messages.get("gallery.confirmDelete.header", viewModel.label(item)));
        ((Button) confirm.getDialogPane().lookupButton(ButtonType.OK)).setText(messages.get("gallery.delete"));
        confirm.getDialogPane().lookupButton(ButtonType.OK).setId("confirm-delete");
        confirm.getDialogPane().lookupButton(ButtonType.OK).getStyleClass().add(Styles.DANGER);
        // Enter must not destroy: the safe choice is the default one.
        ((Button) confirm.getDialogPane().lookupButton(ButtonType.OK)).setDefaultButton(false);
        ((Button) confirm.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        if (getScene() != null) {
            confirm.initOwner(getScene().getWindow());
        }
        confirm.showAndWait()
                .filter(ButtonType.OK::equals)
                .ifPresent(ok -> viewModel.delete(item, () -> {
                    if (viewer.itemProperty().get() != null
                            && viewer.itemProperty().get().id().equals(item.id())) {
                        viewer.close();
                    }
                }));
    }

    private void export(GalleryItem item) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("gallery.exportTitle"));
        chooser.setInitialFileName(viewModel.exportName(item));
        File target =
                chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (target != null) {
            viewModel.export(item, target.toPath());
        }
    }

    @Override
    public boolean shortcut(KeyEvent event) {
        if (viewer.itemProperty().get() != null) {
            return viewerView.shortcut(event);
        }
        GalleryItem current = selected.get();
        if (current != null && event.isShortcutDown() && event.getCode() == KeyCode.E) {
            export(current);
            return true;
        }
        return false;
    }

    @Override
    public void refresh() {
        viewModel.refresh();
    }
}
