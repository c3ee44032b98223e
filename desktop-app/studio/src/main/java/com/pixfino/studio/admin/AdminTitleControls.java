package com.pixfino.studio.admin;

import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.ui.ActivityStatus;
import javafx.scene.control.Button;
import javafx.scene.control.ProgressIndicator;

/** The spinner and the "Refresh" button an admin screen's title carries, named after the screen's id prefix. */
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
}
