package com.pixfino.studio.session;

import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.concurrent.TaskHandle;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.net.FailureMessages;
import com.pixfino.studio.ui.ActivityStatus;
import com.pixfino.studio.ui.ActivityStatus.Tone;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A screen's calls to the companion server. Each runs off the UI thread; when it ends the session learns whether the
 * server answered (the connection banner and an expired sign-in follow from that), and on a failure the screen's
 * status line says what went wrong in the product's words. UI thread only.
 */
public final class ServerCalls {

    private final TaskExecutor tasks;
    private final SessionViewModel sessions;
    private final Messages messages;
    private final FailureMessages failures;
    private final ActivityStatus status;

    public ServerCalls(TaskExecutor tasks, SessionViewModel sessions, Messages messages, ActivityStatus status) {
        this.tasks = tasks;
        this.sessions = sessions;
        this.messages = messages;
        this.failures = new FailureMessages(messages);
        this.status = status;
    }

    /**
     * Whether a screen may read from the server now: {@code session} signed in and no call of the screen's running.
     * Offline, the status line says the message {@code offlineKey} as a notice (not a failure) and the answer is no.
     */
    public boolean mayRead(Session session, String offlineKey) {
        if (!session.isSignedIn() || status.isBusy()) {
            return false;
        }
        if (!session.isOnline()) {
            status.say(Tone.INFO, messages.get(offlineKey));
            return false;
        }
        return true;
    }

    /**
     * Runs {@code work}; its result goes to {@code answered} on the UI thread. On a failure the status line shows the
     * message {@code failedKey} with {@code args} and, last, what went wrong.
     */
    public <T> TaskHandle run(Callable<T> work, Consumer<? super T> answered, String failedKey, Object... args) {
        return tasks.run(
                work,
                result -> {
                    answered.accept(result);
                    sessions.callSucceeded();
                },
                error -> {
                    sessions.callFailed(error);
                    Object[] withReason = Arrays.copyOf(args, args.length + 1);
                    withReason[args.length] = failures.describe(error);
                    status.failed(messages.get(failedKey, withReason));
                });
    }
}
