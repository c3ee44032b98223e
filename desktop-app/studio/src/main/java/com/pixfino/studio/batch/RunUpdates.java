package com.pixfino.studio.batch;

import com.pixfino.studio.core.batch.BatchItem;
import com.pixfino.studio.core.batch.BatchListener;
import com.pixfino.studio.core.batch.BatchProgress;
import com.pixfino.studio.core.concurrent.TaskExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hears one run's engine on its threads and hands the news to the FX thread in batches: the newest state of each
 * item and the newest progress, at most one hand-over per {@code interval}. A thousand changes in a second become ten
 * table updates, never a thousand runLaters.
 */
final class RunUpdates implements BatchListener {

    private final TaskExecutor tasks;
    private final Duration interval;
    private final Consumer<RunUpdates> flush;
    private final Map<String, BatchItem> items = new LinkedHashMap<>(); // guarded by itself; arrival order kept
    private final AtomicReference<BatchProgress> progress = new AtomicReference<>();
    private final AtomicBoolean queued = new AtomicBoolean();

    RunUpdates(TaskExecutor tasks, Duration interval, Consumer<RunUpdates> flush) {
        this.tasks = tasks;
        this.interval = interval;
        this.flush = flush;
    }

    @Override
    public void itemChanged(BatchItem item) {
        synchronized (items) {
            items.put(BatchRow.keyOf(item), item);
        }
        queue();
    }

    @Override
    public void progressChanged(BatchProgress latest) {
        progress.set(latest);
        queue();
    }

    private void queue() {
        if (queued.compareAndSet(false, true)) {
            tasks.schedule(interval, () -> {
                queued.set(false);
                flush.accept(this);
            });
        }
    }

    /** The items changed since the last call, each in its newest state, in the order they first changed. */
    List<BatchItem> drainItems() {
        synchronized (items) {
            List<BatchItem> changed = new ArrayList<>(items.values());
            items.clear();
            return changed;
        }
    }

    /** The newest progress since the last call, or null. */
    BatchProgress takeProgress() {
        return progress.getAndSet(null);
    }
}
