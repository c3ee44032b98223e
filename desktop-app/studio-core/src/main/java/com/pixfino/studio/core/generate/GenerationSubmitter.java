package com.pixfino.studio.core.generate;

import com.pixfino.model.api.CreateGenerationRequest;
import com.pixfino.model.api.GenerationAccepted;
import com.pixfino.model.api.UploadView;
import com.pixfino.studio.core.net.CompanionApi;
import com.pixfino.studio.core.net.FailureMessages;
import com.pixfino.studio.core.photo.PhotoInfo;
import java.io.IOException;
import java.util.Objects;
import java.util.UUID;

/**
 * Submits a generation so that it is never paid for twice: a request that failed on the network keeps its
 * Idempotency-Key, so sending the same request again gets the first answer; one photo is uploaded once for
 * any number of generations. Blocking: call off the UI thread. Shared by the studio, the batch engine and the CLI.
 */
public final class GenerationSubmitter {

    /** One request, remembered with its key until the server has answered it. */
    private record Attempt(PhotoInfo photo, long presetId, String prompt, String idempotencyKey) {
        boolean sameRequest(PhotoInfo otherPhoto, long otherPreset, String otherPrompt) {
            return photo.file().equals(otherPhoto.file())
                    && presetId == otherPreset
                    && Objects.equals(prompt, otherPrompt);
        }
    }

    private Attempt pending;
    private PhotoInfo uploadedPhoto;
    private UploadView upload;

    /** Uploads the photo unless it already was, then creates the generation under this request's key. */
    public GenerationAccepted submit(CompanionApi api, PhotoInfo photo, long presetId, String prompt)
            throws IOException {
        Attempt attempt = attemptFor(photo, presetId, prompt);
        try {
            UploadView uploaded = uploadOnce(api, photo);
            GenerationAccepted accepted = api.createGeneration(
                    new CreateGenerationRequest(presetId, uploaded.id(), prompt), attempt.idempotencyKey());
            settle(attempt);
            return accepted;
        } catch (IOException | RuntimeException e) {
            // After a network failure the server may have charged already; the same key makes a retry free.
            if (!FailureMessages.isNetwork(e)) {
                settle(attempt);
            }
            throw e;
        }
    }

    /** Forgets the pending request and the uploaded photo (sign-out, another account). */
    public synchronized void reset() {
        pending = null;
        upload = null;
        uploadedPhoto = null;
    }

    private synchronized Attempt attemptFor(PhotoInfo photo, long presetId, String prompt) {
        if (pending == null || !pending.sameRequest(photo, presetId, prompt)) {
            pending = new Attempt(photo, presetId, prompt, UUID.randomUUID().toString());
        }
        return pending;
    }

    private synchronized void settle(Attempt attempt) {
        if (pending == attempt) {
            pending = null;
        }
    }

    private synchronized UploadView uploadOnce(CompanionApi api, PhotoInfo photo) throws IOException {
        if (upload == null || !photo.equals(uploadedPhoto)) {
            upload = api.upload(photo.file(), photo.contentType());
            uploadedPhoto = photo;
        }
        return upload;
    }
}
