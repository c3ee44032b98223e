package com.pixfino.studio.create;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import com.pixfino.model.PresetCategory;
import com.pixfino.model.api.PresetView;
import com.pixfino.model.api.styles.StyleView;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.session.Session;
import com.pixfino.studio.ui.ConfirmBar;
import com.pixfino.studio.ui.Texts;
import com.pixfino.studio.ui.ToneStyles;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Search, category chips and the grid of preset tiles. Binds and forwards only. */
final class PresetBrowserView extends VBox {

    private final PresetBrowserViewModel viewModel;
    private final Messages messages;
    private final FlowPane grid = new FlowPane();
    private final Map<Long, PresetTile> tiles = new HashMap<>();

    private static final String MY_STYLES = "my-styles";
    private final CreateViewModel create; // null: no "My styles" (a browser without Create)
    private final Map<java.util.UUID, PresetTile> styleTiles = new HashMap<>();

    PresetBrowserView(PresetBrowserViewModel viewModel, Session session, Messages messages) {
        this(viewModel, null, session, messages);
    }

    /** With "My styles" as the first category: {@code create} picks, renames and deletes the user's styles. */
    PresetBrowserView(PresetBrowserViewModel viewModel, CreateViewModel create, Session session, Messages messages) {
        this.create = create;
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
        if (create != null) {
            ToggleButton mine = chip(messages.get("create.style.category"), null, group);
            mine.setId("category-my-styles");
            mine.setUserData(MY_STYLES);
            mine.setSelected(false);
            chips.getChildren().add(mine);
        }
        chips.getChildren().add(chip(messages.get("presets.all"), null, group));
        for (PresetCategory category : PresetCategory.values()) {
            chips.getChildren().add(chip(category.label(), category, group));
        }
        group.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                was.setSelected(true);
            } else if (MY_STYLES.equals(now.getUserData())) {
                create.styles().showingProperty().set(true);
                rebuild();
            } else {
                if (create != null) {
                    create.styles().showingProperty().set(false);
                }
                viewModel.categoryProperty().set((PresetCategory) now.getUserData());
                rebuild();
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

        getChildren().addAll(search, chips, status);
        if (create != null) {
            getChildren().addAll(styleRows());
            create.styles().styles().addListener((ListChangeListener<StyleView>) change -> rebuild());
            create.chosenStyleProperty().addListener((obs, was, now) -> markSelected());
            viewModel.allPresets().addListener((ListChangeListener<PresetView>) change -> rebuild());
            search.disableProperty().bind(create.styles().showingProperty());
        }
        getChildren().add(scroll);
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

    private boolean showingStyles() {
        return create != null && create.styles().showingProperty().get();
    }

    /** The styles' message, the rename row and the delete question, above the grid. */
    private List<javafx.scene.Node> styleRows() {
        MyStyles styles = create.styles();
        Label message = Texts.statusLine("style-browser-status", styles.messageProperty(), "create-status");
        ToneStyles.follow(message, "tone", styles.toneProperty());
        message.visibleProperty()
                .bind(styles.showingProperty().and(styles.messageProperty().isNotEmpty()));
        message.managedProperty().bind(message.visibleProperty());

        Label renameLabel = new Label();
        renameLabel
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> styles.renamingProperty().get() == null
                                ? ""
                                : messages.get(
                                        "create.style.rename.label",
                                        styles.renamingProperty().get().name()),
                        styles.renamingProperty()));
        renameLabel.setMinWidth(Region.USE_PREF_SIZE);
        TextField name = new TextField();
        name.setId("style-rename-name");
        name.setAccessibleText(messages.get("create.style.name"));
        HBox.setHgrow(name, Priority.ALWAYS);
        Button rename = new Button(messages.get("create.style.rename.confirm"));
        rename.setId("style-rename-confirm");
        rename.setDefaultButton(false);
        rename.setOnAction(event -> styles.rename(name.getText()));
        name.setOnAction(event -> styles.rename(name.getText()));
        Button cancel = new Button(messages.get("create.style.cancel"));
        cancel.setId("style-rename-cancel");
        cancel.setOnAction(event -> styles.cancel());
        HBox renameRow = new HBox(8, renameLabel, name, rename, cancel);
        renameRow.setId("style-rename-panel");
        renameRow.setAlignment(Pos.CENTER_LEFT);
        renameRow.visibleProperty().bind(styles.renamingProperty().isNotNull());
        renameRow.managedProperty().bind(renameRow.visibleProperty());
        styles.renamingProperty().addListener((obs, was, now) -> {
            if (now != null) {
                name.setText(now.name());
                name.selectAll();
                name.requestFocus();
            }
        });

        HBox delete = ConfirmBar.of(
                "style-delete",
                Bindings.createStringBinding(
                        () -> styles.deletingProperty().get() == null
                                ? ""
                                : messages.get(
                                        "create.style.delete.question",
                                        styles.deletingProperty().get().name()),
                        styles.deletingProperty()),
                messages.get("create.style.delete.confirm"),
                styles::confirmDelete,
                messages.get("create.style.cancel"),
                styles::cancel);
        return List.of(message, renameRow, delete);
    }

    private void rebuildStyles() {
        MyStyles styles = create.styles();
        if (styles.styles().isEmpty()) {
            Label hint = new Label(messages.get("create.style.empty"));
            hint.setId("my-styles-empty");
            hint.getStyleClass().add("muted");
            Texts.wrapping(hint);
            grid.getChildren().add(hint);
            return;
        }
        for (StyleView style : styles.styles()) {
            PresetView base = viewModel.allPresets().stream()
                    .filter(p -> p.id() == style.basePresetId())
                    .findFirst()
                    .orElse(null);
            MenuItem rename = new MenuItem(messages.get("create.style.rename"));
            rename.setId("style-menu-rename");
            rename.setOnAction(event -> styles.askRename(style));
            MenuItem delete = new MenuItem(messages.get("create.style.delete"));
            delete.setId("style-menu-delete");
            delete.setOnAction(event -> styles.askDelete(style));
            ContextMenu menu = new ContextMenu(rename, delete);
            PresetTile tile = new PresetTile(
                    style,
                    base,
                    base == null ? null : viewModel.pictures().picture(base),
                    messages,
                    () -> create.chooseStyle(style),
                    menu);
            styleTiles.put(style.id(), tile);
            grid.getChildren().add(tile);
        }
    }

    private void rebuild() {
        tiles.clear();
        styleTiles.clear();
        grid.getChildren().clear();
        if (showingStyles()) {
            rebuildStyles();
            markSelected();
            return;
        }
        for (PresetView preset : viewModel.visiblePresets()) {
            PresetTile tile = new PresetTile(
                    preset,
                    viewModel.lockReason(preset),
                    viewModel.pictures().picture(preset),
                    messages,
                    () -> viewModel.select(preset));
            tiles.put(preset.id(), tile);
            grid.getChildren().add(tile);
        }
        markSelected();
    }

    private void markSelected() {
        PresetView selected = viewModel.selectedProperty().get();
        tiles.forEach((id, tile) -> tile.setSelected(selected != null && selected.id() == id));
        if (create != null) {
            StyleView chosen = create.chosenStyleProperty().get();
            styleTiles.forEach(
                    (id, tile) -> tile.setSelected(chosen != null && chosen.id().equals(id)));
        }
    }
}
