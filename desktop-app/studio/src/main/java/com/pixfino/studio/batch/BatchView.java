package com.pixfino.studio.batch;

import atlantafx.base.theme.Styles;
import com.pixfino.studio.core.batch.BatchRequest;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.ui.ScreenActions;
import com.pixfino.studio.ui.ScreenTitle;
import com.pixfino.studio.ui.Texts;
import com.pixfino.studio.ui.ToneStyles;
import java.io.File;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The Batch screen: the resume offer, the set-up while setting up, the run while running. Binds and forwards only. */
public final class BatchView extends VBox implements ScreenActions {

    private static final PseudoClass DRAG_OVER = PseudoClass.getPseudoClass("drag-over");

    private final BatchViewModel viewModel;
    private final SetupPane setupPane;

    public BatchView(BatchViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        setId("batch-screen");
        getStyleClass().addAll("screen", "batch-screen");

        Button openFolder = new Button(messages.get("batch.openFolder"));
        openFolder.setId("batch-open-folder");
        openFolder.setMinWidth(Region.USE_PREF_SIZE);
        openFolder.visibleProperty().bind(viewModel.runningProperty().isNotNull());
        openFolder.managedProperty().bind(openFolder.visibleProperty());
        openFolder.setOnAction(event -> viewModel.openOutputFolder());
        Button openReport = new Button(messages.get("batch.openReport"));
        openReport.setId("batch-open-report");
        openReport.setMinWidth(Region.USE_PREF_SIZE);
        openReport.getStyleClass().add(Styles.ACCENT);
        openReport.visibleProperty().bind(viewModel.outcomeProperty().isNotNull());
        openReport.managedProperty().bind(openReport.visibleProperty());
        openReport.setOnAction(event -> viewModel.openReport());
        ScreenTitle title = new ScreenTitle(
                "batch",
                messages.get("batch.title"),
                Bindings.createStringBinding(
                        () -> {
                            BatchRequest running = viewModel.runningProperty().get();
                            return running == null
                                    ? messages.get("batch.subtitle")
                                    : messages.get("batch.subtitle.running", running.input(), running.output());
                        },
                        viewModel.runningProperty()),
                openFolder,
                openReport);

        Label status = Texts.statusLine("batch-status", viewModel.statusProperty(), "batch-status");
        ToneStyles.follow(status, "tone", viewModel.toneProperty());

        setupPane = new SetupPane(viewModel, messages);
        RunPane runPane = new RunPane(viewModel, messages);
        var setting = viewModel.phaseProperty().isEqualTo(BatchViewModel.Phase.SETUP);
        setupPane.visibleProperty().bind(setting);
        setupPane.managedProperty().bind(setting);
        runPane.visibleProperty().bind(setting.not());
        runPane.managedProperty().bind(setting.not());
        VBox.setVgrow(setupPane, Priority.ALWAYS);
        VBox.setVgrow(runPane, Priority.ALWAYS);

        HBox statusRow = new HBox(status);
        statusRow.setAlignment(Pos.CENTER_LEFT);
        statusRow.managedProperty().bind(status.visibleProperty());
        getChildren().addAll(title, new ResumeBanner(viewModel, messages), statusRow, setupPane, runPane);

        setOnDragOver(this::dragOver);
        setOnDragExited(event -> pseudoClassStateChanged(DRAG_OVER, false));
        setOnDragDropped(this::dropped);
    }

    private void dragOver(DragEvent event) {
        if (event.getDragboard().hasFiles() && viewModel.phaseProperty().get() == BatchViewModel.Phase.SETUP) {
            event.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
            pseudoClassStateChanged(DRAG_OVER, true);
        }
        event.consume();
    }

    /** A dropped folder becomes the input; a dropped photo stands for the folder it is in. */
    private void dropped(DragEvent event) {
        List<File> files =
                event.getDragboard().hasFiles() ? event.getDragboard().getFiles() : List.of();
        boolean used = !files.isEmpty() && viewModel.phaseProperty().get() == BatchViewModel.Phase.SETUP;
        if (used) {
            viewModel.useDropped(files.get(0).toPath());
        }
        pseudoClassStateChanged(DRAG_OVER, false);
        event.setDropCompleted(used);
        event.consume();
    }

    @Override
    public boolean shortcut(KeyEvent event) {
        if (event.isShortcutDown() && event.getCode() == KeyCode.ENTER) {
            viewModel.start();
            return true;
        }
        if (event.isShortcutDown() && event.getCode() == KeyCode.P) {
            viewModel.togglePause();
            return true;
        }
        if (event.isShortcutDown() && event.getCode() == KeyCode.PERIOD) {
            viewModel.requestStop();
            return true;
        }
        if (event.isShortcutDown()
                && event.getCode() == KeyCode.O
                && viewModel.phaseProperty().get() == BatchViewModel.Phase.SETUP) {
            setupPane.chooseFolder("batch.chooseInput", viewModel.setup().inputProperty());
            return true;
        }
        if (event.getCode() == KeyCode.ESCAPE
                && viewModel.confirmingStopProperty().get()) {
            viewModel.cancelStop();
            return true;
        }
        return false;
    }

    @Override
    public void refresh() {
        if (viewModel.presets().allPresets().isEmpty()) {
            viewModel.presets().load();
        }
        viewModel.estimateNow();
    }

    @Override
    public void shown() {
        if (viewModel.presets().allPresets().isEmpty()) {
            viewModel.presets().load();
        }
    }
}
