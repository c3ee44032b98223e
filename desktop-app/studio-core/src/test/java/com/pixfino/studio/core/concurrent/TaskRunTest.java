package com.pixfino.studio.core.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The rules every executor shares, with the UI thread played by the calling thread. */
class TaskRunTest {

    private final List<String> seen = new ArrayList<>();

    private <T> TaskRun<T> task(BackgroundTask<T> work) {
        return new TaskRun<>(
                work,
                result -> seen.add("success " + result),
                error -> seen.add("failure " + error.getMessage()),
                progress -> seen.add(progress.fraction() + " " + progress.message()),
                Runnable::run);
    }

    @Test
    void progressThenTheResultInOrder() {
        task(progress -> {
                    progress.update(0.5, "half");
                    progress.update(Progress.UNKNOWN, null);
                    return "done";
                })
                .run();

        assertThat(seen).containsExactly("0.5 half", "-1.0 ", "success done");
    }

    @Test
    void aFailureGoesToOnFailure() {
        task(progress -> {
                    throw new IOException("disk full");
                })
                .run();

        assertThat(seen).containsExactly("failure disk full");
    }

    @Test
    void cancelledBeforeItRunsTheWorkNeverStarts() {
        AtomicBoolean ran = new AtomicBoolean();
        TaskRun<Boolean> run = task(progress -> ran.getAndSet(true));
        AtomicBoolean interrupted = new AtomicBoolean();

        run.cancel();
        run.interruptWith(() -> interrupted.set(true));
        run.run();

        assertThat(ran).isFalse();
        assertThat(interrupted)
                .as("an executor that hands over its thread late still interrupts it")
                .isTrue();
        assertThat(seen).isEmpty();
    }

    @Test
    void afterCancelTheWorkSeesItAndNothingMoreIsDelivered() {
        AtomicReference<TaskRun<String>> self = new AtomicReference<>();
        self.set(task(progress -> {
            progress.update(0.1, "before");
            self.get().cancel();
            progress.update(0.9, "after");
            return progress.isCancelled() ? "noticed" : "missed";
        }));

        self.get().run();

        assertThat(seen).containsExactly("0.1 before");
        assertThat(self.get().isCancelled()).isTrue();
    }

    @Test
    void cancellingAfterDeliveryDoesNothing() {
        TaskRun<String> run = task(progress -> "done");
        run.run();

        run.cancel();

        assertThat(run.isCancelled()).isFalse();
        assertThat(seen).containsExactly("success done");
    }
}
