package com.pixfino.studio.gallery;

import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.concurrent.TaskHandle;
import com.pixfino.studio.core.gallery.GalleryItem;
import com.pixfino.studio.core.library.Library;
import com.pixfino.studio.core.library.LibraryQuery;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * Which results are selected, by id (so it survives scrolling and paging), the focused index the arrow keys move,
 * and the anchor Shift extends from. A range or "select all" over unloaded pages asks the library for the ids only.
 */
public final class LibrarySelection {

    private final TaskExecutor tasks;
    private final Library library;
    private final IntFunction<GalleryItem> shown;
    private final Runnable changed;
    private final Consumer<Exception> failed;
    private final Set<UUID> selected = new LinkedHashSet<>();
    private final ReadOnlyIntegerWrapper size = new ReadOnlyIntegerWrapper(this, "size");
    private final ReadOnlyIntegerWrapper focus = new ReadOnlyIntegerWrapper(this, "focus", -1);
    private LibraryQuery query = LibraryQuery.ALL;
    private List<UUID> allIds; // the query's ids in order, once a range or select-all needed them
    private int anchor = -1;
    private TaskHandle idsLoad = TaskHandle.NONE;

    LibrarySelection(
            TaskExecutor tasks,
            Library library,
            IntFunction<GalleryItem> shown,
            Runnable changed,
            Consumer<Exception> failed) {
        this.tasks = tasks;
        this.library = library;
        this.shown = shown;
        this.changed = changed;
        this.failed = failed;
    }

    /** A click: alone it selects just this one; with Shift the range from the anchor; with Ctrl it toggles. */
    public void click(int index, boolean range, boolean toggle) {
        GalleryItem item = shown.apply(index);
        if (item == null) {
            return;
        }
        focus.set(index);
        if (range && anchor >= 0) {
            selectRange(anchor, index, toggle);
            return;
        }
        if (toggle) {
            if (!selected.remove(item.id())) {
                selected.add(item.id());
            }
        } else {
            selected.clear();
            selected.add(item.id());
        }
        anchor = index;
        done();
    }

    /** The arrow keys: focus moves (and the selection follows, extended with Shift). */
    public void moveFocus(int index, int count, boolean range) {
        if (count == 0) {
            return;
        }
        int next = Math.max(0, Math.min(count - 1, index));
        if (shown.apply(next) == null) {
            focus.set(next); // its page is loading; the selection follows on the next key
            changed.run();
            return;
        }
        click(next, range, false);
    }

    public void selectAll() {
        withIds(ids -> {
            selected.clear();
            selected.addAll(ids);
            done();
        });
    }

    public void clear() {
        selected.clear();
        anchor = -1;
        done();
    }

    public boolean isSelected(UUID id) {
        return selected.contains(id);
    }

    /** A copy of the selected ids, in the order they were selected. */
    public Set<UUID> ids() {
        return Set.copyOf(selected);
    }

    /** The selected ids in selection order. */
    public List<UUID> orderedIds() {
        return List.copyOf(selected);
    }

    void queryChanged(LibraryQuery next, boolean clearSelection) {
        query = next;
        allIds = null;
        idsLoad.cancel();
        if (clearSelection) {
            selected.clear();
            anchor = -1;
            focus.set(-1);
            size.set(0);
        }
    }

    /** After a reload: a focus past the end comes back to the last result. */
    void retain(int count) {
        if (focus.get() >= count) {
            focus.set(count - 1);
        }
    }

    private void selectRange(int from, int to, boolean add) {
        int low = Math.min(from, to);
        int high = Math.max(from, to);
        withIds(ids -> {
            if (!add) {
                selected.clear();
            }
            selected.addAll(ids.subList(Math.min(low, ids.size()), Math.min(high + 1, ids.size())));
            done();
        });
    }

    private void withIds(Consumer<List<UUID>> then) {
        if (allIds != null) {
            then.accept(allIds);
            return;
        }
        LibraryQuery asked = query;
        idsLoad = tasks.run(
                () -> library.ids(asked),
                ids -> {
                    if (asked.equals(query)) {
                        allIds = ids;
                        then.accept(ids);
                    }
                },
                failed);
    }

    private void done() {
        size.set(selected.size());
        changed.run();
    }

    public ReadOnlyIntegerProperty sizeProperty() {
        return size.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty focusProperty() {
        return focus.getReadOnlyProperty();
    }
}
