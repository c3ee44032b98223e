package com.pixfino.studio.settings;

import com.pixfino.studio.core.concurrent.NamedThreads;
import com.pixfino.studio.core.settings.SettingsFile;
import com.pixfino.studio.core.settings.SettingsJson;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads the settings and saves every change on its own thread, after a short quiet period. */
public final class SettingsStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);

    private final SettingsFile file;
    private final Duration debounce;
    private final ScheduledExecutorService writer;
    private final AtomicReference<SettingsJson> pending = new AtomicReference<>();
    private ScheduledFuture<?> scheduledWrite;

    public SettingsStore(SettingsFile file, Duration debounce) {
        this.file = file;
        this.debounce = debounce;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, new NamedThreads("settings-writer"));
        // On close the final write is queued explicitly; pending debounced writes would only repeat it.
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.writer = executor;
    }

    /** Blocking file read: call before the UI starts. */
    public StudioSettings load() {
        StudioSettings settings = file.read().map(StudioSettings::fromJson).orElseGet(StudioSettings::new);
        // The snapshot is taken on the thread that changed the property (the FX thread), the write happens later.
        settings.addListener(observable -> saveLater(settings.toJson()));
        return settings;
    }

    private synchronized void saveLater(SettingsJson snapshot) {
        if (writer.isShutdown()) {
            return; // changes made while the studio shuts down are not worth a crash
        }
        pending.set(snapshot);
        if (scheduledWrite != null) {
            scheduledWrite.cancel(false);
        }
        scheduledWrite = writer.schedule(this::writePending, debounce.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void writePending() {
        SettingsJson snapshot = pending.getAndSet(null);
        if (snapshot == null) {
            return;
        }
        try {
            file.write(snapshot);
        } catch (IOException e) {
            LOG.warn("event=settings_write_failed reason={}", e.getMessage());
        }
    }

    /** Writes what is still pending, then stops the writer thread. */
    @Override
    public synchronized void close() {
        if (writer.isShutdown()) {
            return;
        }
        writer.execute(this::writePending);
        writer.shutdown();
        try {
            if (!writer.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("event=settings_flush_timeout");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
