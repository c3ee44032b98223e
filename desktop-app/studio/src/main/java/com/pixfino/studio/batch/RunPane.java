package com.pixfino.studio.batch;

import atlantafx.base.theme.Styles;
import com.pixfino.studio.core.batch.BatchProgress;
import com.pixfino.studio.core.batch.BatchState;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.ui.Texts;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** A batch that runs or ran: progress, counts and time left, pause/resume/stop, and the table of items. */
final class RunPane extends VBox {

    RunPane(BatchViewModel viewModel, Messages messages) {
        setId("batch-run");
        getStyleClass().add("batch-run");
        setSpacing(10);
        BatchTexts texts = new BatchTexts(messages);
        var progress = viewModel.progressProperty();

        ProgressBar bar = new ProgressBar(0);
        bar.setId("batch-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty()
                .bind(Bindings.createDoubleBinding(
                        () -> progress.get() == null
                                ? (viewModel.phaseProperty().get() == BatchViewModel.Phase.STARTING
                                        ? ProgressBar.INDETERMINATE_PROGRESS
                                        : 0)
                                : BatchTexts.fraction(progress.get()),
                        progress,
                        viewModel.phaseProperty()));

        Label state = text("batch-state", progress, p -> texts.state(p));
        state.getStyleClass().add(Styles.TEXT_BOLD);
        Label counts = text("batch-counts", progress, p -> texts.counts(p));
        Label eta = text("batch-eta", progress, p -> texts.eta(p));
        eta.getStyleClass().add("muted");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);

        BooleanBinding live = viewModel.phaseProperty().isEqualTo(BatchViewModel.Phase.RUNNING);
        Button pause = new Button();
        pause.setId("batch-pause");
        pause.setMnemonicParsing(true);
        pause.setMinWidth(Region.USE_PREF_SIZE);
        pause.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> progress.get() != null && progress.get().state() == BatchState.PAUSED
                                ? messages.get("batch.resume")
                                : messages.get("batch.pause"),
                        progress));
        pause.setTooltip(new Tooltip(messages.get("batch.pause.tip")));
        pause.disableProperty()
                .bind(live.not()
                        .or(Bindings.createBooleanBinding(
                                () -> progress.get() == null
                                        || (progress.get().state() != BatchState.RUNNING
                                                && progress.get().state() != BatchState.PAUSED
                                                && progress.get().state() != BatchState.WATCHING),
                                progress)));
        pause.setOnAction(event -> viewModel.togglePause());

        Button stop = new Button(messages.get("batch.stop"));
        stop.setId("batch-stop");
        stop.setMnemonicParsing(true);
        stop.setMinWidth(Region.USE_PREF_SIZE);
        stop.getStyleClass().add(Styles.DANGER);
        stop.setTooltip(new Tooltip(messages.get("batch.stop.tip")));
        stop.disableProperty()
                .bind(live.not()
                        .or(viewModel.confirmingStopProperty())
                        .or(Bindings.createBooleanBinding(
                                () -> progress.get() != null && progress.get().state() == BatchState.STOPPING,
                                progress)));
        stop.setOnAction(event -> viewModel.requestStop());

        Button again = new Button(messages.get("batch.new"));
        again.setId("batch-new");
        again.setMinWidth(Region.USE_PREF_SIZE);
        again.getStyleClass().add(Styles.ACCENT);
        BooleanBinding ended = viewModel.phaseProperty().isEqualTo(BatchViewModel.Phase.FINISHED);
        again.visibleProperty().bind(ended.and(viewModel.outcomeProperty().isNotNull()));
        again.managedProperty().bind(again.visibleProperty());
        again.setOnAction(event -> viewModel.newBatch());
        pause.visibleProperty().bind(again.visibleProperty().not());
        pause.managedProperty().bind(pause.visibleProperty());
        stop.visibleProperty().bind(again.visibleProperty().not());
        stop.managedProperty().bind(stop.visibleProperty());

        HBox head = new HBox(12, state, counts, eta, gap, pause, stop, again);
        head.setAlignment(Pos.CENTER_LEFT);
        head.getStyleClass().add("batch-run-head");

        getChildren().addAll(head, bar, stopConfirmation(viewModel, messages));
        ItemTable table = new ItemTable(
                viewModel.rows(), viewModel.presets().allPresets(), viewModel.runningProperty(), messages);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().add(table);
    }

    private static HBox stopConfirmation(BatchViewModel viewModel, Messages messages) {
        Label question = Texts.wrapping(new Label(messages.get("batch.stop.confirm")));
        question.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(question, Priority.ALWAYS);
        Button yes = new Button(messages.get("batch.stop.yes"));
        yes.setId("batch-stop-yes");
        yes.getStyleClass().add(Styles.DANGER);
        yes.setMinWidth(Region.USE_PREF_SIZE);
        yes.setOnAction(event -> viewModel.confirmStop());
        Button no = new Button(messages.get("batch.stop.no"));
        no.setId("batch-stop-no");
        no.setMinWidth(Region.USE_PREF_SIZE);
        no.setCancelButton(true);
        no.setOnAction(event -> viewModel.cancelStop());
        HBox box = new HBox(10, question, yes, no);
        box.setId("batch-stop-confirm");
        box.getStyleClass().add("batch-stop-confirm");
        box.setAlignment(Pos.CENTER_LEFT);
        box.visibleProperty().bind(viewModel.confirmingStopProperty());
        box.managedProperty().bind(box.visibleProperty());
        viewModel.confirmingStopProperty().addListener((obs, was, now) -> {
            if (now) {
                no.requestFocus(); // Enter keeps the batch running; stopping takes a deliberate choice
            }
        });
        return box;
    }

    private static Label text(
            String id,
            javafx.beans.value.ObservableValue<BatchProgress> progress,
            java.util.function.Function<BatchProgress, String> words) {
        Label label = new Label();
        label.setId(id);
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> progress.getValue() == null ? "" : words.apply(progress.getValue()), progress));
        return label;
    }
}
