package com.pixfino.server.generation;

import com.pixfino.model.MediaKind;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/** Where accepted generations go to be worked on. */
public interface JobQueue {

    /** Makes sure a job for this generation is queued; calling it twice is harmless. */
    void enqueue(UUID generationId);

    /**
     * The db-scheduler task name under which a create may write its job's row itself, in the statement that pays for
     * it; empty (the default) means the create calls {@link #enqueue} after its commit instead.
     */
    default Optional<String> taskWrittenByCreate() {
        return Optional.empty();
    }

    /** A create wrote its job's row itself (see {@link #taskWrittenByCreate}): start it now, not at the next poll. */
    default void writtenByCreate(UUID generationId) {}

    /**
     * Whether a generation of this preset could start now: empty when a provider that can run it takes
     * calls, else how long until the first of them is tried again (every one has an open breaker).
     */
    default Optional<Duration> pausedFor(String presetProvider, String presetModel, MediaKind kind) {
        return Optional.empty();
    }

    /** Asks the generation's provider to stop its job, in the background; a null job id (never submitted) stops nothing. */
    void cancelAtProvider(String provider, String providerJobId);

    /**
     * Brings the job's next poll forward to now (a provider's webhook says it finished). Ignoring it is
     * safe: the regular poll still comes.
     */
    default void pollNow(UUID generationId) {}
}
