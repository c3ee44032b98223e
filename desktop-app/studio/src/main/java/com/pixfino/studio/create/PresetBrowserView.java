package com.pixfino.studio.create;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import com.pixfino.model.PresetCategory;
import com.pixfino.model.api.PresetView;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.session.Session;
import com.pixfino.studio.ui.Texts;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Search, category chips and the grid of preset tiles. Binds and forwards only. */
final class PresetBrowserView extends VBox {

    private final PresetBrowserViewModel viewModel;
    private final Messages messages;
    private final FlowPane grid = new FlowPane();
    private final Map<Long, PresetTile> tiles = new HashMap<>();

    PresetBrowserView(PresetBrowserViewModel viewModel, Session session, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        setId("preset-browser");
        getStyleClass().add("preset-browser");

        TextField search = new TextField();
        search.setId("preset-search");
        search.setPromptText(messages.get("presets.search"));
        search.textProperty().bindBidirectional(viewModel.searchProperty());
        search.getStyleClass().add("preset-search");
        HBox.setHgrow(search, Priority.ALWAYS);

        FlowPane chips = new FlowPane(6, 6);
        chips.setId("preset-categories");
        chips.getStyleClass().add("category-chips");
        ToggleGroup group = new ToggleGroup();
        chips.getChildren().add(chip(messages.get("presets.all"), null, group));
        for (PresetCategory category : PresetCategory.values()) {
            chips.getChildren().add(chip(category.label(), category, group));
        }
        group.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                was.setSelected(true);
            } else {
                viewModel.categoryProperty().set((PresetCategory) now.getUserData());
            }
        });
        viewModel
                .categoryProperty()
                .addListener((obs, was, now) -> group.getToggles().stream()
                        .filter(toggle -> toggle.getUserData() == now)
                        .findFirst()
                        .ifPresent(group::selectToggle));

        Label status = Texts.statusLine("preset-status", viewModel.statusProperty(), "muted");

        grid.setId("preset-grid");
        grid.getStyleClass().add("preset-grid");
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().addAll("preset-scroll", Tweaks.EDGE_TO_EDGE);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        getChildren().addAll(search, chips, status, scroll);
        viewModel.visiblePresets().addListener((ListChangeListener<PresetView>) change -> rebuild());
        viewModel.selectedProperty().addListener((obs, was, now) -> markSelected());
        session.userProperty().addListener((obs, was, now) -> rebuild()); // the tier decides the locks
        rebuild();
    }

    private ToggleButton chip(String text, PresetCategory category, ToggleGroup group) {
        ToggleButton chip = new ToggleButton(text);
        chip.setId("category-" + (category == null ? "all" : category.name().toLowerCase(Locale.ROOT)));
        chip.getStyleClass().addAll(Styles.SMALL, "category-chip");
        chip.setUserData(category);
        chip.setToggleGroup(group);
        chip.setSelected(category == viewModel.categoryProperty().get());
        return chip;
    }

    private void rebuild() {
        tiles.clear();
        grid.getChildren().clear();
        for (PresetView preset : viewModel.visiblePresets()) {
            PresetTile tile =
                    new PresetTile(preset, viewModel.lockReason(preset), messages, () -> viewModel.select(preset));
            tiles.put(preset.id(), tile);
            grid.getChildren().add(tile);
        }
        markSelected();
    }

    private void markSelected() {
        PresetView selected = viewModel.selectedProperty().get();
        tiles.forEach((id, tile) -> tile.setSelected(selected != null && selected.id() == id));
    }
}
