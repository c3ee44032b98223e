package com.pixfino.studio.gallery;

import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.concurrent.TaskHandle;
import com.pixfino.studio.core.gallery.GalleryItem;
import com.pixfino.studio.core.library.Library;
import com.pixfino.studio.core.library.LibraryQuery;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The pages of one query's results that are near the viewport: asked for by index, loaded a page at a time in the
 * background, the most recently used {@link #KEEP} pages kept. 50,000 results never sit in memory at once.
 * UI thread only.
 */
final class ResultPages {

    static final int PAGE = 120;
    private static final int KEEP = 12;

    private final TaskExecutor tasks;
    private final Library library;
    private final Runnable loaded;
    private final Consumer<Exception> failed;
    private final Map<Integer, List<GalleryItem>> pages = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, List<GalleryItem>> eldest) {
            return size() > KEEP;
        }
    };
    private final Map<Integer, TaskHandle> loading = new HashMap<>();
    private LibraryQuery query = LibraryQuery.ALL;

    /** {@code loaded} runs on the UI thread whenever a page arrived, so visible cells can fill in. */
    ResultPages(TaskExecutor tasks, Library library, Runnable loaded, Consumer<Exception> failed) {
        this.tasks = tasks;
        this.library = library;
        this.loaded = loaded;
        this.failed = failed;
    }

    /** Forgets every page: the query changed, or the library did. */
    void reset(LibraryQuery next) {
        loading.values().forEach(TaskHandle::cancel);
        loading.clear();
        pages.clear();
        query = next;
    }

    /** The result at {@code index}, or null while its page loads (the load starts now). */
    GalleryItem get(int index) {
        int page = index / PAGE;
        List<GalleryItem> items = pages.get(page);
        if (items == null) {
            load(page);
            items = pages.get(page); // a current-thread executor has it already
            if (items == null) {
                return null;
            }
        }
        int at = index % PAGE;
        return at < items.size() ? items.get(at) : null;
    }

    /** The result at {@code index} only if its page is here, without loading anything. */
    GalleryItem peek(int index) {
        List<GalleryItem> items = pages.get(index / PAGE);
        return items == null || index % PAGE >= items.size() ? null : items.get(index % PAGE);
    }

    private void load(int page) {
        if (loading.containsKey(page)) {
            return;
        }
        LibraryQuery asked = query;
        loading.put(page, TaskHandle.NONE); // a current-thread executor answers before run returns
        TaskHandle handle = tasks.run(
                () -> library.page(asked, page * PAGE, PAGE),
                items -> {
                    loading.remove(page);
                    if (asked.equals(query)) {
                        pages.put(page, items);
                        loaded.run();
                    }
                },
                error -> {
                    loading.remove(page);
                    failed.accept(error);
                });
        loading.computeIfPresent(page, (key, pending) -> handle);
    }
}
