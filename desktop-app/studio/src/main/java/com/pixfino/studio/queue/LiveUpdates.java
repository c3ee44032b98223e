package com.pixfino.studio.queue;

import com.pixfino.model.api.GenerationEvent;
import com.pixfino.model.api.billing.BalanceEvent;
import com.pixfino.studio.core.concurrent.Cancellable;
import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.net.CompanionApi;
import com.pixfino.studio.core.net.CompanionApiException;
import com.pixfino.studio.core.net.GenerationEventListener;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the queue current: listens to the server's event stream (and passes its balance changes on), and while the stream is down polls
 * instead and reconnects with backoff. UI thread only; stream callbacks are handed over by the TaskExecutor.
 */
public final class LiveUpdates {

    /** Where the updates come from right now. */
    public enum State {
        OFF,
        CONNECTING,
        LIVE,
        POLLING
    }

    /** What the live updates drive. */
    public interface Target {
        /** One generation changed. */
        void changed(UUID id);

        /** Anything may have changed (after a reconnect, or on a poll). */
        void resync();

        /** The balance changed on the server (a payment, a grant, a charge). */
        default void balanceChanged(BalanceEvent event) {}

        /** The server refused the stream (a revoked token): no point reconnecting. */
        void refused(Exception error);
    }

    private static final Logger LOG = LoggerFactory.getLogger(LiveUpdates.class);

    private final TaskExecutor tasks;
    private final Supplier<CompanionApi> api;
    private final Target target;
    private final Backoff backoff;
    private final Duration pollInterval;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.OFF);
    private Closeable stream;
    private Cancellable reconnect = Cancellable.NONE;
    private Cancellable poll = Cancellable.NONE;
    private int failures;
    private int connection;

    public LiveUpdates(
            TaskExecutor tasks, Supplier<CompanionApi> api, Target target, Backoff backoff, Duration pollInterval) {
        this.tasks = tasks;
        this.api = api;
        this.target = target;
        this.backoff = backoff;
        this.pollInterval = pollInterval;
    }

    public void start() {
        if (state.get() != State.OFF) {
            return;
        }
        failures = 0;
        connect();
    }

    /** The server is known to be back (a call went through): reconnect now instead of waiting out the backoff. */
    public void reconnectNow() {
        if (state.get() == State.POLLING) {
            reconnect.cancel();
            failures = 0;
            connect();
        }
    }

    public void stop() {
        connection++;
        reconnect.cancel();
        poll.cancel();
        closeStream();
        state.set(State.OFF);
    }

    private void connect() {
        int attempt = ++connection;
        if (state.get() != State.POLLING) {
            state.set(State.CONNECTING);
        }
        closeStream();
        // Callbacks of an older connection are ignored: only the latest attempt may change the state.
        stream = api.get().events(new GenerationEventListener() {
            @Override
            public void opened() {
                tasks.onUiThread(() -> whenCurrent(attempt, LiveUpdates.this::opened));
            }

            @Override
            public void event(GenerationEvent event) {
                tasks.onUiThread(() -> whenCurrent(attempt, () -> target.changed(event.generationId())));
            }

            @Override
            public void balance(BalanceEvent event) {
                tasks.onUiThread(() -> whenCurrent(attempt, () -> target.balanceChanged(event)));
            }

            @Override
            public void failed(Exception error) {
                tasks.onUiThread(() -> whenCurrent(attempt, () -> lost(error)));
            }
        });
    }

    private void whenCurrent(int attempt, Runnable action) {
        if (attempt == connection && state.get() != State.OFF) {
            action.run();
        }
    }

    private void opened() {
        failures = 0;
        poll.cancel();
        state.set(State.LIVE);
        target.resync(); // events sent while we were away are gone: catch up once
    }

    private void lost(Exception error) {
        if (error instanceof CompanionApiException refused && refused.statusCode() / 100 == 4) {
            LOG.warn("event=sse_refused status={} reason={}", refused.statusCode(), refused.getMessage());
            stop();
            target.refused(error);
            return;
        }
        LOG.info("event=sse_lost failures={} reason={}", failures, error.getMessage());
        closeStream();
        boolean alreadyPolling = state.get() == State.POLLING;
        state.set(State.POLLING);
        if (!alreadyPolling) {
            schedulePoll(Duration.ZERO);
        }
        Duration wait = backoff.delay(failures++);
        reconnect.cancel();
        reconnect = tasks.schedule(wait, this::connect);
    }

    private void schedulePoll(Duration delay) {
        poll.cancel();
        poll = tasks.schedule(delay, () -> {
            if (state.get() == State.POLLING) {
                target.resync();
                schedulePoll(pollInterval);
            }
        });
    }

    private void closeStream() {
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException e) {
                LOG.debug("event=sse_close_failed reason={}", e.getMessage());
            }
            stream = null;
        }
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** For tests and logs: how many times in a row the stream failed. */
    int failures() {
        return failures;
    }
}
