package com.pixfino.studio.library;

import com.pixfino.studio.core.concurrent.NamedThreads;
import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.concurrent.UiThreadGuard;
import com.pixfino.studio.core.library.Library;
import com.pixfino.studio.core.library.LibraryCatalog;
import com.pixfino.studio.core.library.LibraryService;
import com.pixfino.studio.core.settings.OriginalsCache;
import com.pixfino.studio.session.Session;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signed-in account's synced library for the JavaFX side: opens its {@link LibraryCatalog} and starts a
 * {@link LibraryService} when someone signs in, closes both when they sign out, and asks for a sync whenever the
 * server comes back. The properties change on the FX thread: {@link #libraryProperty()} (null while nobody is
 * signed in), the sync's state and its progress line, and the server's sentence when it refused an edit.
 */
public final class LibraryConnector implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LibraryConnector.class);

    private final TaskExecutor tasks;
    private final Session session;
    private final Path database;
    private final Path files;
    private final UiThreadGuard guard;
    private final ExecutorService worker = NamedThreads.single("library-connector");
    private final ReadOnlyObjectWrapper<Library> library = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<LibraryService.State> state =
            new ReadOnlyObjectWrapper<>(LibraryService.State.IDLE);
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper refused = new ReadOnlyStringWrapper();
    private final ChangeListener<Object> userChanged = (o, before, now) -> switchAccount();
    private final ChangeListener<Boolean> onlineChanged = (o, before, now) -> {
        if (Boolean.TRUE.equals(now)) {
            requestSync();
        }
    };
    private volatile boolean closed;
    private volatile long originalsCap = OriginalsCache.DEFAULT_CAP_BYTES;
    // touched only on the worker thread
    private LibraryCatalog catalog;
    private LibraryService service;

    /** Call on the FX thread; {@code database} and {@code files} are the gallery cache's (the library upgrades it). */
    public LibraryConnector(TaskExecutor tasks, Session session, Path database, Path files, UiThreadGuard guard) {
        this.tasks = tasks;
        this.session = session;
        this.database = database;
        this.files = files;
        this.guard = guard;
        // signing in sets the user before it says signed in; either may come last
        session.userProperty().addListener(userChanged);
        session.signedInProperty().addListener(userChanged);
        session.onlineProperty().addListener(onlineChanged);
        switchAccount();
    }

    public ReadOnlyObjectProperty<Library> libraryProperty() {
        return library.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LibraryService.State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** "12,000 changes synced" during a long first sync; empty otherwise. */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The server's sentence for the latest edit it refused (the edit was undone here). */
    public ReadOnlyStringProperty refusedProperty() {
        return refused.getReadOnlyProperty();
    }

    /** The originals' size cap (the setting); applies at once when a library is open. */
    public void setOriginalsCap(long bytes) {
        new OriginalsCache(bytes);
        originalsCap = bytes;
        submit(() -> {
            if (catalog != null) {
                try {
                    catalog.setOriginalsCap(bytes);
                } catch (IOException e) {
                    LOG.warn("event=originals_cap_not_applied reason={}", e.getMessage());
                }
            }
        });
    }

    public void requestSync() {
        submit(() -> {
            if (service != null) {
                service.requestSync();
            }
        });
    }

    private void switchAccount() {
        String owner = session.isSignedIn() ? session.ownerId() : null;
        var api = owner == null ? null : session.api();
        submit(() -> {
            if (catalog != null && owner != null && catalog.owner().equals(owner)) {
                return;
            }
            stop();
            if (owner == null) {
                return;
            }
            try {
                catalog = LibraryCatalog.open(database, files, owner, guard);
                catalog.setOriginalsCap(originalsCap);
                service = new LibraryService(
                        catalog, api, this::status, sentence -> tasks.onUiThread(() -> refused.set(sentence)));
                LibraryCatalog opened = catalog;
                tasks.onUiThread(() -> library.set(opened));
                service.start();
            } catch (IOException e) {
                LOG.warn("event=library_not_opened reason={}", e.getMessage());
                stop();
            }
        });
    }

    // After close, late property changes (the sign-out on exit) have nothing left to do.
    private void submit(Runnable work) {
        if (closed) {
            return;
        }
        try {
            worker.execute(work);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    private void status(LibraryService.Status value) {
        tasks.onUiThread(() -> {
            state.set(value.state());
            progress.set(value.message());
        });
    }

    private void stop() {
        if (service != null) {
            service.close();
            service = null;
        }
        if (catalog != null) {
            catalog.close();
            catalog = null;
        }
        tasks.onUiThread(() -> library.set(null));
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        session.userProperty().removeListener(userChanged);
        session.signedInProperty().removeListener(userChanged);
        session.onlineProperty().removeListener(onlineChanged);
        submit(this::stop);
        closed = true;
        worker.shutdown();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
