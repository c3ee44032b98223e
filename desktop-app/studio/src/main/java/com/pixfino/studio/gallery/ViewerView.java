package com.pixfino.studio.gallery;

import static com.pixfino.studio.gallery.ToolButtons.button;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.gallery.GalleryItem;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.ui.Texts;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** One result large: zoomable image or playable video, its details, export and delete. */
final class ViewerView extends BorderPane {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT);

    private final ViewerViewModel viewModel;
    private final Consumer<GalleryItem> delete;
    private final Consumer<GalleryItem> export;
    private final ImageView image = new ImageView();
    private final ScrollPane scroll = new ScrollPane();
    private final VideoPane video;
    private final BeforeAfterView beforeAfter;

    /** {@code notice}: the gallery's word on the last export or delete, shown here too. */
    ViewerView(
            ViewerViewModel viewModel,
            TaskExecutor tasks,
            Messages messages,
            Consumer<GalleryItem> delete,
            Consumer<GalleryItem> export,
            ObservableValue<String> notice) {
        this(viewModel, tasks, messages, delete, export, notice, null);
    }

    /** {@code useAgain}: "Use again" fills Create with the result's style and prompt; null: no such button. */
    ViewerView(
            ViewerViewModel viewModel,
            TaskExecutor tasks,
            Messages messages,
            Consumer<GalleryItem> delete,
            Consumer<GalleryItem> export,
            ObservableValue<String> notice,
            Consumer<GalleryItem> useAgain) {
        this.viewModel = viewModel;
        this.delete = delete;
        this.export = export;
        setId("viewer");
        getStyleClass().add("viewer");

        image.setId("viewer-image");
        image.setPreserveRatio(true);
        image.setSmooth(true);
        StackPane canvas = new StackPane(image);
        canvas.getStyleClass().add("viewer-canvas");
        canvas.minWidthProperty()
                .bind(Bindings.createDoubleBinding(
                        () -> scroll.getViewportBounds().getWidth(), scroll.viewportBoundsProperty()));
        canvas.minHeightProperty()
                .bind(Bindings.createDoubleBinding(
                        () -> scroll.getViewportBounds().getHeight(), scroll.viewportBoundsProperty()));
        scroll.setContent(canvas);
        scroll.setPannable(true);
        scroll.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE, "viewer-scroll");
        scroll.setOnScroll(event -> {
            if (event.isShortcutDown()) {
                if (event.getDeltaY() > 0) {
                    viewModel.zoomIn();
                } else {
                    viewModel.zoomOut();
                }
                event.consume();
            }
        });
        video = new VideoPane(viewModel, tasks, messages);
        beforeAfter = new BeforeAfterView(messages);
        beforeAfter.visibleProperty().bind(viewModel.beforeAfterProperty());
        beforeAfter.afterImageProperty().bind(image.imageProperty());
        viewModel
                .inputPhotoProperty()
                .addListener((obs, was, file) -> beforeAfter
                        .beforeImageProperty()
                        .set(file == null ? null : new Image(file.toUri().toString(), true)));
        beforeAfter.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                viewModel.beforeAfterProperty().set(false);
                event.consume();
            }
        });
        viewModel.beforeAfterProperty().addListener((obs, was, now) -> {
            beforeAfter.positionProperty().set(0.5);
            if (now) {
                beforeAfter.requestFocus();
            }
        });
        scroll.visibleProperty()
                .bind(video.visibleProperty()
                        .not()
                        .and(viewModel.beforeAfterProperty().not()));

        setTop(toolbar(messages));
        StackPane center = new StackPane(scroll, video, beforeAfter);
        setCenter(center);
        setRight(details(messages, notice, useAgain));

        viewModel
                .fileProperty()
                .addListener((obs, was, file) -> image.setImage(
                        file == null ? null : new Image(file.toUri().toString(), true)));
        viewModel.itemProperty().addListener((obs, was, item) -> video.show(item));
        viewModel.fitProperty().addListener(obs -> layoutImage());
        viewModel.zoomProperty().addListener(obs -> layoutImage());
        scroll.viewportBoundsProperty().addListener(obs -> layoutImage());
        image.imageProperty().addListener((obs, was, now) -> {
            if (now != null) {
                now.progressProperty().addListener((o, w, p) -> layoutImage());
            }
            layoutImage();
        });
    }

    private void layoutImage() {
        Image shown = image.getImage();
        if (shown == null || shown.getWidth() <= 0) {
            return;
        }
        double viewWidth = Math.max(1, scroll.getViewportBounds().getWidth() - 32);
        double viewHeight = Math.max(1, scroll.getViewportBounds().getHeight() - 32);
        if (viewModel.fitProperty().get()) {
            double scale = Math.min(1, Math.min(viewWidth / shown.getWidth(), viewHeight / shown.getHeight()));
            viewModel.fitScale(scale);
            image.setFitWidth(shown.getWidth() * scale);
        } else {
            image.setFitWidth(shown.getWidth() * viewModel.zoomProperty().get());
        }
    }

    private HBox toolbar(Messages messages) {
        Button back =
                button("viewer-back", messages.get("viewer.back"), messages.get("viewer.back.tip"), viewModel::close);
        Label title = new Label();
        title.setId("viewer-title");
        title.getStyleClass().add(Styles.TITLE_4);
        title.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> viewModel.itemProperty().get() == null
                                ? ""
                                : viewModel.itemProperty().get().presetName(),
                        viewModel.itemProperty()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label zoom = new Label();
        zoom.setId("viewer-zoom");
        zoom.getStyleClass().add("zoom-label");
        zoom.textProperty().bind(Bindings.createStringBinding(viewModel::zoomText, viewModel.zoomProperty()));
        Button out = button("viewer-zoom-out", "\u2212", messages.get("viewer.zoomOut.tip"), viewModel::zoomOut);
        Button in = button("viewer-zoom-in", "+", messages.get("viewer.zoomIn.tip"), viewModel::zoomIn);
        Button fit = button(
                "viewer-fit", messages.get("viewer.fit"), messages.get("viewer.fit.tip"), viewModel::fitToWindow);
        Button actual = button("viewer-actual", "100 %", messages.get("viewer.actual.tip"), viewModel::actualSize);
        HBox zoomBox = new HBox(4, out, zoom, in, fit, actual);
        zoomBox.setAlignment(Pos.CENTER);
        zoomBox.visibleProperty()
                .bind(video.visibleProperty()
                        .not()
                        .and(viewModel.beforeAfterProperty().not()));
        javafx.scene.control.ToggleButton compare =
                new javafx.scene.control.ToggleButton(messages.get("viewer.beforeAfter"));
        compare.setId("viewer-before-after");
        compare.setTooltip(new Tooltip(messages.get("viewer.beforeAfter.tip")));
        compare.selectedProperty().bindBidirectional(viewModel.beforeAfterProperty());
        compare.disableProperty().bind(viewModel.inputPhotoProperty().isNull().or(video.visibleProperty()));
        Button exportButton = button(
                "viewer-export",
                messages.get("viewer.export"),
                messages.get("viewer.export.tip"),
                () -> export.accept(viewModel.itemProperty().get()));
        Button deleteButton = button(
                "viewer-delete",
                messages.get("viewer.delete"),
                messages.get("viewer.delete.tip"),
                () -> delete.accept(viewModel.itemProperty().get()));
        deleteButton.getStyleClass().add(Styles.DANGER);
        HBox bar = new HBox(8, back, title, gap, zoomBox, compare, exportButton, deleteButton);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("viewer-toolbar");
        return bar;
    }

    private VBox details(Messages messages, ObservableValue<String> notice, Consumer<GalleryItem> useAgain) {
        GridPane facts = new GridPane();
        facts.getStyleClass().add("viewer-facts");
        Label preset = fact();
        Label kind = fact();
        Label size = fact();
        Label created = fact();
        Label prompt = fact();
        prompt.setId("viewer-prompt");
        facts.addRow(0, key(messages.get("viewer.fact.preset")), preset);
        facts.addRow(1, key(messages.get("viewer.fact.kind")), kind);
        facts.addRow(2, key(messages.get("viewer.fact.size")), size);
        facts.addRow(3, key(messages.get("viewer.fact.created")), created);
        facts.addRow(4, key(messages.get("viewer.fact.prompt")), prompt);
        viewModel.itemProperty().addListener((obs, was, item) -> {
            if (item == null) {
                return;
            }
            preset.setText(item.presetName());
            kind.setText(messages.get(item.isVideo() ? "viewer.kind.video" : "viewer.kind.image"));
            size.setText(item.width() == null ? "\u2014" : messages.get("viewer.pixels", item.width(), item.height()));
            created.setText(
                    item.createdAt() == null
                            ? ""
                            : WHEN.format(item.createdAt().atZoneSameInstant(ZoneId.systemDefault())));
            prompt.setText(item.prompt() == null ? messages.get("viewer.noPrompt") : item.prompt());
        });
        Label message = Texts.statusLine("viewer-message", viewModel.messageProperty(), "viewer-message");
        Label heading = new Label(messages.get("viewer.details"));
        heading.getStyleClass().add("section-label");
        Label outcome = Texts.statusLine("viewer-notice", notice, "notice");
        ProvenancePanel provenance = new ProvenancePanel(messages, useAgain);
        viewModel.itemProperty().addListener((obs, was, item) -> provenance.show(item));
        Runnable input = () -> provenance.showInput(
                viewModel.inputPhotoProperty().get(),
                viewModel.inputNoteProperty().get());
        viewModel.inputPhotoProperty().addListener(obs -> input.run());
        viewModel.inputNoteProperty().addListener(obs -> input.run());
        VBox panel = new VBox(12, heading, facts, provenance, message, outcome);
        panel.getStyleClass().add("viewer-details");
        return panel;
    }

    boolean shortcut(KeyEvent event) {
        GalleryItem item = viewModel.itemProperty().get();
        if (event.getCode() == KeyCode.ESCAPE && viewModel.beforeAfterProperty().get()) {
            viewModel.beforeAfterProperty().set(false);
        } else if (event.getCode() == KeyCode.ESCAPE) {
            viewModel.close();
        } else if (event.getCode() == KeyCode.B && !event.isShortcutDown()) {
            viewModel.toggleBeforeAfter();
        } else if (event.isShortcutDown() && event.getCode() == KeyCode.E) {
            export.accept(item);
        } else if (event.getCode() == KeyCode.DELETE) {
            delete.accept(item);
        } else if (event.isShortcutDown()
                && (event.getCode() == KeyCode.PLUS
                        || event.getCode() == KeyCode.EQUALS
                        || event.getCode() == KeyCode.ADD)) {
            viewModel.zoomIn();
        } else if (event.isShortcutDown()
                && (event.getCode() == KeyCode.MINUS || event.getCode() == KeyCode.SUBTRACT)) {
            viewModel.zoomOut();
        } else if (event.isShortcutDown()
                && (event.getCode() == KeyCode.DIGIT0 || event.getCode() == KeyCode.NUMPAD0)) {
            viewModel.fitToWindow();
        } else {
            return false;
        }
        return true;
    }

    private static Label key(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("fact-key");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label fact() {
        Label label = new Label();
        label.getStyleClass().add("fact-value");
        Texts.wrapping(label);
        label.setMaxWidth(220);
        return label;
    }
}
