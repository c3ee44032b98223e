package com.pixfino.studio.gallery;

import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.gallery.GalleryItem;
import com.pixfino.studio.core.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;

/**
 * The virtualised result grid: a {@code ListView} of fixed-height rows, each row a reused strip of
 * {@link LibraryTile}s. Chosen over ControlsFX {@code GridView} (open bugs with many cells: #745, #755, #1070 —
 * it rebuilds rows on every change) and over Flowless (another dependency for the same virtualisation JavaFX's own
 * {@code VirtualFlow} gives): with fixed cell sizes the list only lays out the visible rows, its items are plain
 * row numbers (50,000 results are ~8,300 Integers), and results come from the view model's page cache by index.
 * Measured with bench/gallery-50k.
 */
final class LibraryGrid extends ListView<Integer> {

    static final double CELL = 184;
    static final double GAP = 10;
    private static final double ROW = CELL + 64;

    private final LibraryViewModel viewModel;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final ThumbnailCache thumbnails = new ThumbnailCache(CELL);
    private final ObservableList<Integer> rows = FXCollections.observableArrayList();
    // weak: the flow drops and makes rows as it likes; a strong list kept every row (and its images) ever made
    private final java.util.Set<Row> live = java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());
    private final Consumer<GalleryItem> open;
    private final Runnable delete;
    private int columns = 1;

    LibraryGrid(
            LibraryViewModel viewModel,
            TaskExecutor tasks,
            Messages messages,
            Consumer<GalleryItem> open,
            Runnable delete) {
        this.viewModel = viewModel;
        this.tasks = tasks;
        this.messages = messages;
        this.open = open;
        this.delete = delete;
        setId("gallery-grid");
        getStyleClass().addAll("gallery-grid", "library-grid");
        setItems(rows);
        setFixedCellSize(ROW);
        setCellFactory(list -> new Row());
        // The list's own selection is not the gallery's: keys and clicks go to the gallery's selection instead.
        getSelectionModel().clearSelection();
        setFocusModel(null);
        widthProperty().addListener(obs -> relayout());
        viewModel.countProperty().addListener(obs -> relayout());
        viewModel.revisionProperty().addListener(obs -> refill());
        viewModel.selection().focusProperty().addListener((obs, was, now) -> reveal(now.intValue()));
        addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        relayout();
    }

    int columns() {
        return columns;
    }

    ThumbnailCache thumbnails() {
        return thumbnails;
    }

    private void relayout() {
        double width = getWidth() <= 0 ? 1000 : getWidth() - 24; // the vertical scroll bar
        columns = Math.max(1, (int) Math.floor((width + GAP) / (CELL + 16 + GAP)));
        int count = viewModel.countProperty().get();
        int wanted = (count + columns - 1) / columns;
        if (rows.size() != wanted) {
            List<Integer> numbers = new ArrayList<>(wanted);
            for (int i = 0; i < wanted; i++) {
                numbers.add(i);
            }
            rows.setAll(numbers);
        }
        refill();
    }

    private void refill() {
        for (Row row : List.copyOf(live)) {
            if (row.isVisible() && !row.isEmpty()) {
                row.fill();
            }
        }
    }

    private void reveal(int index) {
        if (index < 0) {
            return;
        }
        VirtualFlow<?> flow = (VirtualFlow<?>) lookup(".virtual-flow");
        if (flow != null) {
            flow.scrollTo(index / columns);
        }
    }

    private void key(KeyEvent event) {
        LibrarySelection selection = viewModel.selection();
        int count = viewModel.countProperty().get();
        int focus = Math.max(0, selection.focusProperty().get());
        int step = switch (event.getCode()) {
            case LEFT -> -1;
            case RIGHT -> 1;
            case UP -> -columns;
            case DOWN -> columns;
            case PAGE_UP -> -columns * 3;
            case PAGE_DOWN -> columns * 3;
            default -> 0;
        };
        if (step != 0) {
            int next = selection.focusProperty().get() < 0 ? 0 : focus + step;
            selection.moveFocus(next, count, event.isShiftDown());
        } else if (event.getCode() == KeyCode.HOME) {
            selection.moveFocus(0, count, event.isShiftDown());
        } else if (event.getCode() == KeyCode.END) {
            selection.moveFocus(count - 1, count, event.isShiftDown());
        } else if (event.getCode() == KeyCode.A && event.isShortcutDown()) {
            selection.selectAll();
        } else if (event.getCode() == KeyCode.ESCAPE && selection.sizeProperty().get() > 0) {
            selection.clear();
        } else if (event.getCode() == KeyCode.ENTER && viewModel.item(focus) != null) {
            open.accept(viewModel.item(focus));
        } else if (event.getCode() == KeyCode.DELETE && selection.sizeProperty().get() > 0) {
            delete.run();
        } else if (event.getCode() == KeyCode.SPACE && viewModel.item(focus) != null) {
            selection.click(focus, false, true);
        } else {
            return;
        }
        event.consume();
    }

    /** One row of tiles; rows are reused as the list scrolls. */
    private final class Row extends ListCell<Integer> {

        private final HBox strip = new HBox(GAP);
        private final List<LibraryTile> tiles = new ArrayList<>();

        Row() {
            getStyleClass().add("library-row");
            strip.getStyleClass().add("library-strip");
            setGraphic(strip);
            live.add(this);
        }

        @Override
        protected void updateItem(Integer row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            fill();
        }

        void fill() {
            Integer row = getItem();
            while (tiles.size() < columns) {
                LibraryTile tile = new LibraryTile(tasks, viewModel.library(), thumbnails, CELL, messages, viewModel);
                tile.setOnMouseClicked(event -> {
                    if (tile.item() == null || event.getButton() != MouseButton.PRIMARY) {
                        return;
                    }
                    LibraryGrid.this.requestFocus();
                    if (event.getClickCount() == 2) {
                        open.accept(tile.item());
                    } else {
                        viewModel.selection().click(tile.index(), event.isShiftDown(), event.isShortcutDown());
                    }
                });
                tiles.add(tile);
            }
            if (strip.getChildren().size() != columns) { // re-adding children re-applies CSS: only on resize
                strip.getChildren().setAll(tiles.subList(0, columns));
            }
            int count = viewModel.countProperty().get();
            for (int column = 0; column < columns; column++) {
                LibraryTile tile = tiles.get(column);
                int index = row == null || isEmpty() ? -1 : row * columns + column;
                if (index < 0 || index >= count) {
                    tile.bind(-1, null, false, false);
                    continue;
                }
                GalleryItem item = viewModel.item(index);
                tile.bind(
                        index,
                        item,
                        item != null && viewModel.selection().isSelected(item.id()),
                        index == viewModel.selection().focusProperty().get());
            }
        }
    }
}
