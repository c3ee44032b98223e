package com.pixfino.studio.admin.presets;

import atlantafx.base.theme.Styles;
import com.pixfino.model.MediaKind;
import com.pixfino.model.api.PresetView;
import com.pixfino.model.api.admin.AdminPresetView;
import com.pixfino.studio.admin.presets.PresetsViewModel.StatusFilter;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.create.PresetArt;
import com.pixfino.studio.ui.ConfirmBar;
import com.pixfino.studio.ui.ScreenActions;
import com.pixfino.studio.ui.ScreenTitle;
import com.pixfino.studio.ui.TableColumns;
import com.pixfino.studio.ui.Texts;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The admin's presets: the table with margins (red below zero), search and status filter, and the editor beside it.
 * Enter or a double click edits the selected row, Ctrl+N starts a new preset, Ctrl+S saves, Escape cancels.
 */
public final class PresetsView extends VBox implements ScreenActions.RefreshedWhenShown {

    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination NEW = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);

    private final PresetsViewModel viewModel;
    private final Messages messages;
    private final TableView<AdminPresetView> table;

    public PresetsView(PresetsViewModel viewModel, Messages messages) {
        super(10);
        this.viewModel = viewModel;
        this.messages = messages;
        setId("admin-presets-screen");
        getStyleClass().addAll("screen", "admin-screen");

        Button create = new Button(messages.get("admin.presets.new"));
        create.setId("admin-presets-new");
        create.getStyleClass().add(Styles.ACCENT);
        create.setMinWidth(Region.USE_PREF_SIZE);
        create.setOnAction(event -> viewModel.openNew());
        Button refresh = new Button(messages.get("admin.presets.refresh"));
        refresh.setId("admin-presets-refresh");
        refresh.setMinWidth(Region.USE_PREF_SIZE);
        refresh.setOnAction(event -> refresh());
        ScreenTitle title = new ScreenTitle(
                "admin-presets",
                messages.get("admin.presets.title"),
                Bindings.createStringBinding(
                        () -> viewModel.summaryProperty().get().isEmpty()
                                ? messages.get("admin.presets.subtitle")
                                : viewModel.summaryProperty().get(),
                        viewModel.summaryProperty()),
                refresh,
                create);

        Label status = Texts.statusLine("admin-presets-status", viewModel.status());

        table = table();
        PresetEditorView editor = new PresetEditorView(viewModel.editor(), messages);
        HBox.setHgrow(table, Priority.ALWAYS);
        HBox body = new HBox(14, table, editor);
        VBox.setVgrow(body, Priority.ALWAYS);
        // back to the table when the editor closes, so the keyboard carries on where it was
        viewModel.editor().openProperty().addListener((obs, was, open) -> {
            if (!open) {
                table.requestFocus();
            }
        });

        getChildren().addAll(title, toolbar(), status, confirmBar(), body);
    }

    private HBox toolbar() {
        TextField search = new TextField();
        search.setId("admin-presets-search");
        search.setPromptText(messages.get("admin.presets.searchPrompt"));
        search.textProperty().bindBidirectional(viewModel.searchProperty());
        search.setPrefColumnCount(24);
        ComboBox<StatusFilter> filter = new ComboBox<>();
        filter.setId("admin-presets-filter");
        filter.getItems().setAll(StatusFilter.values());
        filter.valueProperty().bindBidirectional(viewModel.filterProperty());
        filter.setConverter(
                named(f -> messages.get("admin.presets.filter." + f.name().toLowerCase(Locale.ROOT))));
        Label filterLabel = new Label(messages.get("admin.presets.filter"));
        filterLabel.setLabelFor(filter);
        HBox row = new HBox(10, search, filterLabel, filter);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private HBox confirmBar() {
        return ConfirmBar.of(
                "admin-preset-toggle",
                Bindings.createStringBinding(
                        () -> viewModel.toggleQuestion(
                                viewModel.pendingToggleProperty().get()),
                        viewModel.pendingToggleProperty()),
                messages.get("admin.presets.toggleYes"),
                viewModel::confirmToggle,
                messages.get("admin.presets.toggleNo"),
                viewModel::cancelToggle);
    }

    private TableView<AdminPresetView> table() {
        TableView<AdminPresetView> view = new TableView<>(viewModel.shownPresets());
        view.setId("admin-presets-table");
        view.getStyleClass().add(Styles.STRIPED);
        view.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        view.setPlaceholder(new Label(messages.get("admin.presets.none")));
        view.setMinWidth(420);

        TableColumn<AdminPresetView, AdminPresetView> art = new TableColumn<>("");
        art.setSortable(false);
        art.setMinWidth(40);
        art.setMaxWidth(40);
        art.setCellValueFactory(cell -> new SimpleObjectProperty<>(cell.getValue()));
        art.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(AdminPresetView preset, boolean empty) {
                super.updateItem(preset, empty);
                setGraphic(empty || preset == null ? null : PresetArt.thumbnail(asPreset(preset), 28));
            }
        });
        view.getColumns().add(art);
        TableColumn<AdminPresetView, String> name =
                TableColumns.text(messages.get("admin.presets.column.name"), AdminPresetView::name, 135);
        view.getColumns().add(name);
        view.getColumns()
                .add(TableColumns.text(
                        messages.get("admin.presets.column.category"),
                        p -> p.category().label(),
                        95));
        TableColumn<AdminPresetView, String> model =
                TableColumns.text(messages.get("admin.presets.column.model"), AdminPresetView::model, 105);
        view.getColumns().add(model);
        view.getColumns().add(numeric(messages.get("admin.presets.column.duration"), viewModel::duration, 44));
        TableColumn<AdminPresetView, String> credits =
                numeric(messages.get("admin.presets.column.credits"), p -> Integer.toString(p.credits()), 58);
        view.getColumns().add(credits);
        TableColumn<AdminPresetView, String> cost =
                numeric(messages.get("admin.presets.column.apiCost"), p -> PresetsViewModel.money(p.apiCostUsd()), 64);
        view.getColumns().add(cost);
        TableColumn<AdminPresetView, String> margin =
                numeric(messages.get("admin.presets.column.margin"), viewModel::margin, 112);
        margin.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                AdminPresetView row =
                        empty || getTableRow() == null ? null : getTableRow().getItem();
                getStyleClass().remove("margin-negative");
                if (row != null && PresetsViewModel.negativeMargin(row)) {
                    getStyleClass().add("margin-negative");
                }
            }
        });
        margin.getStyleClass().add("numeric-column");
        view.getColumns().add(margin);
        TableColumn<AdminPresetView, String> flags =
                TableColumns.text(messages.get("admin.presets.column.flags"), viewModel::flags, 72);
        flags.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(null);
                if (empty || text == null || text.isEmpty()) {
                    setGraphic(null);
                    return;
                }
                HBox chips = new HBox(4);
                chips.setAlignment(Pos.CENTER_LEFT);
                for (String flag : text.split(" ")) {
                    Label chip = new Label(flag);
                    chip.getStyleClass().add("flag-chip");
                    chips.getChildren().add(chip);
                }
                setGraphic(chips);
            }
        });
        view.getColumns().add(flags);
        view.getColumns().add(numeric(messages.get("admin.presets.column.uses"), p -> Integer.toString(p.uses()), 46));
        TableColumn<AdminPresetView, String> state =
                TableColumns.text(messages.get("admin.presets.column.status"), viewModel::status, 62);
        view.getColumns().add(state);
        view.getColumns().add(actions());
        // a name or model cut short shows whole on hover
        name.setCellFactory(column -> withTooltip());
        model.setCellFactory(column -> withTooltip());
        // what each column needs for its whole text: together they fit a 1280-pixel window; a narrower one scrolls
        double[] widths = {40, 134, 100, 96, 52, 70, 74, 128, 56, 54, 66, 150};
        for (int i = 0; i < widths.length; i++) {
            TableColumn<AdminPresetView, ?> column = view.getColumns().get(i);
            column.setMinWidth(Math.min(column.getMinWidth(), widths[i]));
            column.setPrefWidth(widths[i]);
        }
        // beside the open editor the table keeps what editing is about: the name, the price and the margin
        for (TableColumn<AdminPresetView, ?> column : view.getColumns()) {
            if (!List.of(art, name, credits, cost, margin).contains(column)) {
                column.visibleProperty().bind(viewModel.editor().openProperty().not());
            }
        }

        view.setRowFactory(tv -> {
            TableRow<AdminPresetView> row = new TableRow<>() {
                @Override
                protected void updateItem(AdminPresetView preset, boolean empty) {
                    super.updateItem(preset, empty);
                    pseudoClassStateChanged(
                            javafx.css.PseudoClass.getPseudoClass("inactive"),
                            !empty && preset != null && !preset.active());
                }
            };
            row.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.edit(row.getItem());
                }
            });
            return row;
        });
        view.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER && view.getSelectionModel().getSelectedItem() != null) {
                viewModel.edit(view.getSelectionModel().getSelectedItem());
                event.consume();
            }
        });
        return view;
    }

    private static TableCell<AdminPresetView, String> withTooltip() {
        return new TableCell<>() {
            private final Tooltip tooltip = new Tooltip();

            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                tooltip.setText(text);
                setTooltip(empty || text == null ? null : tooltip);
            }
        };
    }

    private TableColumn<AdminPresetView, AdminPresetView> actions() {
        TableColumn<AdminPresetView, AdminPresetView> actions = new TableColumn<>("");
        actions.setSortable(false);
        actions.setMinWidth(150);
        actions.setCellValueFactory(cell -> new SimpleObjectProperty<>(cell.getValue()));
        actions.setCellFactory(column -> new TableCell<>() {
            private final Button edit = new Button(messages.get("admin.presets.edit"));
            private final Button toggle = new Button();
            private final HBox buttons = new HBox(6, edit, toggle);

            {
                edit.getStyleClass().addAll(Styles.SMALL, "admin-preset-edit");
                toggle.getStyleClass().addAll(Styles.SMALL, Styles.BUTTON_OUTLINED, "admin-preset-toggle");
                edit.setOnAction(event -> viewModel.edit(getItem()));
                toggle.setOnAction(event -> viewModel.askToggle(getItem()));
            }

            @Override
            protected void updateItem(AdminPresetView preset, boolean empty) {
                super.updateItem(preset, empty);
                if (empty || preset == null) {
                    setGraphic(null);
                    return;
                }
                edit.setId("admin-preset-edit-" + preset.slug());
                toggle.setId("admin-preset-toggle-" + preset.slug());
                toggle.setText(messages.get(preset.active() ? "admin.presets.deactivate" : "admin.presets.activate"));
                toggle.getStyleClass().remove(Styles.DANGER);
                if (preset.active()) {
                    toggle.getStyleClass().add(Styles.DANGER);
                }
                setGraphic(buttons);
            }
        });
        return actions;
    }

    private static TableColumn<AdminPresetView, String> numeric(
            String title, Function<AdminPresetView, String> text, double minWidth) {
        TableColumn<AdminPresetView, String> column = TableColumns.text(title, text, minWidth);
        column.getStyleClass().add("numeric-column");
        return column;
    }

    /** The browser's art for a preset: the same gradient and initials as the Create screen shows. */
    static PresetView asPreset(AdminPresetView p) {
        return new PresetView(
                p.id(),
                p.slug(),
                p.name(),
                p.category(),
                p.kind() == null ? MediaKind.IMAGE : p.kind(),
                p.provider(),
                p.model(),
                p.durationSeconds(),
                p.credits(),
                null,
                null,
                p.featured(),
                p.pro(),
                p.promptTemplate(),
                p.negativePrompt(),
                p.thumbnailUrl(),
                p.uses(),
                p.aspectRatios() == null ? List.of() : p.aspectRatios(),
                p.defaultAspectRatio(),
                p.version());
    }

    static <T> StringConverter<T> named(Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : name.apply(value);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }

    @Override
    public boolean shortcut(KeyEvent event) {
        PresetEditorViewModel editor = viewModel.editor();
        if (SAVE.match(event) && editor.isOpen()) {
            editor.save();
            return true;
        }
        if (event.getCode() == KeyCode.ESCAPE) {
            if (editor.isOpen()) {
                editor.cancel();
                return true;
            }
            if (viewModel.pendingToggleProperty().get() != null) {
                viewModel.cancelToggle();
                return true;
            }
        }
        if (NEW.match(event)) {
            viewModel.openNew();
            return true;
        }
        return false;
    }

    @Override
    public void refresh() {
        viewModel.refresh();
    }
}
