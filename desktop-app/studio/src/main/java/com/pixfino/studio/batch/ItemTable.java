package com.pixfino.studio.batch;

import com.pixfino.model.api.PresetView;
import com.pixfino.studio.core.batch.BatchItem;
import com.pixfino.studio.core.batch.BatchRequest;
import com.pixfino.studio.core.batch.ItemStatus;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.ui.Icons;
import com.pixfino.studio.ui.ToneStyles;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;

/** The live items of a batch: result thumbnail, photo, preset, status, credits and what went wrong. */
final class ItemTable extends TableView<BatchRow> {

    private final BatchTexts texts;
    private final OutputThumbnails thumbnails = new OutputThumbnails();

    /** {@code running}: the batch shown, whose results folder the result paths are relative to. */
    ItemTable(
            ObservableList<BatchRow> rows,
            ObservableList<PresetView> presets,
            ObservableValue<BatchRequest> running,
            Messages messages) {
        super(rows);
        this.texts = new BatchTexts(messages);
        setId("batch-items");
        getStyleClass().add("batch-items");
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPlaceholder(new Label(messages.get("batch.items.empty")));
        setFixedCellSize(OutputThumbnails.SIZE + 10);

        TableColumn<BatchRow, BatchItem> result = column(messages.get("batch.column.result"), "batch-col-result");
        result.setPrefWidth(78);
        result.setMinWidth(78);
        result.setMaxWidth(78);
        result.setSortable(false);
        result.setCellFactory(column -> new ThumbnailCell());

        TableColumn<BatchRow, BatchItem> file = column(messages.get("batch.column.file"), "batch-col-file");
        file.setPrefWidth(280);
        file.setCellFactory(column -> new TextCell(BatchItem::file));

        TableColumn<BatchRow, BatchItem> preset = column(messages.get("batch.column.preset"), "batch-col-preset");
        preset.setPrefWidth(170);
        preset.setCellFactory(column -> new TextCell(item -> presets.stream()
                .filter(p -> p.slug().equals(item.preset()))
                .map(PresetView::name)
                .findFirst()
                .orElse(item.preset())));

        TableColumn<BatchRow, BatchItem> status = column(messages.get("batch.column.status"), "batch-col-status");
        status.setPrefWidth(110);
        status.setMinWidth(90);
        status.setCellFactory(column -> new StatusCell());

        TableColumn<BatchRow, BatchItem> credits = column(messages.get("batch.column.credits"), "batch-col-credits");
        credits.setPrefWidth(70);
        credits.setMinWidth(70);
        credits.setCellFactory(column -> new TextCell(item -> item.status() == ItemStatus.COMPLETED
                        || item.status() == ItemStatus.RUNNING
                        || item.status() == ItemStatus.SUBMITTED
                ? String.valueOf(item.credits())
                : ""));

        TableColumn<BatchRow, BatchItem> detail = column(messages.get("batch.column.detail"), "batch-col-detail");
        detail.setPrefWidth(300);
        detail.setCellFactory(column -> new TextCell(item -> item.error() != null
                ? item.error()
                : item.output() != null && item.status() == ItemStatus.COMPLETED
                        ? shown(item.output(), running.getValue())
                        : ""));

        getColumns().setAll(java.util.List.of(result, file, preset, status, credits, detail));
        // the preset names come from the catalogue, which may load after the rows
        presets.addListener((javafx.collections.ListChangeListener<PresetView>) change -> refresh());
    }

    /** The result as the report names it: relative to the results folder, with '/'. */
    private static String shown(Path output, BatchRequest running) {
        if (running != null && output.startsWith(running.output())) {
            return running.output().relativize(output).toString().replace('\\', '/');
        }
        return output.getFileName().toString();
    }

    private static TableColumn<BatchRow, BatchItem> column(String title, String id) {
        TableColumn<BatchRow, BatchItem> column = new TableColumn<>(title);
        column.setId(id);
        column.setCellValueFactory(cell -> cell.getValue().itemProperty());
        column.setReorderable(false);
        return column;
    }

    /** Text from the item, with the whole text as a tooltip (paths and reasons can be long). */
    private static final class TextCell extends TableCell<BatchRow, BatchItem> {

        private final Function<BatchItem, String> text;
        private final Tooltip tip = new Tooltip();

        TextCell(Function<BatchItem, String> text) {
            this.text = text;
            tip.textProperty().bind(textProperty());
        }

        @Override
        protected void updateItem(BatchItem item, boolean empty) {
            super.updateItem(item, empty);
            String value = empty || item == null ? null : text.apply(item);
            setText(value);
            setTooltip(value == null || value.isEmpty() ? null : tip);
        }
    }

    private final class StatusCell extends TableCell<BatchRow, BatchItem> {

        @Override
        protected void updateItem(BatchItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                ToneStyles.set(this, "item", null);
            } else {
                setText(texts.status(item.status()));
                ToneStyles.set(this, "item", item.status());
            }
        }
    }

    private final class ThumbnailCell extends TableCell<BatchRow, BatchItem> {

        private final ImageView view = new ImageView();

        ThumbnailCell() {
            view.setFitWidth(OutputThumbnails.SIZE);
            view.setFitHeight(OutputThumbnails.SIZE);
            view.setPreserveRatio(true);
            view.setSmooth(true);
            getStyleClass().add("batch-thumb-cell");
        }

        @Override
        protected void updateItem(BatchItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null || item.status() != ItemStatus.COMPLETED || item.output() == null) {
                view.setImage(null);
                setGraphic(null);
                return;
            }
            Image image = thumbnails.of(item.output());
            if (image == null) {
                setGraphic(
                        item.output()
                                        .getFileName()
                                        .toString()
                                        .toLowerCase(Locale.ROOT)
                                        .endsWith(".mp4")
                                ? Icons.VIDEO.create(22)
                                : Icons.IMAGE.create(22));
            } else {
                view.setImage(image);
                setGraphic(view);
            }
        }
    }
}
