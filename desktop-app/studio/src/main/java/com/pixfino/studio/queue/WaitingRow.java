package com.pixfino.studio.queue;

import atlantafx.base.theme.Styles;
import com.pixfino.studio.core.generate.PendingGeneration;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.ui.Icons;
import com.pixfino.studio.ui.Texts;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** One request that waits for the connection (Cancel), or that the server refused when it came (Remove). */
final class WaitingRow extends HBox {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT);

    WaitingRow(PendingGeneration request, WaitingGenerations waiting, Messages messages) {
        super(14);
        boolean refused = !request.isWaiting();
        setId("waiting-" + request.id());
        getStyleClass().addAll("job-row", "waiting-row");
        if (refused) {
            getStyleClass().add("refused");
        }
        setAlignment(Pos.CENTER_LEFT);

        StackPane marker = new StackPane((refused ? Icons.ERROR : Icons.OFFLINE).create(refused ? 26 : 22));
        marker.getStyleClass().addAll("job-marker", refused ? "status-failed" : "status-waiting");

        Label title = new Label(request.presetName());
        title.getStyleClass().addAll(Styles.TEXT_BOLD, "job-title");
        Label badge = new Label(messages.get(refused ? "queue.waiting.refused" : "queue.waiting.status"));
        badge.setId("waiting-status-" + request.id());
        badge.getStyleClass().addAll("job-badge", refused ? "status-failed" : "status-waiting");
        HBox heading = new HBox(8, title, badge);
        heading.setAlignment(Pos.CENTER_LEFT);
        Label detail = new Label(
                refused
                        ? messages.get("queue.waiting.refusedDetail", request.failure())
                        : messages.get("queue.waiting.detail", request.credits()));
        detail.setId("waiting-detail-" + request.id());
        detail.getStyleClass().add("job-detail");
        Texts.wrapping(detail);
        VBox middle = new VBox(3, heading, detail);
        if (request.prompt() != null) {
            Label prompt = new Label("\u201c" + request.prompt() + "\u201d");
            prompt.getStyleClass().addAll("muted", Styles.TEXT_SMALL);
            middle.getChildren().add(prompt);
        }
        HBox.setHgrow(middle, Priority.ALWAYS);
        middle.setMinWidth(0);

        Label when = new Label(WHEN.format(request.createdAt().atZone(ZoneId.systemDefault())));
        when.getStyleClass().addAll("muted", Styles.TEXT_SMALL);
        VBox times = new VBox(2, when);
        times.setAlignment(Pos.CENTER_RIGHT);
        times.getStyleClass().add("job-times");

        Button action = new Button(messages.get(refused ? "queue.waiting.remove" : "queue.cancel"));
        action.setId((refused ? "waiting-remove-" : "waiting-cancel-") + request.id());
        action.getStyleClass().add(Styles.SMALL);
        action.setOnAction(event -> {
            action.setDisable(true); // one press is enough; the row goes when the store has forgotten it
            if (refused) {
                waiting.remove(request);
            } else {
                waiting.cancel(request);
            }
        });
        HBox actions = new HBox(6, action);
        actions.setAlignment(Pos.CENTER_RIGHT);
        actions.getStyleClass().add("job-actions");

        getChildren().addAll(marker, middle, times, actions);
    }
}
