package com.pixfino.studio.admin.users;

import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.net.FailureMessages;
import com.pixfino.studio.session.SessionViewModel;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A form's call to the server whose failure is shown inline in the form (the server's own sentence) rather than in
 * the screen's status line; the session still learns whether the server answered. UI thread only.
 */
final class AdminCall {

    private final TaskExecutor tasks;
    private final SessionViewModel sessions;
    private final FailureMessages failures;

    AdminCall(TaskExecutor tasks, SessionViewModel sessions, Messages messages) {
        this.tasks = tasks;
        this.sessions = sessions;
        this.failures = new FailureMessages(messages);
    }

    <T> void run(Callable<T> work, Consumer<? super T> answered, Consumer<String> failed) {
        tasks.run(
                work,
                result -> {
                    sessions.callSucceeded();
                    answered.accept(result);
                },
                error -> {
                    sessions.callFailed(error);
                    failed.accept(failures.describe(error));
                });
    }
}
