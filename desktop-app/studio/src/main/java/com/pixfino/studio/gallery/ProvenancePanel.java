package com.pixfino.studio.gallery;

import com.pixfino.studio.core.gallery.GalleryItem;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.ui.Texts;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** How a result was made (style and version, provider, model, credits, queued and run time) and "Use again". */
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
    private final Button useAgain;
    private GalleryItem item;

    /** {@code useAgain}: fills Create with this result's style and prompt; null hides the button. */
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
        this.useAgain = new Button(messages.get("viewer.useAgain"));
        this.useAgain.setId("viewer-use-again");
        getChildren().addAll(heading, facts, this.useAgain);
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
        Duration took = made.runTime();
        runTime.setText(
                took == null
                        ? messages.get("viewer.unknown")
                        : messages.get("viewer.runTime", took.toMinutes(), took.toSecondsPart()));
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
