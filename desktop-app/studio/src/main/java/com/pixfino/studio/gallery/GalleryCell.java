package com.pixfino.studio.gallery;

import com.pixfino.studio.core.gallery.GalleryItem;
import com.pixfino.studio.ui.Icons;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.GridCell;

/** One result in the gallery grid: its thumbnail (a play mark on videos), name and date. */
final class GalleryCell extends GridCell<GalleryItem> {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);

    private final ThumbnailImages thumbnails;
    private final ImageView image = new ImageView();
    private final StackPane play = new StackPane(Icons.PLAY.create(30));
    private final Label name = new Label();
    private final Label date = new Label();
    private final VBox box;

    GalleryCell(
            ThumbnailImages thumbnails,
            double size,
            Consumer<GalleryItem> open,
            Consumer<GalleryItem> delete,
            Consumer<GalleryItem> select) {
        this.thumbnails = thumbnails;
        getStyleClass().add("gallery-cell");
        image.setFitWidth(size);
        image.setFitHeight(size);
        image.setPreserveRatio(true);
        play.getStyleClass().add("play-mark");
        play.setMaxSize(44, 44);
        StackPane picture = new StackPane(Icons.IMAGE.create(48), image, play);
        picture.getStyleClass().add("gallery-picture");
        picture.setMinSize(size, size);
        picture.setPrefSize(size, size);
        picture.setMaxSize(size, size);
        name.getStyleClass().add("gallery-name");
        name.setMaxWidth(size);
        date.getStyleClass().add("gallery-date");
        box = new VBox(6, picture, name, date);
        box.setAlignment(Pos.TOP_LEFT);
        setFocusTraversable(true);
        setOnMouseClicked(event -> {
            if (getItem() == null || event.getButton() != MouseButton.PRIMARY) {
                return;
            }
            requestFocus();
            select.accept(getItem());
            if (event.getClickCount() == 2) {
                open.accept(getItem());
            }
        });
        setOnKeyPressed(event -> {
            if (getItem() == null) {
                return;
            }
            if (event.getCode() == KeyCode.ENTER) {
                open.accept(getItem());
                event.consume();
            } else if (event.getCode() == KeyCode.DELETE) {
                delete.accept(getItem());
                event.consume();
            }
        });
        focusedProperty().addListener((obs, was, now) -> {
            if (now && getItem() != null) {
                select.accept(getItem());
            }
        });
    }

    @Override
    protected void updateItem(GalleryItem item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            setId(null);
            return;
        }
        setId("gallery-item-" + item.id());
        image.setImage(item.thumbnail() == null ? null : thumbnails.get(item.thumbnail()));
        play.setVisible(item.isVideo());
        name.setText(item.presetName());
        date.setText(
                item.createdAt() == null
                        ? ""
                        : DATE.format(item.createdAt().atZoneSameInstant(ZoneId.systemDefault())));
        setGraphic(box);
    }
}
