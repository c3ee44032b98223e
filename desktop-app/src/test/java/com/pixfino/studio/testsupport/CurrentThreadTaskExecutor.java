package com.pixfino.studio.testsupport;

import com.pixfino.studio.concurrent.TaskExecutor;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs work and callbacks right away on the calling thread, so view-model tests are deterministic. */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

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
}
