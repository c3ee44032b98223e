package com.pixfino.studio.testsupport;

import com.pixfino.studio.core.concurrent.BackgroundTask;
import com.pixfino.studio.core.concurrent.Cancellable;
import com.pixfino.studio.core.concurrent.Progress;
import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.concurrent.TaskHandle;
import com.pixfino.studio.core.concurrent.TaskRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs work and callbacks right away on the calling thread, so view-model tests are deterministic.
 * Scheduled actions wait until the test runs them with {@link #runScheduled()}; after {@link #hold()}, submitted
 * work waits too, so a test can act while it is "in flight" and then {@link #runHeld()}.
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    private final List<Scheduled> scheduled = new ArrayList<>();
    private final List<TaskRun<?>> held = new ArrayList<>();
    private boolean holding;

    @Override
    public <T> TaskHandle submit(
            BackgroundTask<T> task,
            Consumer<? super T> onSuccess,
            Consumer<? super Exception> onFailure,
            Consumer<? super Progress> onProgress) {
        TaskRun<T> run = new TaskRun<>(task, onSuccess, onFailure, onProgress, Runnable::run);
        if (holding) {
            held.add(run);
        } else {
            run.run();
        }
        return run;
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

    /** From now on submitted work waits for {@link #runHeld()}. */
    public void hold() {
        holding = true;
    }

    /** Runs the held work in the order it came (cancelled work does not run) and stops holding. */
    public void runHeld() {
        holding = false;
        List<TaskRun<?>> due = new ArrayList<>(held);
        held.clear();
        due.forEach(TaskRun::run);
    }

    private record Scheduled(Duration delay, Runnable action) {}
}
