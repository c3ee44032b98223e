package com.pixfino.studio.admin.moderation;

import atlantafx.base.theme.Styles;
import com.pixfino.model.api.admin.ModerationFlagView;
import com.pixfino.studio.admin.moderation.ModerationViewModel.Queue;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.ui.ConfirmBar;
import com.pixfino.studio.ui.ScreenActions;
import com.pixfino.studio.ui.ScreenTitle;
import com.pixfino.studio.ui.TableColumns;
import com.pixfino.studio.ui.Texts;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The moderation queue (open or resolved flags, a page at a time, resolved with a note) and the banned-word list, one
 * tab each. Binds and forwards only.
 */
public final class ModerationView extends VBox implements ScreenActions {

    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);

    private final ModerationViewModel viewModel;
    private final BannedWordsViewModel words;
    private final Messages messages;
    private final TabPane tabs = new TabPane();
    private final Tab wordsTab;

    public ModerationView(ModerationViewModel viewModel, BannedWordsViewModel words, Messages messages) {
        super(10);
        this.viewModel = viewModel;
        this.words = words;
        this.messages = messages;
        setId("admin-moderation-screen");
        getStyleClass().addAll("screen", "admin-screen");

        Button refresh = new Button(messages.get("admin.moderation.refresh"));
        refresh.setId("admin-moderation-refresh");
        refresh.setMinWidth(Region.USE_PREF_SIZE);
        refresh.setOnAction(event -> refresh());
        ScreenTitle title = new ScreenTitle(
                "admin-moderation",
                messages.get("admin.moderation.title"),
                Bindings.createStringBinding(() -> messages.get("admin.moderation.subtitle")),
                refresh);

        Tab flagsTab = new Tab(messages.get("admin.moderation.tab.flags"), flagsPane());
        flagsTab.setId("moderation-tab-flags");
        wordsTab = new Tab(messages.get("admin.moderation.tab.words"), new BannedWordsPane(words, messages));
        wordsTab.setId("moderation-tab-words");
        tabs.getTabs().addAll(flagsTab, wordsTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("moderation-tabs");
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now == wordsTab) {
                words.load();
            }
        });
        VBox.setVgrow(tabs, Priority.ALWAYS);
        getChildren().addAll(title, tabs);
    }

    private VBox flagsPane() {
        ToggleGroup group = new ToggleGroup();
        ToggleButton open = new ToggleButton(messages.get("admin.moderation.queue.open"));
        open.setId("moderation-open");
        open.getStyleClass().add(Styles.LEFT_PILL);
        ToggleButton resolved = new ToggleButton(messages.get("admin.moderation.queue.resolved"));
        resolved.setId("moderation-resolved");
        resolved.getStyleClass().add(Styles.RIGHT_PILL);
        open.setToggleGroup(group);
        resolved.setToggleGroup(group);
        open.setSelected(viewModel.queueProperty().get() == Queue.OPEN);
        resolved.setSelected(viewModel.queueProperty().get() == Queue.RESOLVED);
        group.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one of the two is always chosen
            } else {
                viewModel.queueProperty().set(now == open ? Queue.OPEN : Queue.RESOLVED);
            }
        });
        Label status = Texts.statusLine("moderation-status", viewModel.status());
        HBox top = new HBox(0, open, resolved);
        top.setAlignment(Pos.CENTER_LEFT);

        TableView<ModerationFlagView> table = table();
        Label empty = Texts.statusLine("moderation-empty", viewModel.emptyNoticeProperty(), "card-detail");
        Button more = new Button(messages.get("admin.moderation.more"));
        more.setId("moderation-more");
        more.visibleProperty().bind(viewModel.moreProperty());
        more.managedProperty().bind(more.visibleProperty());
        more.disableProperty().bind(viewModel.status().busyProperty());
        more.setOnAction(event -> viewModel.loadMore());

        HBox confirm = ConfirmBar.of(
                "moderation-confirm",
                Bindings.createStringBinding(
                        viewModel::question, viewModel.pendingProperty(), viewModel.selectedProperty()),
                messages.get("admin.moderation.confirmYes"),
                viewModel::confirm,
                messages.get("admin.moderation.confirmNo"),
                viewModel::cancelConfirm);

        VBox pane = new VBox(10, top, status, empty, table, more, actions(), confirm);
        pane.getStyleClass().add("moderation-pane");
        VBox.setVgrow(table, Priority.ALWAYS);
        return pane;
    }

    private TableView<ModerationFlagView> table() {
        TableView<ModerationFlagView> table = new TableView<>(viewModel.flags());
        table.setId("moderation-flags-table");
        table.getStyleClass().add(Styles.STRIPED);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(new Label(""));
        table.getColumns()
                .add(TableColumns.text(
                        messages.get("admin.moderation.column.when"), f -> viewModel.when(f.createdAt()), 170));
        table.getColumns()
                .add(TableColumns.text(messages.get("admin.moderation.column.source"), viewModel::source, 110));
        table.getColumns().add(TableColumns.text(messages.get("admin.moderation.column.user"), viewModel::user, 215));
        TableColumn<ModerationFlagView, String> text =
                TableColumns.text(messages.get("admin.moderation.column.text"), viewModel::text, 200);
        text.setCellFactory(column -> new TableCell<>() {
            private final Label label = Texts.wrapping(new Label());

            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                label.setText(value);
                label.maxWidthProperty().bind(column.widthProperty().subtract(12));
                setGraphic(empty ? null : label);
            }
        });
        table.getColumns().add(text);
        TableColumn<ModerationFlagView, ModerationFlagView> matched =
                new TableColumn<>(messages.get("admin.moderation.column.matched"));
        matched.setMinWidth(125);
        matched.setSortable(false);
        matched.setCellValueFactory(cell -> new SimpleObjectProperty<>(cell.getValue()));
        matched.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(ModerationFlagView flag, boolean empty) {
                super.updateItem(flag, empty);
                if (empty || flag == null || flag.matched().isEmpty()) {
                    setGraphic(null);
                    return;
                }
                HBox chips = new HBox(4);
                chips.setAlignment(Pos.CENTER_LEFT);
                for (String word : flag.matched()) {
                    Label chip = new Label(word);
                    chip.getStyleClass().addAll("flag-chip", "word-chip");
                    chips.getChildren().add(chip);
                }
                setGraphic(chips);
            }
        });
        table.getColumns().add(matched);
        table.getColumns()
                .add(TableColumns.text(messages.get("admin.moderation.column.outcome"), viewModel::outcome, 110));
        table.getSelectionModel()
                .selectedItemProperty()
                .addListener((obs, was, now) -> viewModel.selectedProperty().set(now));
        viewModel.selectedProperty().addListener((obs, was, now) -> {
            if (now == null) {
                table.getSelectionModel().clearSelection();
            }
        });
        return table;
    }

    private HBox actions() {
        Label noteLabel = new Label(messages.get("admin.moderation.note"));
        noteLabel.setMinWidth(Region.USE_PREF_SIZE);
        TextField note = new TextField();
        note.setId("moderation-note");
        note.setPromptText(messages.get("admin.moderation.notePrompt"));
        note.textProperty().bindBidirectional(viewModel.noteProperty());
        noteLabel.setLabelFor(note);
        HBox.setHgrow(note, Priority.ALWAYS);
        HBox row = new HBox(10, noteLabel, note);
        for (FlagAction action : FlagAction.values()) {
            Button button = new Button(messages.get("admin.moderation.action." + action.key()));
            button.setId("moderation-" + action.key());
            button.setMinWidth(Region.USE_PREF_SIZE);
            button.getStyleClass().add(action.destructive() ? Styles.DANGER : Styles.ACCENT);
            if (action.destructive()) {
                button.getStyleClass().add(Styles.BUTTON_OUTLINED);
            }
            button.disableProperty()
                    .bind(Bindings.createBooleanBinding(
                            () -> viewModel.status().isBusy()
                                    || !viewModel.available(
                                            viewModel.selectedProperty().get(), action),
                            viewModel.selectedProperty(),
                            viewModel.status().busyProperty()));
            button.setOnAction(event -> viewModel.act(action));
            row.getChildren().add(button);
        }
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("moderation-actions");
        row.disableProperty().bind(viewModel.selectedProperty().isNull());
        return row;
    }

    @Override
    public boolean shortcut(KeyEvent event) {
        if (tabs.getSelectionModel().getSelectedItem() == wordsTab && SAVE.match(event)) {
            words.save();
            return true;
        }
        if (event.getCode() == KeyCode.ESCAPE && viewModel.pendingProperty().get() != null) {
            viewModel.cancelConfirm();
            return true;
        }
        return false;
    }

    @Override
    public void refresh() {
        if (tabs.getSelectionModel().getSelectedItem() == wordsTab) {
            words.load();
        } else {
            viewModel.refresh();
        }
    }

    @Override
    public void shown() {
        viewModel.refresh();
    }
}
