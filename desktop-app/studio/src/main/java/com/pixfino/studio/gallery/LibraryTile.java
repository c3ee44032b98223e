package com.pixfino.studio.gallery;

import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.concurrent.TaskHandle;
import com.pixfino.studio.core.gallery.GalleryItem;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.library.Library;
import com.pixfino.studio.ui.Icons;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * One result in the grid, reused as rows scroll: fixed size, its thumbnail (fetched and decoded in the background
 * at cell size), a favourite star, name and date. Rebinding to another index abandons the previous thumbnail.
 */
final class LibraryTile extends VBox {

    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass FOCUSED_TILE = PseudoClass.getPseudoClass("focus-tile");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);

    private final TaskExecutor tasks;
    private final Library library;
    private final ThumbnailCache thumbnails;
    private final ImageView image = new ImageView();
    private final StackPane play = new StackPane(Icons.PLAY.create(30));
    private final Button star = new Button("\u2606");
    private final Label name = new Label();
    private final Label date = new Label();
    private final Button take = new Button();
    private final Tooltip takeTip = new Tooltip();
    private final Messages messages;
    private final StackPane picture;
    /** The key of the shown result's id in the tile's properties. */
    static final String ITEM_ID = "gallery-item-id";

    private TaskHandle fetch = TaskHandle.NONE;
    private GalleryItem item;
    private int index = -1;

    LibraryTile(
            TaskExecutor tasks,
            Library library,
            ThumbnailCache thumbnails,
            double size,
            Messages messages,
            LibraryViewModel viewModel) {
        this.tasks = tasks;
        this.library = library;
        this.thumbnails = thumbnails;
        this.messages = messages;
        getStyleClass().addAll("gallery-cell", "library-tile");
        image.setFitWidth(size);
        image.setFitHeight(size);
        image.setPreserveRatio(true);
        play.getStyleClass().add("play-mark");
        play.setMaxSize(44, 44);
        play.setMouseTransparent(true);
        star.getStyleClass().add("favorite-star");
        star.setFocusTraversable(false);
        star.setTooltip(new Tooltip(messages.get("gallery.favorite.tip")));
        star.setOnAction(event -> {
            if (item != null) {
                viewModel.toggleFavorite(item);
            }
        });
        StackPane.setAlignment(star, Pos.TOP_RIGHT);
        // "1 of 4": this result is one take of a request; clicking shows the whole group
        take.getStyleClass().add("take-badge");
        take.setFocusTraversable(false);
        take.setVisible(false);
        take.setTooltip(takeTip);
        take.setOnAction(event -> {
            if (item != null && item.provenance().groupId() != null) {
                viewModel.showGroup(item.provenance().groupId());
            }
        });
        StackPane.setAlignment(take, Pos.BOTTOM_LEFT);
        picture = new StackPane(Icons.IMAGE.create(48), image, play, star, take);
        picture.getStyleClass().add("gallery-picture");
        picture.setMinSize(size, size);
        picture.setPrefSize(size, size);
        picture.setMaxSize(size, size);
        name.getStyleClass().add("gallery-name");
        name.setMaxWidth(size);
        date.getStyleClass().add("gallery-date");
        date.setMaxWidth(size);
        getChildren().addAll(picture, name, date);
        setSpacing(6);
        setAlignment(Pos.TOP_LEFT);
        setMinWidth(size + 16);
        setPrefWidth(size + 16);
        setMaxWidth(size + 16);
    }

    int index() {
        return index;
    }

    GalleryItem item() {
        return item;
    }

    /** Shows result {@code at} ({@code shown} null while its page loads; index -1 for an empty slot). */
    void bind(int at, GalleryItem shown, boolean selected, boolean focused) {
        // an empty slot is hidden even on a tile's first bind (a new tile starts at -1 with no item)
        setVisible(at >= 0);
        pseudoClassStateChanged(SELECTED, shown != null && selected);
        pseudoClassStateChanged(FOCUSED_TILE, shown != null && focused);
        if (at == index && sameItem(shown)) {
            star.setText(shown != null && shown.library().favorite() ? "\u2605" : "\u2606");
            star.pseudoClassStateChanged(
                    SELECTED, shown != null && shown.library().favorite());
            item = shown;
            if (shown != null) {
                showTake(shown.provenance()); // a take that finished since changes "1 of 3" to "1 of 4"
            }
            return;
        }
        if (item != null && (shown == null || !item.id().equals(shown.id()))) {
            fetch.cancel();
            thumbnails.abandon(item.id());
        }
        index = at;
        item = shown;
        // Not a CSS id: JavaFX's StyleManager keeps one style cache per distinct id for the life of the stylesheets,
        // so an id per result grew the heap with every result scrolled past (50,000 ran out of 512 MB) and made each
        // rebind look up styles again. Tests and the benchmark find a tile by this property instead.
        if (shown == null) {
            getProperties().remove(ITEM_ID);
        } else {
            getProperties().put(ITEM_ID, shown.id());
        }
        if (shown == null) {
            image.setImage(null);
            name.setText("");
            date.setText("");
            play.setVisible(false);
            star.setVisible(false);
            take.setVisible(false);
            return;
        }
        star.setVisible(true);
        star.setText(shown.library().favorite() ? "\u2605" : "\u2606");
        star.pseudoClassStateChanged(SELECTED, shown.library().favorite());
        play.setVisible(shown.isVideo());
        showTake(shown.provenance());
        name.setText(shown.presetName());
        date.setText(
                shown.createdAt() == null
                        ? ""
                        : DATE.format(shown.createdAt().atZoneSameInstant(ZoneId.systemDefault())));
        showThumbnail(shown);
    }

    private void showTake(GalleryItem.Provenance made) {
        boolean grouped = made.groupId() != null && made.takes() > 1;
        take.setVisible(grouped);
        if (grouped) {
            take.setText(messages.get("gallery.take", made.take(), made.takes()));
            takeTip.setText(messages.get("gallery.take.tip", made.takes()));
            take.setAccessibleText(messages.get("gallery.take.tip", made.takes()));
            take.setId("gallery-take-" + item.id());
        }
    }

    private boolean sameItem(GalleryItem shown) {
        return item == null ? shown == null : shown != null && item.id().equals(shown.id());
    }

    private void showThumbnail(GalleryItem shown) {
        var cached = thumbnails.cached(shown.id());
        if (cached != null) {
            image.setImage(cached);
        } else if (shown.thumbnail() != null) {
            image.setImage(thumbnails.load(shown.id(), shown.thumbnail()));
        } else {
            image.setImage(null);
            fetch = tasks.run(
                    () -> library.thumbnail(shown.id()),
                    file -> {
                        if (item != null && item.id().equals(shown.id()) && file.isPresent()) {
                            image.setImage(thumbnails.load(shown.id(), file.get()));
                        }
                    },
                    error -> {}); // the placeholder icon stays: the thumbnail comes with the next sync
        }
    }
}
