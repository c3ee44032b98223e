package com.pixfino.studio.testsupport;

import com.pixfino.studio.core.concurrent.Cancellable;
import com.pixfino.studio.core.concurrent.TaskExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work and callbacks right away on the calling thread, so view-model tests are deterministic.
 * Scheduled actions wait until the test runs them with {@link #runScheduled()}.
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    private final List<Scheduled> scheduled = new ArrayList<>();

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public void onUiThread(Runnable action) {
        action.run();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        Scheduled entry = new Scheduled(delay, action);
        scheduled.add(entry);
        return () -> scheduled.remove(entry);
    }

    /** The delays of everything scheduled and not yet run or cancelled, in order. */
    public List<Duration> scheduledDelays() {
        return scheduled.stream().map(Scheduled::delay).toList();
    }

    /** Runs what is scheduled now (not what those actions schedule in turn). */
    public void runScheduled() {
        List<Scheduled> due = new ArrayList<>(scheduled);
        scheduled.clear();
        due.forEach(entry -> entry.action().run());
    }

    private record Scheduled(Duration delay, Runnable action) {
    }
}
