package com.pixfino.studio.batch;

import com.pixfino.studio.core.batch.BatchItem;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One line of the batch table: a file × preset whose item is replaced in place as the engine reports, so the table
 * updates one row instead of rebuilding thousands.
 */
public final class BatchRow {

    private final String key;
    private final ReadOnlyObjectWrapper<BatchItem> item;

    BatchRow(BatchItem item) {
        this.key = keyOf(item);
        this.item = new ReadOnlyObjectWrapper<>(this, "item", item);
    }

    static String keyOf(BatchItem item) {
        return item.file() + '\n' + item.preset();
    }

    String key() {
        return key;
    }

    void update(BatchItem newer) {
        item.set(newer);
    }

    public BatchItem item() {
        return item.get();
    }

    public ReadOnlyObjectProperty<BatchItem> itemProperty() {
        return item.getReadOnlyProperty();
    }
}
