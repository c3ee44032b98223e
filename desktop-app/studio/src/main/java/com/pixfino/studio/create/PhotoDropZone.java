package com.pixfino.studio.create;

import atlantafx.base.theme.Styles;
import com.pixfino.studio.core.generate.PastSettings;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.photo.FileSize;
import com.pixfino.studio.core.photo.PhotoInfo;
import com.pixfino.studio.ui.Icons;
import com.pixfino.studio.ui.Texts;
import java.io.File;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Where a photo is dropped or picked, and its preview once it passed the checks. */
final class PhotoDropZone extends StackPane {

    private static final PseudoClass DRAG_OVER = PseudoClass.getPseudoClass("drag-over");
    private static final double PREVIEW_HEIGHT = 220;

    PhotoDropZone(CreateViewModel viewModel, Messages messages, Runnable pickPhoto) {
        setId("photo-drop-zone");
        getStyleClass().add("photo-drop-zone");
        setMinHeight(PREVIEW_HEIGHT + 60);

        Label title = new Label(messages.get("create.photo.drop"));
        title.getStyleClass().add(Styles.TEXT_BOLD);
        Label or = new Label(messages.get("create.photo.or"));
        or.getStyleClass().add("muted");
        Button choose = new Button(messages.get("create.photo.choose"));
        choose.setId("choose-photo");
        choose.setOnAction(event -> pickPhoto.run());
        Label limits = new Label(messages.get("create.photo.limits"));
        limits.getStyleClass().addAll("muted", Styles.TEXT_SMALL, "drop-limits");
        Texts.wrapping(limits);
        VBox empty = new VBox(8, Icons.UPLOAD.create(44), title, or, choose, limits);
        empty.setAlignment(Pos.CENTER);
        empty.getStyleClass().add("drop-empty");

        ImageView preview = new ImageView();
        preview.setId("photo-preview");
        preview.setPreserveRatio(true);
        preview.setFitHeight(PREVIEW_HEIGHT);
        preview.fitWidthProperty().bind(widthProperty().subtract(24));
        Label fileName = new Label();
        fileName.setId("photo-name");
        fileName.getStyleClass().add(Styles.TEXT_BOLD);
        Label details = new Label();
        details.setId("photo-details");
        details.getStyleClass().addAll("muted", Styles.TEXT_SMALL);
        Button change = new Button(messages.get("create.photo.change"));
        change.setId("change-photo");
        change.getStyleClass().add(Styles.SMALL);
        change.setOnAction(event -> pickPhoto.run());
        change.setMinWidth(Region.USE_PREF_SIZE); // never squeezed to "…" by a long line beside it
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox info = new HBox(8, new VBox(2, fileName, details), gap, change);
        info.setAlignment(Pos.CENTER_LEFT);
        // "Use again" with no cached preview of the past photo: a neutral frame saying where the photo is.
        Label placeholderText = new Label(messages.get("useAgain.photo"));
        placeholderText.getStyleClass().add("muted");
        VBox placeholder = new VBox(8, Icons.IMAGE.create(48), placeholderText);
        placeholder.setId("past-photo-placeholder");
        placeholder.setAlignment(Pos.CENTER);
        placeholder.getStyleClass().add("past-photo-placeholder");
        placeholder.setMinHeight(PREVIEW_HEIGHT);
        placeholder.setPrefHeight(PREVIEW_HEIGHT);
        placeholder.setMaxHeight(PREVIEW_HEIGHT);
        placeholder.setAccessibleText(messages.get("useAgain.photo"));
        placeholder.managedProperty().bind(placeholder.visibleProperty());
        preview.managedProperty().bind(preview.visibleProperty());
        Texts.wrapping(details);
        VBox chosen = new VBox(10, preview, placeholder, info);
        chosen.setAlignment(Pos.CENTER);
        chosen.getStyleClass().add("drop-chosen");

        getChildren().addAll(empty, chosen);
        Runnable render = () -> {
            PhotoInfo photo = viewModel.photoProperty().get();
            PastSettings past = viewModel.pastPhotoProperty().get();
            boolean has = photo != null || past != null;
            empty.setVisible(!has);
            chosen.setVisible(has);
            placeholder.setVisible(photo == null && past != null && past.preview() == null);
            preview.setVisible(!placeholder.isVisible());
            if (photo != null) {
                // Decoded by JavaFX's background loader, scaled on load: no image decoding on the FX thread.
                preview.setImage(new Image(photo.file().toUri().toString(), 0, PREVIEW_HEIGHT * 2, true, true, true));
                fileName.setText(photo.file().getFileName().toString());
                details.setText(messages.get(
                        "create.photo.details", photo.width(), photo.height(), FileSize.readable(photo.bytes())));
            } else if (past != null) {
                preview.setImage(
                        past.preview() == null
                                ? null
                                : new Image(
                                        past.preview().toUri().toString(), 0, PREVIEW_HEIGHT * 2, true, true, true));
                fileName.setText(messages.get("useAgain.photo"));
                details.setText(messages.get("useAgain.photoDetail"));
            } else {
                preview.setImage(null);
            }
        };
        viewModel.photoProperty().addListener((obs, was, now) -> render.run());
        viewModel.pastPhotoProperty().addListener((obs, was, now) -> render.run());
        render.run();

        setOnDragOver(event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY);
                pseudoClassStateChanged(DRAG_OVER, true);
            }
            event.consume();
        });
        setOnDragExited(event -> pseudoClassStateChanged(DRAG_OVER, false));
        setOnDragDropped(event -> dropped(event, viewModel));
    }

    private void dropped(DragEvent event, CreateViewModel viewModel) {
        List<File> files =
                event.getDragboard().hasFiles() ? event.getDragboard().getFiles() : List.of();
        if (!files.isEmpty()) {
            viewModel.choosePhoto(files.get(0).toPath());
        }
        pseudoClassStateChanged(DRAG_OVER, false);
        event.setDropCompleted(!files.isEmpty());
        event.consume();
    }
}
