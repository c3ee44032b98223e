package com.pixfino.studio.admin;

import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.ui.ActivityStatus;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;

/**
 * The spinner and the "Refresh" button an admin screen's title carries, and the "Load more" row under a paged table,
 * named after the screen's id prefix.
 */
public final class AdminTitleControls {

    private AdminTitleControls() {}

    /** {@code <prefix>-progress}: a small spinner shown while {@code status} is busy. */
    public static ProgressIndicator progress(String prefix, ActivityStatus status) {
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId(prefix + "-progress");
        progress.getStyleClass().add("inline-progress");
        progress.visibleProperty().bind(status.busyProperty());
        return progress;
    }

    /** {@code <prefix>-refresh}: the "Refresh" button, running {@code refresh} when pressed. */
    public static Button refresh(String prefix, Messages messages, Runnable refresh) {
        Button button = new Button(messages.get("admin.refresh"));
        button.setId(prefix + "-refresh");
        button.setOnAction(event -> refresh.run());
        return button;
    }

    /**
     * {@code <prefix>-more}: "Load more", centred under a paged table, shown while {@code more} holds and disabled
     * while {@code status} is busy.
     */
    public static HBox loadMore(
            String prefix, Messages messages, ActivityStatus status, ObservableBooleanValue more, Runnable load) {
        Button button = new Button(messages.get("admin.loadMore"));
        button.setId(prefix + "-more");
        button.visibleProperty().bind(more);
        button.managedProperty().bind(button.visibleProperty());
        button.disableProperty().bind(status.busyProperty());
        button.setOnAction(event -> load.run());
        HBox row = new HBox(button);
        row.setAlignment(Pos.CENTER);
        return row;
    }
}
