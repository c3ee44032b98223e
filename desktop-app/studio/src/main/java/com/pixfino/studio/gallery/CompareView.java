package com.pixfino.studio.gallery;

import static com.pixfino.studio.gallery.ToolButtons.button;

import atlantafx.base.theme.Styles;
import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.gallery.GalleryItem;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.library.Library;
import com.pixfino.studio.ui.Texts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
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

/**
 * Two to four results side by side with one zoom and one pan for all (scroll with Ctrl, pinch, + − 0, or drag any
 * of them), and under each how it was made: style, format, seed, prompt, credits.
 */
final class CompareView extends BorderPane {

    static final int MAX = 4;
    private static final double STEP = 1.25;

    private final TaskExecutor tasks;
    private final Library library;
    private final Messages messages;
    private final Runnable close;
    private final HBox panes = new HBox(12);
    private final Label title = new Label();
    // 1 = each result fitted to its pane; the same for all panes
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1);
    private final DoubleProperty h = new SimpleDoubleProperty(this, "h", 0.5);
    private final DoubleProperty v = new SimpleDoubleProperty(this, "v", 0.5);
    private final Label zoomText = new Label();

    CompareView(TaskExecutor tasks, Library library, Messages messages, Runnable close) {
        this.tasks = tasks;
        this.library = library;
        this.messages = messages;
        this.close = close;
        setId("compare");
        getStyleClass().add("viewer");
        Button back = button("compare-back", messages.get("viewer.back"), messages.get("compare.back.tip"), close);
        title.setId("compare-title");
        title.getStyleClass().add(Styles.TITLE_4);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        zoomText.setId("compare-zoom");
        zoomText.textProperty().bind(zoom.map(value -> Math.round(value.doubleValue() * 100) + " %"));
        Button out = button("compare-zoom-out", "\u2212", messages.get("viewer.zoomOut.tip"), this::zoomOut);
        Button in = button("compare-zoom-in", "+", messages.get("viewer.zoomIn.tip"), this::zoomIn);
        Button fit = button("compare-fit", messages.get("viewer.fit"), messages.get("viewer.fit.tip"), this::fit);
        HBox bar = new HBox(8, back, title, gap, out, zoomText, in, fit);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("viewer-toolbar");
        setTop(bar);
        panes.setId("compare-panes");
        panes.getStyleClass().add("compare-panes");
        setCenter(panes);
        setOnZoom(event -> {
            setZoom(zoom.get() * event.getZoomFactor());
            event.consume();
        });
    }

    /** Shows {@code items} (2 … 4) side by side, fitted; the full-size files replace the thumbnails as they come. */
    void show(List<GalleryItem> items) {
        zoom.set(1);
        h.set(0.5);
        v.set(0.5);
        title.setText(messages.get("compare.title", items.size()));
        List<VBox> columns = new ArrayList<>();
        for (GalleryItem item : items) {
            columns.add(column(item));
        }
        panes.getChildren().setAll(columns);
    }

    private VBox column(GalleryItem item) {
        ImageView image = new ImageView();
        image.setId("compare-image-" + item.id());
        image.setPreserveRatio(true);
        image.setSmooth(true);
        StackPane canvas = new StackPane(image);
        canvas.getStyleClass().add("viewer-canvas");
        ScrollPane scroll = new ScrollPane(canvas);
        scroll.setPannable(true);
        scroll.getStyleClass().add("viewer-scroll");
        scroll.setFitToWidth(false);
        canvas.minWidthProperty().bind(scroll.viewportBoundsProperty().map(b -> b.getWidth()));
        canvas.minHeightProperty().bind(scroll.viewportBoundsProperty().map(b -> b.getHeight()));
        scroll.hvalueProperty().bindBidirectional(h);
        scroll.vvalueProperty().bindBidirectional(v);
        scroll.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, event -> {
            if (event.isShortcutDown()) {
                if (event.getDeltaY() > 0) {
                    zoomIn();
                } else {
                    zoomOut();
                }
                event.consume();
            }
        });
        Runnable layout = () -> {
            Image shown = image.getImage();
            if (shown == null || shown.getWidth() <= 0) {
                return;
            }
            double width = Math.max(1, scroll.getViewportBounds().getWidth() - 32);
            double height = Math.max(1, scroll.getViewportBounds().getHeight() - 32);
            double fit = Math.min(width / shown.getWidth(), height / shown.getHeight());
            image.setFitWidth(shown.getWidth() * fit * zoom.get());
        };
        zoom.addListener(obs -> layout.run());
        scroll.viewportBoundsProperty().addListener(obs -> layout.run());
        image.imageProperty().addListener((obs, was, now) -> {
            if (now != null) {
                now.progressProperty().addListener(o -> layout.run());
            }
            layout.run();
        });
        if (item.thumbnail() != null) {
            image.setImage(load(item.thumbnail()));
        }
        if (!item.isVideo()) {
            tasks.run(() -> library.original(item.id()), file -> image.setImage(load(file)), error -> {});
        }
        VBox.setVgrow(scroll, Priority.ALWAYS);

        GalleryItem.Provenance made = item.provenance();
        GridPane facts = new GridPane();
        facts.getStyleClass().add("viewer-facts");
        facts.addRow(0, key("viewer.fact.preset"), fact(item.presetName()));
        facts.addRow(
                1,
                key("viewer.fact.format"),
                fact(made.aspectRatio() == null ? messages.get("viewer.unknown") : made.aspectRatio()));
        facts.addRow(
                2,
                key("viewer.fact.seed"),
                fact(made.seed() == null ? messages.get("viewer.unknown") : Long.toString(made.seed())));
        facts.addRow(3, key("viewer.fact.credits"), fact(messages.get("viewer.credits", made.creditsCharged())));
        facts.addRow(
                4,
                key("viewer.fact.prompt"),
                fact(item.prompt() == null ? messages.get("viewer.noPrompt") : item.prompt()));
        VBox column = new VBox(8, scroll, facts);
        column.setId("compare-" + item.id());
        column.getStyleClass().add("compare-column");
        HBox.setHgrow(column, Priority.ALWAYS);
        column.setPrefWidth(0);
        column.setMinWidth(0);
        return column;
    }

    private static Image load(Path file) {
        return new Image(file.toUri().toString(), true);
    }

    private Label key(String key) {
        Label label = new Label(messages.get(key));
        label.getStyleClass().add("fact-key");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label fact(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("fact-value");
        Texts.wrapping(label);
        label.setMaxHeight(60);
        return label;
    }

    DoubleProperty zoomProperty() {
        return zoom;
    }

    void zoomIn() {
        setZoom(zoom.get() * STEP);
    }

    void zoomOut() {
        setZoom(zoom.get() / STEP);
    }

    void fit() {
        setZoom(1);
    }

    private void setZoom(double value) {
        zoom.set(Math.max(1, Math.min(8, value)));
    }

    /** Esc closes; + − 0 (with or without Ctrl) zoom all panes. */
    boolean shortcut(KeyEvent event) {
        KeyCode code = event.getCode();
        if (code == KeyCode.ESCAPE) {
            close.run();
        } else if (code == KeyCode.PLUS || code == KeyCode.EQUALS || code == KeyCode.ADD) {
            zoomIn();
        } else if (code == KeyCode.MINUS || code == KeyCode.SUBTRACT) {
            zoomOut();
        } else if (code == KeyCode.DIGIT0 || code == KeyCode.NUMPAD0) {
            fit();
        } else {
            return false;
        }
        return true;
    }
}
