package com.pixfino.studio.queue;

import atlantafx.base.theme.Styles;
import com.pixfino.model.GenerationStatus;
import com.pixfino.model.api.GenerationView;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.ui.Icons;
import com.pixfino.studio.ui.Texts;
import com.pixfino.studio.ui.ToneStyles;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** One job in the queue list: status, what it is, why it failed and what came back, elapsed time, actions. */
final class JobCell extends ListCell<JobItem> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT);

    private final QueueViewModel viewModel;
    private final JobText text;
    private final Label title = new Label();
    private final Label badge = new Label();
    private final Label detail = new Label();
    private final Label prompt = new Label();
    private final Label elapsed = new Label();
    private final Label when = new Label();
    private final Button cancel;
    private final Button retry;
    private final ProgressIndicator spinner = new ProgressIndicator();
    private final StackPane marker = new StackPane();
    private final Node done = Icons.CHECK.create(26);
    private final Node failed = Icons.ERROR.create(26);
    private final Node canceled = Icons.CLOSE.create(24);
    private final Label groupTitle = new Label();
    private final Label groupProgress = new Label();
    private final Button cancelAll;
    private final HBox groupHeading;
    private final Label take = new Label();
    private final Messages messages;
    private final VBox content;
    private final javafx.beans.InvalidationListener onJobs = obs -> renderGroup();
    private final HBox row;
    private final ChangeListener<GenerationView> onChange = (obs, was, now) -> render(now);
    private final ChangeListener<Object> onTick = (obs, was, now) -> renderElapsed();
    private JobItem shown;

    JobCell(QueueViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.text = viewModel.text();
        this.messages = messages;
        getStyleClass().add("job-cell");
        title.getStyleClass().addAll(Styles.TEXT_BOLD, "job-title");
        badge.getStyleClass().add("job-badge");
        detail.getStyleClass().add("job-detail");
        Texts.wrapping(detail);
        setPrefWidth(0); // as wide as the list, never wider: long reasons wrap instead of scrolling sideways
        prompt.getStyleClass().addAll("muted", Styles.TEXT_SMALL);
        elapsed.getStyleClass().add("job-elapsed");
        when.getStyleClass().addAll("muted", Styles.TEXT_SMALL);
        cancel = new Button(messages.get("queue.cancel"));
        cancel.getStyleClass().add(Styles.SMALL);
        cancel.setOnAction(event -> viewModel.cancel(shown));
        retry = new Button(messages.get("queue.retry"));
        retry.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT);
        retry.setOnAction(event -> viewModel.retry(shown));
        spinner.getStyleClass().add("job-spinner");
        marker.getStyleClass().add("job-marker");
        marker.getChildren().addAll(spinner, done, failed, canceled);

        take.getStyleClass().addAll("muted", Styles.TEXT_SMALL, "job-take");
        groupTitle.getStyleClass().addAll(Styles.TEXT_BOLD, "job-group-title");
        groupProgress.getStyleClass().addAll("muted", "job-group-progress");
        cancelAll = new Button(messages.get("queue.cancelAll"));
        cancelAll.getStyleClass().add(Styles.SMALL);
        cancelAll.setOnAction(event -> {
            if (shown != null) {
                viewModel.cancelAll(shown.view().groupId());
            }
        });
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        groupHeading = new HBox(10, groupTitle, groupProgress, gap, cancelAll);
        groupHeading.setAlignment(Pos.CENTER_LEFT);
        groupHeading.getStyleClass().add("job-group");
        HBox heading = new HBox(8, title, badge, take);
        heading.setAlignment(Pos.CENTER_LEFT);
        VBox middle = new VBox(3, heading, detail, prompt);
        HBox.setHgrow(middle, Priority.ALWAYS);
        middle.setMinWidth(0);
        VBox times = new VBox(2, elapsed, when);
        times.setAlignment(Pos.CENTER_RIGHT);
        times.getStyleClass().add("job-times");
        HBox actions = new HBox(6, cancel, retry);
        actions.setAlignment(Pos.CENTER_RIGHT);
        actions.getStyleClass().add("job-actions");
        row = new HBox(14, marker, middle, times, actions);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("job-row");
        content = new VBox(6, groupHeading, row);
        viewModel.nowProperty().addListener(onTick);
        viewModel.jobs().addListener(onJobs);
    }

    @Override
    protected void updateItem(JobItem item, boolean empty) {
        super.updateItem(item, empty);
        if (shown != null) {
            shown.viewProperty().removeListener(onChange);
        }
        shown = empty ? null : item;
        if (shown == null) {
            setGraphic(null);
            setId(null);
            return;
        }
        shown.viewProperty().addListener(onChange);
        setId("job-" + shown.id());
        render(shown.view());
        setGraphic(content);
    }

    // a take of a request: its place ("Take 2 of 4"), and on the group's first row the heading with the
    // progress of every take and "Cancel all"
    private void renderGroup() {
        if (shown == null) {
            return;
        }
        java.util.List<JobItem> takes = viewModel.takes(shown.view().groupId());
        boolean grouped = takes.size() > 1;
        take.setVisible(grouped);
        take.setManaged(grouped);
        boolean lead = grouped && viewModel.leadsGroup(shown);
        groupHeading.setVisible(lead);
        groupHeading.setManaged(lead);
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("take"), grouped);
        if (!grouped) {
            return;
        }
        take.setText(messages.get("queue.take", takes.indexOf(shown) + 1, takes.size()));
        if (lead) {
            long done =
                    takes.stream().filter(job -> !JobText.isOpen(job.view())).count();
            long open = takes.size() - done;
            groupTitle.setText(messages.get("queue.group", shown.view().presetName(), takes.size()));
            groupProgress.setText(messages.get("queue.group.progress", done, takes.size()));
            groupHeading.setId("job-group-" + shown.view().groupId());
            cancelAll.setId("cancel-all-" + shown.view().groupId());
            cancelAll.setVisible(open > 0);
            cancelAll.setManaged(open > 0);
        }
    }

    private void render(GenerationView view) {
        title.setText(view.presetName());
        badge.setText(text.status(view));
        ToneStyles.set(badge, "status", view.status());
        ToneStyles.set(marker, "status", view.status());
        detail.setText(text.detail(view));
        prompt.setText(view.prompt() == null ? "" : "\u201c" + view.prompt() + "\u201d");
        prompt.setVisible(view.prompt() != null);
        prompt.setManaged(view.prompt() != null);
        when.setText(
                view.createdAt() == null
                        ? ""
                        : WHEN.format(view.createdAt().atZoneSameInstant(java.time.ZoneId.systemDefault())));
        boolean open = JobText.isOpen(view);
        spinner.setVisible(open);
        done.setVisible(view.status() == GenerationStatus.COMPLETED);
        failed.setVisible(view.status() == GenerationStatus.FAILED);
        canceled.setVisible(view.status() == GenerationStatus.CANCELED);
        cancel.setId("cancel-" + view.id());
        retry.setId("retry-" + view.id());
        cancel.setVisible(open);
        cancel.setManaged(open);
        retry.setVisible(JobText.canRetry(view));
        retry.setManaged(JobText.canRetry(view));
        renderElapsed();
        renderGroup();
    }

    private void renderElapsed() {
        if (shown != null) {
            elapsed.setText(text.elapsed(shown.view(), viewModel.nowProperty().get()));
        }
    }
}
