package com.pixfino.studio.queue;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import com.pixfino.studio.core.generate.PendingGeneration;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.ui.Texts;
import com.pixfino.studio.ui.ToneStyles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/** Above the jobs: the requests that wait for the connection, or were refused when it came. Hidden when none. */
final class WaitingSection extends VBox {

    private static final double MAX_HEIGHT = 280; // the server's jobs stay in view below a long offline session

    WaitingSection(WaitingGenerations waiting, Messages messages) {
        super(6);
        setId("queue-waiting");
        getStyleClass().add("waiting-section");
        Label title = new Label();
        // "Waiting for connection" while anything waits; refusals alone are not waiting for anything.
        title.textProperty()
                .bind(Bindings.when(waiting.waitingCountProperty().greaterThan(0))
                        .then(messages.get("queue.waiting.title"))
                        .otherwise(messages.get("queue.waiting.titleRefused")));
        title.setId("queue-waiting-title");
        title.getStyleClass().addAll(Styles.TEXT_BOLD, "waiting-title");
        Label notice = Texts.statusLine("queue-waiting-notice", waiting.noticeProperty(), "notice");
        ToneStyles.follow(notice, "tone", waiting.toneProperty());

        VBox rows = new VBox();
        rows.getStyleClass().add("waiting-rows");
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setMaxHeight(MAX_HEIGHT);
        scroll.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE, "waiting-scroll");
        // As tall as the rows until the cap, then it scrolls.
        scroll.prefViewportHeightProperty().bind(Bindings.min(rows.heightProperty(), MAX_HEIGHT));
        scroll.visibleProperty().bind(Bindings.isNotEmpty(waiting.requests()));
        scroll.managedProperty().bind(scroll.visibleProperty());
        title.visibleProperty().bind(scroll.visibleProperty());
        title.managedProperty().bind(scroll.visibleProperty());

        Runnable render = () -> {
            rows.getChildren().clear();
            // The waiting takes of one request are one row, where its first take was; refusals stay one each.
            Map<UUID, List<PendingGeneration>> groups = new LinkedHashMap<>();
            for (PendingGeneration request : waiting.requests()) {
                if (request.isWaiting() && request.settings().groupId() != null) {
                    groups.computeIfAbsent(request.settings().groupId(), id -> new ArrayList<>())
                            .add(request);
                }
            }
            for (PendingGeneration request : waiting.requests()) {
                UUID group = request.isWaiting() ? request.settings().groupId() : null;
                if (group == null || groups.get(group).size() == 1) {
                    rows.getChildren().add(new WaitingRow(request, waiting, messages));
                } else if (groups.get(group).get(0) == request) {
                    rows.getChildren().add(new WaitingGroupRow(group, groups.get(group), waiting, messages));
                }
            }
        };
        waiting.requests().addListener((ListChangeListener<PendingGeneration>) change -> render.run());
        render.run();

        getChildren().addAll(title, scroll, notice);
        visibleProperty()
                .bind(Bindings.isNotEmpty(waiting.requests())
                        .or(waiting.noticeProperty().isNotEmpty()));
        managedProperty().bind(visibleProperty());
    }
}
