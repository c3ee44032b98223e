package com.pixfino.server.generation;

import static com.pixfino.server.db.jooq.Tables.PRESETS;
import static com.pixfino.server.db.jooq.Tables.UPLOADS;

import com.pixfino.model.AspectRatio;
import com.pixfino.model.GenerationStatus;
import com.pixfino.server.db.jooq.tables.records.GenerationsRecord;
import com.pixfino.server.db.jooq.tables.records.PresetsRecord;
import com.pixfino.server.db.jooq.tables.records.UploadsRecord;
import com.pixfino.server.providers.CallDeadline;
import com.pixfino.server.providers.CallDeadlineExceededException;
import com.pixfino.server.providers.GuardedProvider;
import com.pixfino.server.providers.ProviderException;
import com.pixfino.server.providers.ProviderPoll;
import com.pixfino.server.providers.ProviderRegistry;
import com.pixfino.server.providers.ProviderRequest;
import com.pixfino.server.providers.ProviderRoute;
import com.pixfino.server.providers.ProviderUnavailableException;
import com.pixfino.server.storage.Storage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One step of a generation's life, run by the job queue until it says {@link Step.Done}: submit to
 * the provider, then poll until a result, a failure or the deadline. Every step starts from what
 * the database says, so a step repeated after a crash does no harm. Every provider call and result
 * download is bounded by the generation's deadline, so a provider that stops answering cannot hold
 * a job past it.
 */
public final class GenerationJob {

    private static final Logger log = LoggerFactory.getLogger(GenerationJob.class);

    /** What the queue does next with this job. */
    public sealed interface Step {
        record Done() implements Step {}

        record PollAt(Instant at) implements Step {}
    }

    private final DSLContext dsl;
    private final GenerationStore store;
    private final ProviderRegistry providers;
    private final OutputStore outputs;
    private final Storage storage;
    private final JobSettings settings;
    private final Clock clock;
    private final ProviderFailover failover;
    private final SafetyRefusals refusals;

    /** @param refusals told of each generation a provider's safety check refused */
    public GenerationJob(
            DSLContext dsl,
            GenerationStore store,
            ProviderRegistry providers,
            OutputStore outputs,
            Storage storage,
            JobSettings settings,
            Clock clock,
            SafetyRefusals refusals) {
        this.refusals = refusals;
        this.dsl = dsl;
        this.store = store;
        this.providers = providers;
        this.outputs = outputs;
        this.storage = storage;
        this.settings = settings;
        this.clock = clock;
        this.failover = new ProviderFailover(store);
    }

    public Step step(UUID id) {
        GenerationsRecord row = store.find(id).orElse(null);
        if (row == null || row.getStatus().isFinal()) {
            return new Step.Done();
        }
        PresetsRecord preset =
                dsl.selectFrom(PRESETS).where(PRESETS.ID.eq(row.getPresetId())).fetchOne();
        ProviderRequest request = request(row, preset);
        List<ProviderRoute> routes = providers.routes(preset.getProvider(), preset.getModel(), request.kind());
        if (row.getStatus() == GenerationStatus.PENDING) {
            // read before markRunning stores now + timeout, so ours is never the later of the two
            Instant deadline = Instant.now(clock).plus(settings.timeout());
            if (!store.markRunning(id, routes.get(0).name(), routes.get(0).model(), settings.timeout())) {
                return new Step.PollAt(Instant.now(clock));
            }
            return submit(id, routes, request, deadline);
        }
        Instant deadline = deadlineOf(row);
        GuardedProvider provider = providers.named(row.getProvider()).orElse(null);
        if (provider == null) {
            fail(id, "provider_gone", "The service that was making this result is no longer configured on the server.");
            return new Step.Done();
        }
        if (row.getProviderJobId() == null) {
            // the server stopped between marking it running and recording the submission
            return submit(
                    id,
                    ProviderFailover.resumeFrom(routes, new ProviderRoute(provider, request.model())),
                    request,
                    deadline);
        }
        if (!Instant.now(clock).isBefore(deadline)) {
            timedOut(id, provider.name(), provider, row.getProviderJobId());
            return new Step.Done();
        }
        return poll(row, provider, request, deadline);
    }

    private Step submit(UUID id, List<ProviderRoute> routes, ProviderRequest request, Instant deadline) {
        ProviderException refusal = failover.submit(id, routes, request, CallDeadline.at(deadline, clock));
        if (refusal instanceof CallDeadlineExceededException late) {
            timedOut(id, late.provider(), null, null);
            return new Step.Done();
        }
        if (refusal != null) {
            fail(id, refusal.code(), refusal.getMessage());
            return new Step.Done();
        }
        return new Step.PollAt(Instant.now(clock));
    }

    private Step poll(GenerationsRecord row, GuardedProvider provider, ProviderRequest request, Instant deadline) {
        UUID id = row.getId();
        ProviderPoll answer;
        try {
            answer = provider.poll(row.getProviderJobId(), request, CallDeadline.at(deadline, clock));
        } catch (CallDeadlineExceededException e) {
            timedOut(id, provider.name(), provider, row.getProviderJobId());
            return new Step.Done();
        } catch (ProviderUnavailableException e) {
            // the job itself may be fine: look again after the pause, until the deadline
            return later(deadline);
        } catch (ProviderException e) {
            fail(id, e.code(), e.getMessage());
            return new Step.Done();
        }
        if (answer instanceof ProviderPoll.Running) {
            store.recordPoll(id);
            return later(deadline);
        }
        if (answer instanceof ProviderPoll.Failed failed) {
            fail(id, failed.code(), failed.message());
            return new Step.Done();
        }
        ProviderPoll.Succeeded done = (ProviderPoll.Succeeded) answer;
        if (done.outputs().isEmpty()) {
            fail(id, "malformed_output", "The " + provider.name() + " service finished without a result.");
            return new Step.Done();
        }
        StoredOutput stored;
        try {
            stored = outputs.store(row.getUserId(), id, done.outputs().get(0), CallDeadline.at(deadline, clock));
        } catch (CallDeadlineExceededException e) {
            timedOut(id, provider.name(), null, null);
            return new Step.Done();
        } catch (ProviderException e) {
            if (e.isTransient()) {
                return later(deadline);
            }
            fail(id, e.code(), e.getMessage());
            return new Step.Done();
        }
        if (store.complete(id, stored, done.costUsd())) {
            log.info("event=generation_completed generation={} provider={}", id, provider.name());
        } else {
            outputs.discard(stored);
        }
        return new Step.Done();
    }

    /** Out of time: failed and refunded first, so the user does not wait for the cancel; then the provider is told to stop. */
    private void timedOut(UUID id, String providerName, GuardedProvider cancelAt, String providerJobId) {
        fail(
                id,
                "timeout",
                "The " + providerName + " service did not finish within " + describe(settings.timeout()) + ".");
        if (cancelAt != null && providerJobId != null) {
            cancelAt.cancel(providerJobId);
        }
    }

    private void fail(UUID id, String code, String message) {
        if (store.fail(id, code, message)) {
            log.info("event=generation_failed generation={} code={}", id, code);
            if (ProviderException.SAFETY_REFUSAL.equals(code)) {
                safetyRefused(id, message);
            }
        }
    }

    /** The refund is done; a flag that cannot be written is logged, never a reason to fail the job's step. */
    private void safetyRefused(UUID id, String message) {
        try {
            refusals.refused(id, message);
        } catch (RuntimeException e) {
            log.warn("event=safety_flag_failed generation={} message={}", id, e.getMessage());
        }
    }

    /** The next poll, but never after the deadline: that is when the job must end. */
    private Step later(Instant deadline) {
        Instant next = Instant.now(clock).plus(settings.pollInterval());
        return new Step.PollAt(next.isAfter(deadline) ? deadline : next);
    }

    private Instant deadlineOf(GenerationsRecord row) {
        if (row.getDeadlineAt() != null) {
            return row.getDeadlineAt().toInstant();
        }
        OffsetDateTime started = row.getStartedAt() != null ? row.getStartedAt() : OffsetDateTime.now(clock);
        return started.toInstant().plus(settings.timeout());
    }

    private static String describe(Duration timeout) {
        long seconds = timeout.toSeconds();
        return seconds % 60 == 0 ? (seconds / 60) + (seconds == 60 ? " minute" : " minutes") : seconds + " s";
    }

    private ProviderRequest request(GenerationsRecord row, PresetsRecord preset) {
        String template = preset.getPromptTemplate();
        String prompt = template.replace("{prompt}", row.getPrompt() == null ? "" : row.getPrompt())
                .trim();
        // after a failover the row names the model of the provider that took the job
        String model = row.getModel() != null ? row.getModel() : preset.getModel();
        return new ProviderRequest(
                row.getId(),
                row.getMediaKind(),
                model,
                prompt,
                row.getNegativePrompt() != null ? row.getNegativePrompt() : preset.getNegativePrompt(),
                preset.getRecipe(),
                preset.getDurationSeconds(),
                AspectRatio.parse(row.getAspectRatio()).orElse(null),
                row.getSeed(),
                memoized(() -> input(row)));
    }

    private ProviderRequest.InputImage input(GenerationsRecord row) {
        UploadsRecord upload = row.getUploadId() == null
                ? null
                : dsl.selectFrom(UPLOADS)
                        .where(UPLOADS.ID.eq(row.getUploadId()))
                        .fetchOne();
        if (upload == null) {
            throw ProviderException.permanent(
                    "input_deleted", "The photo for this generation was deleted before it ran.");
        }
        try (InputStream in = storage.open(upload.getStorageKey())) {
            // a link the provider can fetch a large photo from, alive until well after the job's deadline
            URI link = storage.presignedGet(
                            upload.getStorageKey(), settings.timeout().plusMinutes(10))
                    .orElse(null);
            return new ProviderRequest.InputImage(
                    in.readAllBytes(), upload.getContentType(), upload.getWidth(), upload.getHeight(), link);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> Supplier<T> memoized(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
