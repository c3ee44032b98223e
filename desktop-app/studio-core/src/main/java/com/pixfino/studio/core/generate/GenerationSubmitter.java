package com.pixfino.studio.core.generate;

import com.pixfino.model.api.GenerationAccepted;
import com.pixfino.model.api.UploadView;
import com.pixfino.studio.core.net.CompanionApi;
import com.pixfino.studio.core.net.FailureMessages;
import com.pixfino.studio.core.photo.PhotoInfo;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Submits generations so that none is paid for twice: a request that failed on the network keeps its takes' keys,
 * seeds and group, so sending the same request again gets the first answers; one photo is uploaded once for any
 * number of takes and generations. Blocking: call off the UI thread. Shared by the studio, the batch engine and the
 * CLI.
 */
public final class GenerationSubmitter {

    /** One take of a request: its seed (null: the server's choice) and its own Idempotency-Key. */
    private record Take(Long seed, String idempotencyKey) {}

    /** One request, remembered with its group and takes until the server has answered every take. */
    private record Attempt(PhotoSource photo, Takes takes, UUID groupId, List<Take> each) {
        boolean sameRequest(PhotoSource otherPhoto, Takes otherTakes) {
            return sameFile(photo, otherPhoto) && takes.equals(otherTakes);
        }

        private static boolean sameFile(PhotoSource one, PhotoSource other) {
            if (one instanceof PhotoSource.Local a && other instanceof PhotoSource.Local b) {
                return a.photo().file().equals(b.photo().file());
            }
            return one.equals(other);
        }
    }

    /**
     * What one submit did: the takes the server accepted, in order, and what stopped the rest, if anything (a
     * refusal, such as 402 on the third take, or the network).
     */
    public record Submitted(List<GenerationAccepted> accepted, UUID groupId, List<Long> seeds, Exception stoppedBy) {

        public boolean complete() {
            return stoppedBy == null;
        }
    }

    private final RandomGenerator random;
    private Attempt pending;
    private PhotoInfo uploadedPhoto;
    private UploadView upload;

    public GenerationSubmitter() {
        this(new SecureRandom());
    }

    GenerationSubmitter(RandomGenerator random) {
        this.random = random;
    }

    /** One take with the preset's format; throws what stopped it. */
    public GenerationAccepted submit(CompanionApi api, PhotoInfo photo, long presetId, String prompt)
            throws IOException {
        Submitted submitted = submit(api, photo, Takes.single(presetId, prompt));
        return submitted.accepted().get(0); // one take: it was accepted, or submit threw
    }

    /**
     * Uploads the photo unless it already was, then creates each take under its own key, one after the other. A
     * network failure keeps the request, so the same request again re-sends every take under the same keys (the
     * ones that arrived are answered, not charged again); a refusal ends it. Throws when no take was accepted;
     * otherwise {@link Submitted#stoppedBy()} says what stopped the rest.
     */
    public Submitted submit(CompanionApi api, PhotoInfo photo, Takes takes) throws IOException {
        return submit(api, PhotoSource.local(photo), takes);
    }

    /**
     * As {@link #submit(CompanionApi, PhotoInfo, Takes)}, from a local file or from a photo the server already has
     * (sent by its upload id, never uploaded again; an expired one is refused with 404 or 410 before any charge).
     */
    public Submitted submit(CompanionApi api, PhotoSource photo, Takes takes) throws IOException {
        Attempt attempt = attemptFor(photo, takes);
        List<Long> seeds = attempt.each().stream().map(Take::seed).toList();
        List<GenerationAccepted> accepted = new ArrayList<>();
        try {
            UUID uploadId = uploadOnce(api, photo);
            for (Take take : attempt.each()) {
                accepted.add(api.createGeneration(
                        takes.request(uploadId, take.seed(), attempt.groupId()), take.idempotencyKey()));
            }
            settle(attempt);
            return new Submitted(accepted, attempt.groupId(), seeds, null);
        } catch (IOException | RuntimeException e) {
            // After a network failure the server may have charged already; the same keys make a retry free.
            if (!FailureMessages.isNetwork(e)) {
                settle(attempt);
            }
            if (accepted.isEmpty()) {
                throw e;
            }
            return new Submitted(accepted, attempt.groupId(), seeds, e);
        }
    }

    /** Forgets the pending request and the uploaded photo (sign-out, another account). */
    public synchronized void reset() {
        pending = null;
        upload = null;
        uploadedPhoto = null;
    }

    private synchronized Attempt attemptFor(PhotoSource photo, Takes takes) {
        if (pending == null || !pending.sameRequest(photo, takes)) {
            List<Take> each = new ArrayList<>();
            for (Long seed : takes.seeds(random)) {
                each.add(new Take(seed, UUID.randomUUID().toString()));
            }
            pending = new Attempt(photo, takes, UUID.randomUUID(), List.copyOf(each));
        }
        return pending;
    }

    private synchronized void settle(Attempt attempt) {
        if (pending == attempt) {
            pending = null;
        }
    }

    private synchronized UUID uploadOnce(CompanionApi api, PhotoSource source) throws IOException {
        if (source instanceof PhotoSource.Uploaded earlier) {
            return earlier.uploadId(); // the server still has it (or says it expired): never uploaded again
        }
        PhotoInfo photo = ((PhotoSource.Local) source).photo();
        if (upload == null || !photo.equals(uploadedPhoto)) {
            upload = null;
            upload = api.upload(photo.file(), photo.contentType());
            uploadedPhoto = photo;
        }
        return upload.id();
    }
}
