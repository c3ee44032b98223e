package com.pixfino.studio.ui;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;

/** A button or title with the small spinner beside it that shows, and takes room, only while its work runs. */
public final class BusyRow {

    private BusyRow() {}

    public static HBox of(Node node, ObservableValue<Boolean> busy) {
        ProgressIndicator progress = new ProgressIndicator();
        progress.getStyleClass().add("inline-progress");
        progress.visibleProperty().bind(busy);
        progress.managedProperty().bind(busy);
        HBox row = new HBox(8, node, progress);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
