package com.pixfino.studio.gallery;

import com.pixfino.studio.core.gallery.GalleryItem;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.ui.Texts;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * How a result was made (the input photo, style and version, provider, model, credits, queued and run time,
 * format and seed) and "Use again".
 */
final class ProvenancePanel extends VBox {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT);

    private final Messages messages;
    private final Label preset = value("provenance-preset");
    private final Label provider = value("provenance-provider");
    private final Label model = value("provenance-model");
    private final Label credits = value("provenance-credits");
    private final Label queued = value("provenance-queued");
    private final Label runTime = value("provenance-runtime");
    private final Label format = value("provenance-format");
    private final Label seed = value("provenance-seed");
    private final Button copySeed;
    private final ImageView input = new ImageView();
    private final Label inputNote = new Label();
    private final Button useAgain;
    private GalleryItem item;

    /**
     * {@code useAgain}: fills Create with this result's photo, preset, prompt, format and seed; null hides the
     * button.
     */
    ProvenancePanel(Messages messages, Consumer<GalleryItem> useAgain) {
        this.messages = messages;
        setId("provenance");
        getStyleClass().add("provenance");
        setSpacing(8);
        Label heading = new Label(messages.get("viewer.provenance"));
        heading.getStyleClass().add("section-label");
        GridPane facts = new GridPane();
        facts.getStyleClass().add("viewer-facts");
        facts.addRow(0, key(messages.get("viewer.fact.preset")), preset);
        facts.addRow(1, key(messages.get("viewer.fact.provider")), provider);
        facts.addRow(2, key(messages.get("viewer.fact.model")), model);
        facts.addRow(3, key(messages.get("viewer.fact.credits")), credits);
        facts.addRow(4, key(messages.get("viewer.fact.queued")), queued);
        facts.addRow(5, key(messages.get("viewer.fact.runTime")), runTime);
        facts.addRow(6, key(messages.get("viewer.fact.format")), format);
        copySeed = new Button(messages.get("viewer.seed.copy"));
        copySeed.setId("provenance-copy-seed");
        copySeed.getStyleClass().add("small");
        copySeed.setTooltip(new Tooltip(messages.get("viewer.seed.copy.tip")));
        copySeed.setAccessibleText(messages.get("viewer.seed.copy.tip"));
        copySeed.setOnAction(event -> copySeed());
        HBox seedRow = new HBox(6, seed, copySeed);
        seedRow.setAlignment(Pos.CENTER_LEFT);
        facts.addRow(7, key(messages.get("viewer.fact.seed")), seedRow);
        Label inputHeading = new Label(messages.get("viewer.input"));
        inputHeading.getStyleClass().add("fact-key");
        input.setId("provenance-input");
        input.setPreserveRatio(true);
        input.setFitWidth(140);
        input.setFitHeight(140);
        input.setSmooth(true);
        input.setAccessibleText(messages.get("viewer.input"));
        inputNote.setId("provenance-input-note");
        inputNote.getStyleClass().add("fact-value");
        Texts.wrapping(inputNote);
        inputNote.managedProperty().bind(inputNote.textProperty().isNotEmpty());
        inputNote.visibleProperty().bind(inputNote.textProperty().isNotEmpty());
        input.managedProperty().bind(input.imageProperty().isNotNull());
        input.visibleProperty().bind(input.imageProperty().isNotNull());
        VBox inputBox = new VBox(4, inputHeading, input, inputNote);
        this.useAgain = new Button(messages.get("viewer.useAgain"));
        this.useAgain.setId("viewer-use-again");
        this.useAgain.setTooltip(new Tooltip(messages.get("useAgain.tip")));
        getChildren().addAll(heading, inputBox, facts, this.useAgain);
        this.useAgain.setOnAction(event -> {
            if (item != null && useAgain != null) {
                useAgain.accept(item);
            }
        });
        this.useAgain.setVisible(useAgain != null);
        this.useAgain.setManaged(useAgain != null);
    }

    void show(GalleryItem shown) {
        item = shown;
        if (shown == null) {
            return;
        }
        GalleryItem.Provenance made = shown.provenance();
        String name = shown.presetName() == null ? messages.get("gallery.untitled") : shown.presetName();
        preset.setText(
                made.presetVersion() == null ? name : messages.get("viewer.presetVersion", name, made.presetVersion()));
        provider.setText(orUnknown(made.provider()));
        model.setText(orUnknown(made.model()));
        credits.setText(messages.get("viewer.credits", made.creditsCharged()));
        queued.setText(
                made.queuedAt() == null
                        ? messages.get("viewer.unknown")
                        : WHEN.format(made.queuedAt().atZoneSameInstant(ZoneId.systemDefault())));
        format.setText(
                made.aspectRatio() == null
                        ? messages.get("viewer.unknown")
                        : messages.get("viewer.format", made.aspectRatio()));
        seed.setText(made.seed() == null ? messages.get("viewer.unknown") : Long.toString(made.seed()));
        copySeed.setVisible(made.seed() != null);
        copySeed.setManaged(made.seed() != null);
        Duration took = made.runTime();
        runTime.setText(
                took == null
                        ? messages.get("viewer.unknown")
                        : messages.get("viewer.runTime", took.toMinutes(), took.toSecondsPart()));
    }

    /** The input photo's preview ({@code file}), or why there is none ({@code note}). */
    void showInput(java.nio.file.Path file, String note) {
        input.setImage(file == null ? null : new Image(file.toUri().toString(), 280, 280, true, true, true));
        inputNote.setText(note == null ? "" : note);
    }

    private void copySeed() {
        if (item != null && item.provenance().seed() != null) {
            ClipboardContent content = new ClipboardContent();
            content.putString(Long.toString(item.provenance().seed()));
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    private String orUnknown(String value) {
        return value == null || value.isBlank() ? messages.get("viewer.unknown") : value;
    }

    private static Label key(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("fact-key");
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    private static Label value(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("fact-value");
        Texts.wrapping(label);
        label.setMaxWidth(220);
        return label;
    }
}
