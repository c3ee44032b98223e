package com.pixfino.studio.ui;

import com.pixfino.model.api.Page;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Rows a server sends a page at a time with its cursor ("Load more"): a first page replaces the rows, a next one adds
 * to them, and the cursor of the page after them is kept. UI thread only.
 */
public final class PagedRows<T> {

    private final ObservableList<T> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper more = new ReadOnlyBooleanWrapper(this, "more");
    private String next;

    /** The rows; a view model may replace or remove one that changed. */
    public ObservableList<T> rows() {
        return rows;
    }

    /** Shows {@code page}: in place of the rows when it is a first page, after them when {@code appended}. */
    public void show(Page<T> page, boolean appended) {
        List<T> items = page.items() == null ? List.of() : page.items();
        if (appended) {
            rows.addAll(items);
        } else {
            rows.setAll(items);
        }
        next = page.nextCursor();
        more.set(next != null);
    }

    /** The cursor of the page after the rows shown; null when the last page is shown. */
    public String next() {
        return next;
    }

    /** No rows and no next page (signed out, or another list asked for). */
    public void clear() {
        rows.clear();
        next = null;
        more.set(false);
    }

    /** Whether the server has more rows after those shown. */
    public ReadOnlyBooleanProperty moreProperty() {
        return more.getReadOnlyProperty();
    }
}
