package com.pixfino.studio.queue;

import atlantafx.base.theme.Styles;
import com.pixfino.studio.core.generate.PendingGeneration;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.ui.Icons;
import com.pixfino.studio.ui.Texts;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.UUID;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The takes of one request kept offline, as one row: "4 takes waiting · 16 credits" and Cancel all. */
final class WaitingGroupRow extends HBox {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT);

    WaitingGroupRow(UUID groupId, List<PendingGeneration> takes, WaitingGenerations waiting, Messages messages) {
        super(14);
        PendingGeneration first = takes.get(0);
        setId("waiting-group-" + groupId);
        getStyleClass().addAll("job-row", "waiting-row", "waiting-group");
        setAlignment(Pos.CENTER_LEFT);

        StackPane marker = new StackPane(Icons.OFFLINE.create(22));
        marker.getStyleClass().addAll("job-marker", "status-waiting");

        Label title = new Label(first.presetName());
        title.getStyleClass().addAll(Styles.TEXT_BOLD, "job-title");
        int credits = takes.stream().mapToInt(PendingGeneration::credits).sum();
        Label badge = new Label(messages.get("queue.waiting.group", takes.size(), credits));
        badge.setId("waiting-group-status-" + groupId);
        badge.getStyleClass().addAll("job-badge", "status-waiting");
        HBox heading = new HBox(8, title, badge);
        heading.setAlignment(Pos.CENTER_LEFT);
        Label detail = new Label(messages.get("queue.waiting.groupDetail"));
        detail.getStyleClass().add("job-detail");
        Texts.wrapping(detail);
        VBox middle = new VBox(3, heading, detail);
        if (first.prompt() != null) {
            Label prompt = new Label("\u201c" + first.prompt() + "\u201d");
            prompt.getStyleClass().addAll("muted", Styles.TEXT_SMALL);
            middle.getChildren().add(prompt);
        }
        HBox.setHgrow(middle, Priority.ALWAYS);
        middle.setMinWidth(0);

        Label when = new Label(WHEN.format(first.createdAt().atZone(ZoneId.systemDefault())));
        when.getStyleClass().addAll("muted", Styles.TEXT_SMALL);
        VBox times = new VBox(2, when);
        times.setAlignment(Pos.CENTER_RIGHT);
        times.getStyleClass().add("job-times");

        Button cancel = new Button(messages.get("queue.waiting.cancelGroup"));
        cancel.setId("waiting-cancel-group-" + groupId);
        cancel.getStyleClass().add(Styles.SMALL);
        cancel.setOnAction(event -> {
            cancel.setDisable(true); // the row goes when the store has forgotten the takes
            waiting.cancelGroup(groupId);
        });
        HBox actions = new HBox(6, cancel);
        actions.setAlignment(Pos.CENTER_RIGHT);
        actions.getStyleClass().add("job-actions");

        getChildren().addAll(marker, middle, times, actions);
    }
}
