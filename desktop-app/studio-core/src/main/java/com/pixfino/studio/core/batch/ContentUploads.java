package com.pixfino.studio.core.batch;

import com.pixfino.model.api.UploadView;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.net.CompanionApi;
import com.pixfino.studio.core.net.CompanionApiException;
import com.pixfino.studio.core.photo.PhotoInfo;
import com.pixfino.studio.core.photo.PhotoPreparation;
import com.pixfino.studio.core.photo.PreparedPhoto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One upload per content hash, whatever the number of files and presets sharing it: prepared into the work folder,
 * uploaded, its id kept in the manifest, the prepared copy removed. A photo that cannot be decoded, or that the server
 * refuses as an image, is a reason to skip (remembered, so its other items skip at once).
 */
final class ContentUploads {

    /** Either the upload id or why the photo is skipped. */
    record Outcome(UUID uploadId, String skipReason) {}

    /** Shows the item's progress (PREPARING, UPLOADING) before the step runs. */
    interface Steps {
        void now(ItemStatus status) throws IOException;
    }

    private static final Set<Integer> NOT_AN_IMAGE = Set.of(400, 413, 415, 422);

    private final CompanionApi api;
    private final PhotoPreparation preparation;
    private final PatientCalls calls;
    private final BatchManifest manifest;
    private final Messages messages;
    private final Path workDir;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final Map<String, String> refusals = new ConcurrentHashMap<>();

    ContentUploads(
            CompanionApi api,
            PhotoPreparation preparation,
            PatientCalls calls,
            BatchManifest manifest,
            Messages messages,
            Path workDir) {
        this.api = api;
        this.preparation = preparation;
        this.calls = calls;
        this.manifest = manifest;
        this.messages = messages;
        this.workDir = workDir;
    }

    Outcome upload(String contentHash, String file, PhotoInfo photo, Steps steps) throws IOException {
        Outcome known = known(contentHash);
        if (known != null) {
            return known;
        }
        synchronized (locks.computeIfAbsent(contentHash, h -> new Object())) {
            known = known(contentHash);
            if (known != null) {
                return known;
            }
            steps.now(ItemStatus.PREPARING);
            PreparedPhoto prepared;
            try {
                prepared = preparation.prepare(photo, workDir);
            } catch (IOException e) {
                return refuse(contentHash, messages.get("batch.skipped.damaged", file, String.valueOf(e.getMessage())));
            }
            try {
                steps.now(ItemStatus.UPLOADING);
                UploadView uploaded = calls.call("upload", () -> api.upload(prepared.file(), prepared.contentType()));
                manifest.putUpload(contentHash, uploaded.id());
                return new Outcome(uploaded.id(), null);
            } catch (CompanionApiException e) {
                if (NOT_AN_IMAGE.contains(e.statusCode())) {
                    return refuse(contentHash, messages.get("batch.skipped.refused", e.getMessage()));
                }
                throw e;
            } finally {
                if (!prepared.file().equals(photo.file())) {
                    Files.deleteIfExists(prepared.file());
                }
            }
        }
    }

    private Outcome known(String contentHash) throws IOException {
        String refused = refusals.get(contentHash);
        if (refused != null) {
            return new Outcome(null, refused);
        }
        return manifest.uploadId(contentHash).map(id -> new Outcome(id, null)).orElse(null);
    }

    private Outcome refuse(String contentHash, String reason) {
        refusals.put(contentHash, reason);
        return new Outcome(null, reason);
    }
}
