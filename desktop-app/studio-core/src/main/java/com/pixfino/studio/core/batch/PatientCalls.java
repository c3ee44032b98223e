package com.pixfino.studio.core.batch;

import com.pixfino.studio.core.net.CompanionHttpException;
import com.pixfino.studio.core.net.FailureMessages;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repeats one server call, unchanged, while the server asks to wait (429 or 503, for as long as its Retry-After says)
 * or the network fails (a few times, with doubling backoff). A create is repeated with the same Idempotency-Key and
 * body, so the server charges it once however often it arrives.
 */
final class PatientCalls {

    private static final Logger LOG = LoggerFactory.getLogger(PatientCalls.class);

    interface Call<T> {
        T run() throws IOException;
    }

    /** Waits, waking early when the run stops: false then, and the call gives up. */
    interface Sleeper {
        boolean sleep(Duration wait);
    }

    /** The run stopped while a call was waiting to be repeated. */
    static final class Interrupted extends RuntimeException {
        Interrupted() {
            super("the batch run stopped", null, false, false);
        }
    }

    private final BatchTuning tuning;
    private final Sleeper sleeper;

    PatientCalls(BatchTuning tuning, Sleeper sleeper) {
        this.tuning = tuning;
        this.sleeper = sleeper;
    }

    <T> T call(String what, Call<T> call) throws IOException {
        int busy = 0;
        int network = 0;
        while (true) {
            try {
                return call.run();
            } catch (CompanionHttpException e) {
                boolean asksToWait = e.statusCode() == 429
                        || (e.statusCode() == 503 && e.retryAfter().isPresent());
                if (!asksToWait || ++busy > tuning.busyRetries()) {
                    throw e;
                }
                Duration wait = e.retryAfter().orElse(tuning.busyWait());
                LOG.info("event=batch_server_busy call={} status={} wait_ms={}", what, e.statusCode(), wait.toMillis());
                pause(wait);
            } catch (IOException e) {
                if (!FailureMessages.isNetwork(e) || ++network > tuning.networkRetries()) {
                    throw e;
                }
                Duration wait = tuning.networkBackoff().multipliedBy(1L << (network - 1));
                LOG.info("event=batch_network_retry call={} try={} wait_ms={}", what, network, wait.toMillis());
                pause(wait);
            }
        }
    }

    private void pause(Duration wait) {
        if (!sleeper.sleep(wait)) {
            throw new Interrupted();
        }
    }
}
