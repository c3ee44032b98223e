package com.pixfino.studio.batch;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import com.pixfino.studio.core.batch.BatchEstimate;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.ui.BusyRow;
import com.pixfino.studio.ui.Texts;
import java.io.File;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

/** The set-up of a batch: folders and options on the left with the estimate and Start, the presets on the right. */
final class SetupPane extends HBox {

    private static final javafx.css.PseudoClass FIGURES = javafx.css.PseudoClass.getPseudoClass("figures");
    private static final javafx.css.PseudoClass PROBLEM = javafx.css.PseudoClass.getPseudoClass("problem");

    private final BatchViewModel viewModel;
    private final Messages messages;
    private final BatchTexts texts;

    SetupPane(BatchViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.texts = new BatchTexts(messages);
        setId("batch-setup");
        getStyleClass().add("batch-setup");
        setSpacing(24);
        BatchSetup setup = viewModel.setup();

        TextField input = field("batch-input", setup.inputProperty(), messages.get("batch.input.prompt"));
        TextField output = field("batch-output", setup.outputProperty(), messages.get("batch.output.prompt"));
        CheckBox recursive = check("batch-recursive", messages.get("batch.recursive"), setup);
        recursive.selectedProperty().bindBidirectional(setup.recursiveProperty());
        TextField template = field("batch-template", setup.nameTemplateProperty(), "");
        Label templateHint = hint(messages.get("batch.template.hint"));
        CheckBox overwrite = check("batch-overwrite", messages.get("batch.overwrite"), setup);
        overwrite.selectedProperty().bindBidirectional(setup.overwriteProperty());
        CheckBox watch = check("batch-watch", messages.get("batch.watch"), setup);
        watch.selectedProperty().bindBidirectional(setup.watchProperty());
        TextField cap = field("batch-cap", setup.creditCapProperty(), messages.get("batch.cap.prompt"));
        cap.setPrefColumnCount(8);
        cap.setMaxWidth(140);
        HBox capRow = new HBox(10, cap, hint(messages.get("batch.cap.hint")));
        capRow.setAlignment(Pos.CENTER_LEFT);

        VBox left = new VBox(
                8,
                section(messages.get("batch.section.photos")),
                withChooser(input, "batch-choose-input", "batch.chooseInput", setup.inputProperty()),
                recursive,
                section(messages.get("batch.section.results")),
                withChooser(output, "batch-choose-output", "batch.chooseOutput", setup.outputProperty()),
                new Label(messages.get("batch.template")),
                template,
                templateHint,
                section(messages.get("batch.section.options")),
                overwrite,
                watch,
                new Label(messages.get("batch.cap")),
                capRow,
                estimateCard());
        left.getStyleClass().add("batch-form");
        ScrollPane leftScroll = new ScrollPane(left);
        leftScroll.setFitToWidth(true);
        leftScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        leftScroll.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE, "batch-form-scroll");
        VBox.setVgrow(leftScroll, Priority.ALWAYS);
        // Start, why not, and "Buy credits" stay in sight however far the form is scrolled
        VBox leftColumn = new VBox(10, leftScroll, startRow());
        leftColumn.setMinWidth(420);
        leftColumn.setPrefWidth(560);
        HBox.setHgrow(leftColumn, Priority.ALWAYS);

        Label presetCount = new Label();
        presetCount.setId("batch-presets-count");
        presetCount.getStyleClass().add("muted");
        presetCount
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> messages.get(
                                "batch.presets.count", setup.presets().size()),
                        setup.presets()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox presetHead = new HBox(8, section(messages.get("batch.section.presets")), gap, presetCount);
        presetHead.setAlignment(Pos.CENTER_LEFT);
        PresetChecklist checklist = new PresetChecklist(viewModel.presets(), setup.presets(), messages);
        VBox.setVgrow(checklist, Priority.ALWAYS);
        VBox right = new VBox(8, presetHead, checklist);
        right.getStyleClass().add("batch-presets-column");
        right.setMinWidth(300);
        right.setPrefWidth(380);
        right.setMaxWidth(460);
        getChildren().addAll(leftColumn, right);
    }

    private VBox estimateCard() {
        Label title = section(messages.get("batch.estimate.title"));
        HBox head = BusyRow.of(title, viewModel.estimatingProperty());

        Label items =
                line("batch-estimate-items", figures -> texts.items(figures), messages.get("batch.estimate.none"));
        // bold for the figures; the "shows here once…" hint stays plain
        items.getStyleClass().add("batch-estimate-headline");
        items.pseudoClassStateChanged(FIGURES, viewModel.estimateProperty().get() != null);
        viewModel
                .estimateProperty()
                .addListener((obs, was, now) -> items.pseudoClassStateChanged(FIGURES, now != null));
        Label cost = line("batch-estimate-cost", texts::cost, "");
        Label done = line("batch-estimate-done", texts::done, "");

        ListView<String> skippedList = new ListView<>();
        skippedList.setId("batch-skipped-list");
        skippedList.setPrefHeight(120);
        TitledPane skipped = new TitledPane("", skippedList);
        skipped.setId("batch-skipped");
        skipped.setExpanded(false);
        skipped.setAnimated(false);
        skipped.getStyleClass().add(Styles.DENSE);
        java.util.function.Consumer<BatchEstimate> showSkipped = now -> {
            skipped.setText(now == null ? "" : texts.skippedTitle(now));
            skippedList.setItems(
                    FXCollections.observableArrayList(now == null ? java.util.List.of() : texts.skippedLines(now)));
            boolean any = now != null && !now.skipped().isEmpty();
            skipped.setVisible(any);
            skipped.setManaged(any);
        };
        // the estimate may be there before the view (a resume offer found at sign-in)
        showSkipped.accept(viewModel.estimateProperty().get());
        viewModel.estimateProperty().addListener((obs, was, now) -> showSkipped.accept(now));

        VBox card = new VBox(6, head, items, cost, done, skipped);
        card.setId("batch-estimate");
        card.getStyleClass().add("batch-estimate");
        return card;
    }

    private VBox startRow() {
        Button start = new Button(messages.get("batch.start"));
        start.setId("batch-start");
        start.setMnemonicParsing(true);
        start.getStyleClass().addAll(Styles.ACCENT, Styles.LARGE);
        start.setMaxWidth(Double.MAX_VALUE);
        start.disableProperty().bind(viewModel.canStartProperty().not());
        start.setOnAction(event -> viewModel.start());
        start.setTooltip(new Tooltip(messages.get("batch.start.tip")));

        Label hint = new Label();
        hint.setId("batch-start-hint");
        hint.getStyleClass().addAll("muted", Styles.TEXT_SMALL);
        Texts.wrapping(hint);
        hint.textProperty().bind(viewModel.blockerProperty());
        hint.visibleProperty().bind(hint.textProperty().isNotEmpty());
        hint.pseudoClassStateChanged(
                PROBLEM, viewModel.blockedByProblemProperty().get());
        viewModel.blockedByProblemProperty().addListener((obs, was, now) -> hint.pseudoClassStateChanged(PROBLEM, now));
        hint.managedProperty().bind(hint.visibleProperty());

        Button buy = new Button(messages.get("batch.buyCredits"));
        buy.setId("batch-buy-credits");
        buy.getStyleClass().addAll(Styles.BUTTON_OUTLINED, Styles.ACCENT);
        buy.visibleProperty().bind(viewModel.balanceShortProperty());
        buy.managedProperty().bind(buy.visibleProperty());
        buy.setOnAction(event -> viewModel.showPlans());
        buy.setMinWidth(Region.USE_PREF_SIZE);
        hint.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(hint, Priority.ALWAYS);
        HBox why = new HBox(10, hint, buy);
        why.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, start, why);
    }

    private Label line(String id, java.util.function.Function<BatchEstimate, String> text, String none) {
        Label label = Texts.wrapping(new Label());
        label.setId(id);
        label.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> viewModel.estimateProperty().get() == null
                                ? none
                                : text.apply(viewModel.estimateProperty().get()),
                        viewModel.estimateProperty()));
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    private HBox withChooser(TextField field, String id, String titleKey, StringProperty target) {
        Button choose = new Button(messages.get("batch.choose"));
        choose.setId(id);
        choose.setMinWidth(Region.USE_PREF_SIZE);
        choose.setOnAction(event -> chooseFolder(titleKey, target));
        HBox.setHgrow(field, Priority.ALWAYS);
        HBox row = new HBox(8, field, choose);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** The system's folder chooser, starting where the field points when it can. */
    void chooseFolder(String titleKey, StringProperty target) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(messages.get(titleKey));
        String current = target.get();
        if (current != null && !current.isBlank()) {
            File start = Path.of(current.strip()).toFile();
            File parent = start.getParentFile();
            if (parent != null) {
                chooser.setInitialDirectory(parent);
            }
        }
        File folder;
        try {
            folder = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
        } catch (IllegalArgumentException e) {
            chooser.setInitialDirectory(null); // the remembered folder is gone
            folder = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
        }
        if (folder != null) {
            target.set(folder.getAbsolutePath());
        }
    }

    private static TextField field(String id, StringProperty value, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static CheckBox check(String id, String text, BatchSetup setup) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.setWrapText(true);
        return box;
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-label");
        return label;
    }

    private static Label hint(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll("muted", Styles.TEXT_SMALL);
        Texts.wrapping(label);
        return label;
    }
}
