package com.pixfino.studio.core.library;

import com.pixfino.model.api.library.LibraryChanges;
import com.pixfino.studio.core.concurrent.NamedThreads;
import com.pixfino.studio.core.concurrent.Progress;
import com.pixfino.studio.core.concurrent.TaskProgress;
import com.pixfino.studio.core.net.CompanionApi;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls the server's change feed into a {@link LibraryCatalog} page by page: each page and its cursor are stored in
 * one transaction, so a sync cancelled or cut off halfway continues where it stopped. A cursor the server no longer
 * knows ({@code resetRequired}) throws the synced copy away (the outbox stays) and starts again from nothing.
 * Blocking.
 */
public final class LibrarySync {

    private static final Logger LOG = LoggerFactory.getLogger(LibrarySync.class);
    static final int PAGE_SIZE = 1000;

    private final LibraryCatalog catalog;
    private final int pageSize;

    public LibrarySync(LibraryCatalog catalog) {
        this(catalog, PAGE_SIZE);
    }

    LibrarySync(LibraryCatalog catalog, int pageSize) {
        this.catalog = catalog;
        this.pageSize = pageSize;
    }

    /** What one pull did: rows received (changes and deletions) and pages read; {@code complete} unless cancelled. */
    public record Outcome(int rows, int pages, boolean complete) {}

    /**
     * Reads the feed from the stored cursor to its end. {@code progress} hears how many rows arrived so far (a
     * first sync of a large library takes a while) and is asked between pages whether to stop.
     */
    public Outcome pull(CompanionApi api, TaskProgress progress) throws IOException {
        // the next page is fetched on one extra thread while this one is stored; only stored pages move the stored
        // cursor, so a sync stopped at any point continues from the last page written, and a page fetched ahead
        // and never stored is simply fetched again
        ExecutorService ahead = NamedThreads.single("library-sync-fetch");
        try {
            return pull(api, progress, ahead);
        } finally {
            ahead.shutdownNow();
        }
    }

    private Outcome pull(CompanionApi api, TaskProgress progress, ExecutorService ahead) throws IOException {
        String cursor = catalog.cursor();
        boolean reset = false;
        int rows = 0;
        int pages = 0;
        Future<LibraryChanges> next = null;
        while (true) {
            if (progress.isCancelled()) {
                if (next != null) {
                    next.cancel(true);
                }
                return new Outcome(rows, pages, false);
            }
            LibraryChanges page = next != null ? await(next) : api.libraryChanges(cursor, pageSize);
            next = null;
            if (page.resetRequired()) {
                if (reset) {
                    throw new IOException("The server keeps refusing to continue the library sync");
                }
                LOG.info("event=library_reset owner_rows_dropped=true");
                catalog.resetForResync();
                reset = true;
                cursor = null;
                continue;
            }
            if (page.hasMore()) {
                String following = page.cursor();
                next = ahead.submit(() -> api.libraryChanges(following, pageSize));
            }
            try {
                catalog.apply(page);
            } catch (IOException | RuntimeException e) {
                if (next != null) {
                    next.cancel(true);
                }
                throw e;
            }
            pages++;
            rows += page.changes().size() + page.deleted().size();
            cursor = page.cursor();
            progress.update(Progress.UNKNOWN, rows + (rows == 1 ? " change synced" : " changes synced"));
            if (!page.hasMore()) {
                return new Outcome(rows, pages, true);
            }
        }
    }

    private static LibraryChanges await(Future<LibraryChanges> page) throws IOException {
        try {
            return page.get();
        } catch (InterruptedException e) {
            page.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("The library sync was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException("The library sync failed: " + e.getCause(), e.getCause());
        }
    }

    /** A progress that nobody watches and that is never cancelled. */
    public static final TaskProgress SILENT = new TaskProgress() {
        @Override
        public void update(double fraction, String message) {}

        @Override
        public boolean isCancelled() {
            return false;
        }
    };
}
