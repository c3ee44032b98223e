package com.pixfino.studio.create;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import com.pixfino.studio.core.generate.Takes;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.session.Session;
import com.pixfino.studio.ui.ScreenActions;
import com.pixfino.studio.ui.ScreenTitle;
import com.pixfino.studio.ui.Texts;
import com.pixfino.studio.ui.ToneStyles;
import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** The create screen: photo and prompt on the left, the preset browser on the right, Generate under the cost. */
public final class CreateView extends VBox implements ScreenActions {

    private static final PseudoClass SHORT = PseudoClass.getPseudoClass("short");

    private final CreateViewModel viewModel;
    private final Messages messages;

    public CreateView(CreateViewModel viewModel, Session session, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        setId("create-screen");
        getStyleClass().addAll("screen", "create-screen");

        ScreenTitle title = new ScreenTitle(
                "create", messages.get("create.title"), new SimpleStringProperty(messages.get("create.subtitle")));

        VBox left = new VBox(
                10,
                section(messages.get("create.section.photo")),
                new PhotoDropZone(viewModel, messages, this::pickPhoto),
                promptHeader(),
                prompt(),
                section(messages.get("create.section.format")),
                new FormatPicker(viewModel, messages),
                takesAndSeed(),
                saveStyle());
        left.getStyleClass().add("create-left");
        ScrollPane leftScroll = new ScrollPane(left);
        leftScroll.setFitToWidth(true);
        leftScroll.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE, "create-left-scroll");
        leftScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        // the cost, Generate and what blocks it stay in sight under the scrolling settings, whatever the window's
        // height
        VBox footer = new VBox(10, summary(), generateButton(), status());
        footer.getStyleClass().addAll("create-left", "create-footer");
        VBox leftColumn = new VBox(10, leftScroll, footer);
        VBox.setVgrow(leftScroll, Priority.ALWAYS);
        // a control reached with Tab scrolls into sight
        left.addEventFilter(KeyEvent.KEY_RELEASED, event -> {
            if (getScene() != null && getScene().getFocusOwner() != null) {
                reveal(leftScroll, left, getScene().getFocusOwner());
            }
        });

        VBox right = new VBox(
                10,
                section(messages.get("create.section.style")),
                new PresetBrowserView(viewModel.presets(), viewModel, session, messages));
        right.getStyleClass().add("create-right");
        VBox.setVgrow(right.getChildren().get(1), Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);

        HBox columns = new HBox(24, leftColumn, right);
        VBox.setVgrow(columns, Priority.ALWAYS);
        getChildren().addAll(title, columns);
    }

    /** Scrolls the settings so that {@code node}, one of their descendants, is in sight. */
    private static void reveal(ScrollPane scroll, Region content, Node node) {
        Node parent = node;
        while (parent != null && parent != content) {
            parent = parent.getParent();
        }
        if (parent == null) {
            return;
        }
        Bounds bounds = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double hidden = content.getHeight() - scroll.getViewportBounds().getHeight();
        if (hidden <= 0) {
            return;
        }
        double top = scroll.getVvalue() * hidden;
        double viewport = scroll.getViewportBounds().getHeight();
        if (bounds.getMinY() < top) {
            scroll.setVvalue(bounds.getMinY() / hidden);
        } else if (bounds.getMaxY() > top + viewport) {
            scroll.setVvalue(Math.min(1, (bounds.getMaxY() - viewport) / hidden));
        }
    }

    private final ContextMenu promptMenu = new ContextMenu();
    private Button promptButton;

    /** "Prompt (optional)" with the Prompts button beside it: examples and recent prompts (Alt+P). */
    private HBox promptHeader() {
        Label label = section(messages.get("create.section.prompt"));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        promptButton = new Button(messages.get("create.prompts.button") + " ▾");
        promptButton.setId("prompt-library");
        promptButton.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        promptButton.setTooltip(new Tooltip(messages.get("create.prompts.tip")));
        promptButton.setAccessibleText(messages.get("create.prompts.tip"));
        promptButton.setOnAction(event -> openPromptLibrary());
        promptMenu.setId("prompt-menu");
        promptMenu.getStyleClass().add("prompt-menu");
        // the menu is rebuilt whenever what it lists changes, so it fills in while it is open
        viewModel.promptExamples().addListener((ListChangeListener<String>) change -> fillPromptMenu());
        viewModel.recentPrompts().addListener((ListChangeListener<String>) change -> fillPromptMenu());
        viewModel.promptExamplesNoteProperty().addListener((obs, was, now) -> fillPromptMenu());
        HBox header = new HBox(8, label, gap, promptButton);
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    /** Opens the prompt library under its button. */
    void openPromptLibrary() {
        viewModel.loadPromptLibrary();
        fillPromptMenu();
        if (!promptMenu.isShowing() && promptButton.getScene() != null) {
            promptMenu.show(promptButton, javafx.geometry.Side.BOTTOM, 0, 0);
        }
    }

    private void fillPromptMenu() {
        promptMenu.getItems().clear();
        promptMenu
                .getItems()
                .add(header(
                        "prompt-examples-title",
                        viewModel.promptExamplesTitleProperty().get()));
        String note = viewModel.promptExamplesNoteProperty().get();
        if (!note.isEmpty()) {
            promptMenu.getItems().add(note("prompt-examples-note", note));
        } else {
            int i = 0;
            for (String text : viewModel.promptExamples()) {
                promptMenu.getItems().add(promptItem("prompt-example-" + i++, text));
            }
        }
        promptMenu.getItems().add(new SeparatorMenuItem());
        promptMenu.getItems().add(header("prompt-recent-title", messages.get("create.prompts.recent")));
        if (viewModel.recentPrompts().isEmpty()) {
            promptMenu.getItems().add(note("prompt-recent-note", messages.get("create.prompts.noRecent")));
        }
        int i = 0;
        for (String text : viewModel.recentPrompts()) {
            promptMenu.getItems().add(promptItem("prompt-recent-" + i++, text));
        }
    }

    private MenuItem promptItem(String id, String text) {
        Label label = new Label(text);
        label.setMaxWidth(420);
        label.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
        CustomMenuItem item = new CustomMenuItem(label, true);
        item.setId(id);
        item.getStyleClass().add("prompt-item");
        item.setMnemonicParsing(false);
        item.setOnAction(event -> viewModel.usePrompt(text));
        return item;
    }

    private static MenuItem header(String id, String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll("section-label", "prompt-menu-header");
        CustomMenuItem item = new CustomMenuItem(label, false);
        item.setId(id);
        item.setDisable(true);
        return item;
    }

    private static MenuItem note(String id, String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll("muted", Styles.TEXT_SMALL);
        label.setMaxWidth(420);
        label.setWrapText(true);
        CustomMenuItem item = new CustomMenuItem(label, false);
        item.setId(id);
        item.setDisable(true);
        return item;
    }

    /** "Save as my style…" and its name row: the preset, prompt, negative prompt and format under a name. */
    private VBox saveStyle() {
        Button open = new Button(messages.get("create.style.save"));
        open.setId("save-style");
        open.getStyleClass().add(Styles.BUTTON_OUTLINED);
        open.setTooltip(new Tooltip(messages.get("create.style.save.tip")));
        open.disableProperty().bind(viewModel.presets().selectedProperty().isNull());

        Label nameLabel = new Label(messages.get("create.style.name"));
        nameLabel.setMinWidth(Region.USE_PREF_SIZE);
        TextField name = new TextField();
        name.setId("style-name");
        name.setPromptText(messages.get("create.style.name.hint"));
        nameLabel.setLabelFor(name);
        HBox.setHgrow(name, Priority.ALWAYS);
        Button save = new Button(messages.get("create.style.name.confirm"));
        save.setId("style-name-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.setMinWidth(Region.USE_PREF_SIZE);
        save.disableProperty().bind(viewModel.styles().busyProperty());
        Button cancel = new Button(messages.get("create.style.cancel"));
        cancel.setId("style-name-cancel");
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(8, nameLabel, name, save, cancel);
        row.setId("style-name-panel");
        row.setAlignment(Pos.CENTER_LEFT);
        row.setVisible(false);
        row.managedProperty().bind(row.visibleProperty());

        Label message = new Label();
        message.setId("style-message");
        message.getStyleClass().add("create-status");
        Texts.wrapping(message);
        message.textProperty().bind(viewModel.styles().messageProperty());
        ToneStyles.follow(message, "tone", viewModel.styles().toneProperty());
        message.visibleProperty()
                .bind(viewModel
                        .styles()
                        .messageProperty()
                        .isNotEmpty()
                        .and(viewModel.styles().showingProperty().not()));
        message.managedProperty().bind(message.visibleProperty());

        Runnable submit = () -> viewModel.saveStyle(name.getText(), () -> {
            row.setVisible(false);
            name.clear();
        });
        open.setOnAction(event -> {
            row.setVisible(true);
            name.requestFocus();
        });
        save.setOnAction(event -> submit.run());
        name.setOnAction(event -> submit.run());
        cancel.setOnAction(event -> {
            row.setVisible(false);
            viewModel.styles().cancel();
        });
        return new VBox(6, open, row, message);
    }

    private TextArea prompt() {
        TextArea prompt = new TextArea();
        prompt.setId("prompt");
        prompt.setPromptText(messages.get("create.prompt.hint"));
        prompt.setPrefRowCount(3);
        prompt.setWrapText(true);
        prompt.textProperty().bindBidirectional(viewModel.promptProperty());
        return prompt;
    }

    /** The takes stepper, "Lock seed" and the seed with its dice, and the seed's inline error. */
    private VBox takesAndSeed() {
        Label takesLabel = new Label(messages.get("create.takes"));
        Spinner<Integer> takes = new Spinner<>(1, Takes.MAX, 1);
        takes.setId("takes");
        takes.setPrefWidth(80);
        takes.setAccessibleText(messages.get("create.takes.accessible"));
        takesLabel.setLabelFor(takes);
        takes.getValueFactory()
                .valueProperty()
                .addListener((obs, was, now) -> viewModel.takesProperty().set(now));
        viewModel
                .takesProperty()
                .addListener((obs, was, now) -> takes.getValueFactory().setValue(now.intValue()));

        CheckBox lock = new CheckBox(messages.get("create.lockSeed"));
        lock.setId("lock-seed");
        lock.setMnemonicParsing(true);
        lock.selectedProperty().bindBidirectional(viewModel.lockSeedProperty());
        TextField seed = new TextField();
        seed.setId("seed");
        seed.setPrefColumnCount(10);
        seed.setAccessibleText(messages.get("create.seed.accessible"));
        seed.textProperty().bindBidirectional(viewModel.seedTextProperty());
        seed.disableProperty().bind(lock.selectedProperty().not());
        Button dice = new Button("\u2684");
        dice.setId("seed-roll");
        dice.setAccessibleText(messages.get("create.seed.roll"));
        dice.setTooltip(new Tooltip(messages.get("create.seed.roll")));
        dice.disableProperty().bind(lock.selectedProperty().not());
        dice.setOnAction(event -> viewModel.rollSeed());

        HBox row = new HBox(8, takesLabel, takes);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("takes-row");
        HBox seedRow = new HBox(8, lock, seed, dice);
        seedRow.setAlignment(Pos.CENTER_LEFT);
        seedRow.getStyleClass().add("seed-row");
        Label error = new Label();
        error.setId("seed-error");
        error.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        Texts.wrapping(error);
        error.textProperty().bind(viewModel.seedErrorProperty());
        error.visibleProperty().bind(viewModel.seedErrorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        return new VBox(6, row, seedRow, error);
    }

    private GridPane summary() {
        Label presetValue = value(
                "summary-preset",
                Bindings.createStringBinding(
                        () -> {
                            var preset = viewModel.presets().selectedProperty().get();
                            return preset == null ? messages.get("create.summary.none") : preset.name();
                        },
                        viewModel.presets().selectedProperty()));
        Label cost = value("summary-cost", viewModel.costText());
        Label after = value("summary-balance-after", viewModel.balanceAfterText());
        // a shortfall must not look like good news
        after.pseudoClassStateChanged(SHORT, viewModel.balanceShortProperty().get());
        viewModel.balanceShortProperty().addListener((obs, was, now) -> after.pseudoClassStateChanged(SHORT, now));
        GridPane grid = new GridPane();
        grid.setId("cost-summary");
        grid.getStyleClass().add("cost-summary");
        grid.addRow(0, key(messages.get("create.summary.preset")), presetValue);
        grid.addRow(1, key(messages.get("create.summary.cost")), cost);
        grid.addRow(2, key(messages.get("create.summary.after")), after);
        return grid;
    }

    private Button generateButton() {
        Button generate = new Button();
        generate.textProperty().bind(viewModel.generateText());
        generate.setId("generate");
        generate.getStyleClass().addAll(Styles.ACCENT, Styles.LARGE, "generate-button");
        generate.setMaxWidth(Double.MAX_VALUE);
        generate.disableProperty().bind(viewModel.canGenerateProperty().not());
        generate.setOnAction(event -> viewModel.generate());
        Tooltip tip = new Tooltip();
        tip.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> viewModel.hintProperty().get().isEmpty()
                                ? messages.get("create.generate.tip")
                                : viewModel.hintProperty().get(),
                        viewModel.hintProperty()));
        generate.setTooltip(tip);
        return generate;
    }

    private VBox status() {
        Label blocker = new Label();
        blocker.setId("generate-hint");
        blocker.getStyleClass().addAll("muted", Styles.TEXT_SMALL);
        Texts.wrapping(blocker);
        blocker.textProperty()
                .bind(Bindings.when(viewModel.statusProperty().isEmpty())
                        .then(viewModel.hintProperty())
                        .otherwise(""));
        Label status = new Label();
        status.setId("create-status");
        status.getStyleClass().add("create-status");
        Texts.wrapping(status);
        status.textProperty().bind(viewModel.statusProperty());
        ToneStyles.follow(status, "tone", viewModel.toneProperty());
        VBox box = new VBox(4, blocker, status, upsell());
        box.setAlignment(Pos.TOP_LEFT);
        return box;
    }

    /** "Buy credits" when the balance is short (or the server said 402), "See plans" for a PRO style. */
    private Button upsell() {
        Button button = new Button();
        button.setId("create-upsell");
        button.getStyleClass().addAll(Styles.BUTTON_OUTLINED, Styles.ACCENT);
        button.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> viewModel.upsellProperty().get() == CreateViewModel.Upsell.PLAN
                                ? messages.get("create.seePlans")
                                : messages.get("create.buyCredits"),
                        viewModel.upsellProperty()));
        button.visibleProperty().bind(viewModel.upsellProperty().isNotEqualTo(CreateViewModel.Upsell.NONE));
        button.managedProperty().bind(button.visibleProperty());
        button.setOnAction(event -> viewModel.showPlans());
        return button;
    }

    private void pickPhoto() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("create.photo.chooserTitle"));
        chooser.getExtensionFilters()
                .addAll(
                        new FileChooser.ExtensionFilter(
                                messages.get("create.photo.filter"),
                                "*.jpg",
                                "*.jpeg",
                                "*.png",
                                "*.webp",
                                "*.JPG",
                                "*.JPEG",
                                "*.PNG",
                                "*.WEBP"),
                        new FileChooser.ExtensionFilter(messages.get("create.photo.filterAll"), "*"));
        File file =
                chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            viewModel.choosePhoto(file.toPath());
        }
    }

    @Override
    public boolean shortcut(KeyEvent event) {
        if (event.isShortcutDown() && event.getCode() == KeyCode.O) {
            pickPhoto();
            return true;
        }
        if (event.isAltDown() && event.getCode() == KeyCode.P) {
            openPromptLibrary();
            return true;
        }
        if (event.isShortcutDown() && event.getCode() == KeyCode.ENTER) {
            viewModel.generate();
            return true;
        }
        return false;
    }

    @Override
    public void refresh() {
        viewModel.presets().load();
    }

    @Override
    public void shown() {
        if (viewModel.presets().allPresets().isEmpty()) {
            viewModel.presets().load();
        }
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-label");
        return label;
    }

    private static Label key(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("summary-key");
        return label;
    }

    private static Label value(String id, javafx.beans.value.ObservableValue<String> text) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("summary-value");
        label.textProperty().bind(text);
        return label;
    }
}
