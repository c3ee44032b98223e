package com.pixfino.studio.batch;

import com.pixfino.studio.core.batch.BatchItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The rows of the batch table by file × preset: known items change in place, new ones join in one list change. */
final class BatchRows {

    private final ObservableList<BatchRow> rows = FXCollections.observableArrayList();
    private final Map<String, BatchRow> byKey = new HashMap<>();

    void apply(List<BatchItem> items) {
        List<BatchRow> added = new ArrayList<>();
        for (BatchItem item : items) {
            String key = BatchRow.keyOf(item);
            BatchRow row = byKey.get(key);
            if (row == null) {
                row = new BatchRow(item);
                byKey.put(key, row);
                added.add(row);
            } else {
                row.update(item);
            }
        }
        rows.addAll(added);
    }

    void clear() {
        rows.clear();
        byKey.clear();
    }

    ObservableList<BatchRow> list() {
        return rows;
    }
}
