package com.pixfino.studio.ui;

import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.TableColumn;

/** Table columns that show one text per row. */
public final class TableColumns {

    private TableColumns() {}

    /** A column titled {@code title} showing {@code text} of each row, never narrower than {@code minWidth}. */
    public static <S> TableColumn<S, String> text(String title, Function<S, String> text, double minWidth) {
        TableColumn<S, String> column = new TableColumn<>(title);
        column.setMinWidth(minWidth);
        column.setCellValueFactory(cell -> new SimpleStringProperty(text.apply(cell.getValue())));
        return column;
    }
}
