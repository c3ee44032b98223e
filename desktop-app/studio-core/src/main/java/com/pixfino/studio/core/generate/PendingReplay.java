package com.pixfino.studio.core.generate;

import com.pixfino.model.api.CreateGenerationRequest;
import com.pixfino.model.api.GenerationAccepted;
import com.pixfino.model.api.GenerationView;
import com.pixfino.model.api.Page;
import com.pixfino.model.api.UploadView;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.net.CompanionApi;
import com.pixfino.studio.core.net.CompanionApiException;
import com.pixfino.studio.core.net.CompanionHttpException;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the generations that waited for the server, oldest first, each exactly once: the photo is uploaded (the server
 * keeps one copy per content) and the generation created under the key chosen when Generate was pressed, so a lost
 * answer or a crash before the row is removed only makes the next replay get the first answer again, never a second
 * charge. A refusal is kept with the server's sentence; the network or a server in trouble stops the replay, and
 * every request not sent yet keeps waiting. Blocking: call off the UI thread.
 */
public final class PendingReplay {

    /** One request the server accepted (the row is gone) and its answer. */
    public record Sent(PendingGeneration request, GenerationAccepted accepted) {}

    /**
     * What one replay did: {@code sent} in order, {@code refused} (kept with the server's sentence), and what stopped
     * it before the end, if anything (the rest still waits).
     */
    public record Outcome(List<Sent> sent, List<PendingGeneration> refused, Optional<Exception> stoppedBy) {

        public boolean finished() {
            return stoppedBy.isEmpty();
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(PendingReplay.class);

    /**
     * How long the server's memory of an Idempotency-Key is trusted (it keeps keys 24 h): a request first sent longer
     * ago is looked for among the account's generations before it is sent again, so a lost answer followed by a day
     * offline still cannot charge twice.
     */
    static final Duration KEY_TRUSTED = Duration.ofHours(23);

    private static final Duration CLOCK_SLACK = Duration.ofMinutes(10);
    private static final int PAGE = 100;
    private static final int MAX_PAGES = 20;

    private final PendingGenerations store;
    private final Messages messages;
    private final Clock clock;

    public PendingReplay(PendingGenerations store, Messages messages) {
        this(store, messages, Clock.systemUTC());
    }

    public PendingReplay(PendingGenerations store, Messages messages, Clock clock) {
        this.store = store;
        this.messages = messages;
        this.clock = clock;
    }

    /** Sends every waiting request of {@code owner} through {@code api}; one replay at a time. */
    public synchronized Outcome replay(CompanionApi api, String owner) throws IOException {
        List<Sent> sent = new ArrayList<>();
        List<PendingGeneration> refused = new ArrayList<>();
        Map<String, UUID> uploadedCopies = new HashMap<>(); // the takes of one request share one photo copy
        for (PendingGeneration request : store.list(owner)) {
            if (!request.isWaiting()) {
                continue;
            }
            if (request.uploadId() == null && !Files.isReadable(request.photo())) {
                String reason = messages.get("pending.photoGone");
                store.failed(request.id(), reason);
                refused.add(store.find(request.id()).orElse(request));
                continue;
            }
            try {
                GenerationAccepted accepted = send(api, request, uploadedCopies);
                store.remove(request.id());
                LOG.info(
                        "event=pending_sent request={} generation={} credits={}",
                        request.id(),
                        accepted.id(),
                        accepted.creditsCharged());
                sent.add(new Sent(request, accepted));
            } catch (IOException | RuntimeException e) {
                if (isTransient(e)) {
                    LOG.info("event=pending_replay_stopped request={} reason={}", request.id(), e.getMessage());
                    return new Outcome(sent, refused, Optional.of(e));
                }
                LOG.info("event=pending_refused request={} reason={}", request.id(), e.getMessage());
                store.failed(request.id(), reasonFor(request, e));
                refused.add(store.find(request.id()).orElse(request));
            }
        }
        return new Outcome(sent, refused, Optional.empty());
    }

    /**
     * Takes a request back before it is sent; false if a replay sent it first (then it is a job in the queue, and
     * canceling it there refunds it). Waits for a replay under way, so a request is never both withdrawn and sent.
     */
    public synchronized boolean withdraw(long id) throws IOException {
        return store.remove(id);
    }

    /** Forgets a request the server refused (nothing was charged). */
    public synchronized boolean dismiss(long id) throws IOException {
        return store.remove(id);
    }

    private GenerationAccepted send(CompanionApi api, PendingGeneration request, Map<String, UUID> uploadedCopies)
            throws IOException {
        PendingGeneration current = request;
        if (current.uploadId() == null) {
            String copy = current.photo().getFileName().toString();
            UUID uploadId = uploadedCopies.get(copy);
            if (uploadId == null) {
                UploadView upload = api.upload(current.photo(), current.contentType());
                uploadId = upload.id();
            }
            store.uploaded(current.id(), uploadId);
            current = store.find(current.id()).orElseThrow();
            uploadedCopies.put(copy, uploadId);
        }
        if (current.firstSentAt() != null
                && clock.instant().isAfter(current.firstSentAt().plus(KEY_TRUSTED))) {
            Optional<GenerationView> arrived = arrivedEarlier(api, current);
            if (arrived.isPresent()) {
                GenerationView view = arrived.get();
                return new GenerationAccepted(view.id(), view.status(), view.creditsCharged());
            }
        }
        store.sending(current.id(), clock.instant());
        TakeSettings take = current.settings();
        return api.createGeneration(
                new CreateGenerationRequest(
                        current.presetId(),
                        current.uploadId(),
                        current.prompt(),
                        take.negativePrompt(),
                        take.aspectRatio(),
                        take.seed(),
                        take.groupId(),
                        take.styleId()),
                current.idempotencyKey());
    }

    /** The generation an earlier attempt made, if its answer was lost: same photo, style and prompt, made since. */
    private static Optional<GenerationView> arrivedEarlier(CompanionApi api, PendingGeneration request)
            throws IOException {
        Instant since = request.firstSentAt().minus(CLOCK_SLACK);
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            Page<GenerationView> found = api.generations(null, cursor, PAGE);
            for (GenerationView view : found.items()) {
                if (view.createdAt() != null && view.createdAt().toInstant().isBefore(since)) {
                    return Optional.empty(); // newest first: nothing older can be it
                }
                if (request.uploadId().equals(view.uploadId())
                        && request.presetId() == view.presetId()
                        && Objects.equals(request.prompt(), view.prompt())
                        && (request.settings().seed() == null
                                || request.settings().seed().equals(view.seed()))) {
                    return Optional.of(view);
                }
            }
            cursor = found.nextCursor();
            if (cursor == null) {
                break;
            }
        }
        return Optional.empty();
    }

    /**
     * Worth trying again later, with the request left waiting: anything but a refusal of the request itself: the
     * network, a server in trouble or asking to slow down, a refused token (the user signs in again; the request is
     * not at fault), the same key still in flight from an attempt whose answer was lost, or an answer not understood
     * (the server may have charged; the key makes the next attempt free).
     */
    public static boolean isTransient(Exception error) {
        if (!(error instanceof CompanionHttpException http)) {
            return true;
        }
        int status = http.statusCode();
        if (status >= 500 || status == 429 || status == 408 || status == 401 || status < 400) {
            return true;
        }
        // The server words the in-flight case differently from a key reused for another request (a real refusal).
        return status == 409
                && error instanceof CompanionApiException api
                && "idempotency_conflict".equals(api.code())
                && api.getMessage() != null
                && api.getMessage().contains("right now");
    }

    private String reasonFor(PendingGeneration request, Exception error) {
        if (request.photo() == null && PhotoSource.expired(error)) {
            return messages.get("useAgain.expired"); // made from a past result whose photo the server let go
        }
        String said = error.getMessage();
        return said == null || said.isBlank() ? messages.get("pending.refusedNoReason") : said;
    }
}
