package com.pixfino.studio.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.GenerationStatus;
import com.pixfino.model.api.GenerationEvent;
import com.pixfino.model.api.billing.BalanceEvent;
import com.pixfino.studio.core.net.CompanionApiException;
import com.pixfino.studio.core.net.GenerationEventListener;
import com.pixfino.studio.testsupport.CurrentThreadTaskExecutor;
import com.pixfino.studio.testsupport.FakeCompanionApi;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LiveUpdatesTest {

    private final CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
    private final FakeCompanionApi api = new FakeCompanionApi();
    private final List<String> calls = new ArrayList<>();
    private LiveUpdates live;

    @BeforeEach
    void setUp() {
        LiveUpdates.Target target = new LiveUpdates.Target() {
            @Override
            public void changed(UUID id) {
                calls.add("changed " + id);
            }

            @Override
            public void resync() {
                calls.add("resync");
            }

            @Override
            public void refused(Exception error) {
                calls.add("refused " + error.getMessage());
            }

            @Override
            public void balanceChanged(BalanceEvent event) {
                calls.add("balance " + event.credits() + " " + event.reason());
            }
        };
        live = new LiveUpdates(tasks, () -> api, target, Backoff.DEFAULT, Duration.ofSeconds(5));
    }

    private GenerationEventListener stream() {
        return api.listeners.get(api.listeners.size() - 1);
    }

    @Test
    void catchesUpWhenTheStreamOpensThenFollowsEvents() {
        live.start();
        assertThat(live.stateProperty().get()).isEqualTo(LiveUpdates.State.CONNECTING);

        stream().opened();
        UUID id = UUID.randomUUID();
        stream().event(new GenerationEvent(id, GenerationStatus.RUNNING, false));

        assertThat(live.stateProperty().get()).isEqualTo(LiveUpdates.State.LIVE);
        assertThat(calls).containsExactly("resync", "changed " + id);
    }

    @Test
    void passesBalanceChangesOnButNotThoseOfAStreamItLeft() {
        live.start();
        GenerationEventListener first = stream();
        first.opened();
        first.balance(new BalanceEvent(55, "purchase"));
        first.failed(new IOException("stream reset"));
        tasks.runScheduled(); // poll, and reconnect
        calls.clear();

        first.balance(new BalanceEvent(99, "grant")); // late news of the dropped connection
        stream().balance(new BalanceEvent(51, "debit"));

        assertThat(calls).containsExactly("balance 51 debit");
    }

    @Test
    void pollsWhileTheStreamIsDownAndReconnectsWithGrowingWaits() {
        live.start();
        stream().opened();
        calls.clear();

        stream().failed(new IOException("stream reset"));

        assertThat(live.stateProperty().get()).isEqualTo(LiveUpdates.State.POLLING);
        assertThat(tasks.scheduledDelays()).containsExactly(Duration.ZERO, Duration.ofSeconds(1));
        tasks.runScheduled(); // poll now, reconnect after 1 s
        assertThat(calls).containsExactly("resync");
        assertThat(api.listeners).hasSize(1);
        assertThat(tasks.scheduledDelays()).containsExactly(Duration.ofSeconds(5)); // the next poll

        stream().failed(new IOException("connection refused"));
        assertThat(tasks.scheduledDelays()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(2));
        tasks.runScheduled();
        stream().failed(new IOException("connection refused"));
        assertThat(tasks.scheduledDelays()).contains(Duration.ofSeconds(4));

        tasks.runScheduled();
        stream().opened();

        assertThat(live.stateProperty().get()).isEqualTo(LiveUpdates.State.LIVE);
        assertThat(live.failures()).isZero();
        assertThat(tasks.scheduledDelays()).isEmpty(); // polling stopped once live again
    }

    @Test
    void reconnectsAtOnceWhenTheServerIsKnownToBeBack() {
        live.start();
        stream().failed(new IOException("refused"));
        assertThat(api.listeners).isEmpty();
        assertThat(tasks.scheduledDelays()).containsExactly(Duration.ZERO, Duration.ofSeconds(1));

        live.reconnectNow();

        assertThat(api.listeners).hasSize(1);
        assertThat(tasks.scheduledDelays()).containsExactly(Duration.ZERO); // the waiting reconnect was dropped
        stream().opened();
        assertThat(live.stateProperty().get()).isEqualTo(LiveUpdates.State.LIVE);
    }

    @Test
    void aRefusedStreamIsNotRetried() {
        live.start();

        stream().failed(new CompanionApiException(401, "unauthorized", "Sign in again."));

        assertThat(live.stateProperty().get()).isEqualTo(LiveUpdates.State.OFF);
        assertThat(calls).containsExactly("refused Sign in again.");
        assertThat(tasks.scheduledDelays()).isEmpty();
    }

    @Test
    void callbacksOfAReplacedStreamAreIgnored() {
        live.start();
        GenerationEventListener old = stream();
        old.failed(new IOException("reset"));
        tasks.runScheduled();
        calls.clear();

        old.event(new GenerationEvent(UUID.randomUUID(), GenerationStatus.COMPLETED, false));
        old.opened();

        assertThat(calls).isEmpty();
        assertThat(live.stateProperty().get()).isEqualTo(LiveUpdates.State.POLLING);
    }

    @Test
    void stopClosesTheStream() {
        live.start();

        live.stop();

        assertThat(api.closedStreams).isEqualTo(1);
        assertThat(live.stateProperty().get()).isEqualTo(LiveUpdates.State.OFF);
    }

    @Test
    void backoffDoublesUpToItsLimit() {
        assertThat(Backoff.DEFAULT.delay(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(Backoff.DEFAULT.delay(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(Backoff.DEFAULT.delay(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Backoff.DEFAULT.delay(500)).isEqualTo(Duration.ofSeconds(30));
    }
}
