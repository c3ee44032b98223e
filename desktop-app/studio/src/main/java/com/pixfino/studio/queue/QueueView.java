package com.pixfino.studio.queue;

import atlantafx.base.theme.Styles;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.ui.EmptyState;
import com.pixfino.studio.ui.Icons;
import com.pixfino.studio.ui.ScreenActions;
import com.pixfino.studio.ui.ScreenTitle;
import com.pixfino.studio.ui.Texts;
import com.pixfino.studio.ui.ToneStyles;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** The queue screen: the requests waiting for the connection, then every job, live. Binds and forwards only. */
public final class QueueView extends VBox implements ScreenActions {

    private final QueueViewModel viewModel;

    public QueueView(QueueViewModel viewModel, WaitingGenerations waiting, Messages messages) {
        this.viewModel = viewModel;
        setId("queue-screen");
        getStyleClass().addAll("screen", "queue-screen");

        Label live = new Label();
        live.setId("queue-live");
        live.getStyleClass().add("live-feed"); // not "feed-…": ToneStyles owns that prefix
        live.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> messages.get("queue.live."
                                + viewModel.liveStateProperty().get().name().toLowerCase(java.util.Locale.ROOT)),
                        viewModel.liveStateProperty()));
        ToneStyles.follow(live, "feed", viewModel.liveStateProperty());
        Button refresh = new Button(messages.get("queue.refresh"));
        refresh.setId("queue-refresh");
        refresh.setOnAction(event -> refresh());

        ScreenTitle title = new ScreenTitle(
                "queue",
                messages.get("queue.title"),
                Bindings.createStringBinding(
                        () -> {
                            String jobs = messages.get(
                                    "queue.subtitle",
                                    viewModel.activeCountProperty().get(),
                                    viewModel.jobs().size());
                            int waitingNow = waiting.waitingCountProperty().get();
                            return waitingNow == 0 ? jobs : messages.get("queue.subtitle.waiting", waitingNow, jobs);
                        },
                        viewModel.activeCountProperty(),
                        viewModel.jobs(),
                        waiting.waitingCountProperty()),
                live,
                refresh);

        Label notice = Texts.statusLine("queue-notice", viewModel.noticeProperty(), "notice");

        ListView<JobItem> list = new ListView<>(viewModel.jobs());
        list.setId("queue-list");
        list.getStyleClass().addAll("queue-list", Styles.STRIPED);
        list.setCellFactory(view -> new JobCell(viewModel, messages));
        EmptyState empty = new EmptyState(
                "queue-empty", Icons.QUEUE, messages.get("queue.empty.title"), messages.get("queue.empty.hint"));
        empty.visibleProperty().bind(Bindings.isEmpty(viewModel.jobs()).and(Bindings.isEmpty(waiting.requests())));
        list.visibleProperty().bind(Bindings.isNotEmpty(viewModel.jobs()));
        StackPane body = new StackPane(list, empty);
        VBox.setVgrow(body, Priority.ALWAYS);

        getChildren().addAll(title, notice, new WaitingSection(waiting, messages), body);

        // Running jobs count up once a second; a Timeline runs on the FX thread and does no I/O.
        Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), event -> viewModel.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    }

    @Override
    public void refresh() {
        viewModel.resync();
    }

    @Override
    public void shown() {
        viewModel.tick();
    }
}
