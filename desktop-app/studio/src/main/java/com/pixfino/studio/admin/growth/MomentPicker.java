package com.pixfino.studio.admin.growth;

import javafx.geometry.Pos;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

/** A day from a date picker beside a time typed as 14:30; ids {@code id-date} and {@code id-time}. */
final class MomentPicker extends HBox {

    MomentPicker(String id, MomentInput moment, String accessibleName) {
        super(6);
        setId(id);
        setAlignment(Pos.CENTER_LEFT);
        DatePicker date = new DatePicker();
        date.setId(id + "-date");
        date.setPrefWidth(150);
        date.setAccessibleText(accessibleName);
        date.valueProperty().bindBidirectional(moment.dateProperty());
        TextField time = new TextField();
        time.setId(id + "-time");
        time.setPrefColumnCount(4);
        time.setPromptText("14:30");
        time.setAccessibleText(accessibleName);
        time.textProperty().bindBidirectional(moment.timeProperty());
        getChildren().addAll(date, time);
    }
}
