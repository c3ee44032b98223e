package com.pixfino.studio.batch;

import com.pixfino.model.api.PresetView;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.create.PresetArt;
import com.pixfino.studio.create.PresetBrowserViewModel;
import com.pixfino.studio.ui.Texts;
import java.util.Optional;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The preset catalogue (the Create screen's) as a list to tick several from: art, name, cost and category. Space or a
 * click ticks the focused preset; PRO presets the account cannot use are shown with the reason and cannot be ticked.
 */
final class PresetChecklist extends ListView<PresetView> {

    private final PresetBrowserViewModel presets;
    private final ObservableSet<String> chosen;
    private final Messages messages;

    PresetChecklist(PresetBrowserViewModel presets, ObservableSet<String> chosen, Messages messages) {
        super(presets.allPresets());
        this.presets = presets;
        this.chosen = chosen;
        this.messages = messages;
        setId("batch-presets");
        getStyleClass().add("batch-presets");
        setPlaceholder(new Label(messages.get("batch.presets.loading")));
        setCellFactory(list -> new PresetCell());
        chosen.addListener((SetChangeListener<String>) change -> refresh());
        setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.SPACE && getSelectionModel().getSelectedItem() != null) {
                toggle(getSelectionModel().getSelectedItem());
                event.consume();
            }
        });
    }

    private void toggle(PresetView preset) {
        if (chosen.contains(preset.slug())) {
            chosen.remove(preset.slug());
        } else if (presets.lockReason(preset).isEmpty()) {
            chosen.add(preset.slug());
        }
    }

    private final class PresetCell extends ListCell<PresetView> {

        private final CheckBox tick = new CheckBox();
        private final Label name = new Label();
        private final Label detail = new Label();
        private final VBox text = new VBox(2, name, detail);
        private final HBox line = new HBox(10);

        PresetCell() {
            // as wide as the list, never wider: long lock reasons wrap instead of scrolling the list sideways
            setPrefWidth(0);
            text.setMinWidth(0);
            tick.setFocusTraversable(false); // the list has the focus; Space ticks
            name.getStyleClass().add("batch-preset-name");
            detail.getStyleClass().addAll("muted", "batch-preset-detail");
            Texts.wrapping(detail);
            HBox.setHgrow(text, Priority.ALWAYS);
            line.setAlignment(Pos.CENTER_LEFT);
            tick.setOnAction(event -> {
                if (getItem() != null) {
                    toggle(getItem());
                }
                tick.setSelected(getItem() != null && chosen.contains(getItem().slug()));
            });
            setOnMouseClicked(event -> {
                if (getItem() != null
                        && event.getTarget() != tick
                        && !isInside(event.getPickResult().getIntersectedNode())) {
                    toggle(getItem());
                }
            });
        }

        private boolean isInside(javafx.scene.Node node) {
            for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
                if (n == tick) {
                    return true;
                }
            }
            return false;
        }

        @Override
        protected void updateItem(PresetView preset, boolean empty) {
            super.updateItem(preset, empty);
            if (empty || preset == null) {
                setGraphic(null);
                setId(null);
                return;
            }
            setId("batch-preset-" + preset.slug());
            Optional<String> locked = presets.lockReason(preset);
            tick.setSelected(chosen.contains(preset.slug()));
            tick.setDisable(locked.isPresent());
            name.setText(preset.name());
            String cost = messages.get("presets.credits", preset.credits());
            detail.setText(locked.orElse(
                    messages.get("batch.presets.detail", cost, preset.category().label())));
            line.getChildren()
                    .setAll(
                            tick,
                            PresetArt.thumbnail(preset, 36, presets.pictures().picture(preset)),
                            text);
            setGraphic(line);
        }
    }
}
