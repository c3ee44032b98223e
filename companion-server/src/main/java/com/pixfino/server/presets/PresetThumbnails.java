package com.pixfino.server.presets;

import static com.pixfino.server.db.jooq.Tables.PRESETS;

import com.pixfino.model.ApiPaths;
import com.pixfino.server.concurrent.ServerThreads;
import com.pixfino.server.db.jooq.tables.records.PresetsRecord;
import com.pixfino.server.domain.DomainException;
import com.pixfino.server.domain.Sha256;
import com.pixfino.server.storage.Storage;
import com.pixfino.server.storage.StoredFileNotFoundException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The presets' preview pictures: JPEG files in {@link Storage} named by their content, the row holding the key, the
 * SHA-256 (the ETag) and the source. Presets without one get a preview rendered in the background by the local
 * renderer, once: a restart renders only what is still missing, and a render never replaces an admin's upload.
 */
public final class PresetThumbnails implements AutoCloseable {

    /** Where a row's picture came from. */
    public enum Source {
        RENDERED,
        UPLOADED
    }

    /** A stored picture to serve. */
    public record Picture(InputStream content, String contentType, String etag) {}

    /** A picture a row points at: its storage key, SHA-256 and source (all null: none). */
    public record Change(String key, String sha256, String source) {}

    /** The largest picture an admin may upload. */
    public static final long MAX_UPLOAD_BYTES = 5L * 1024 * 1024;

    static final String CONTENT_TYPE = "image/jpeg";
    private static final Logger log = LoggerFactory.getLogger(PresetThumbnails.class);

    private final DSLContext dsl;
    private final Storage storage;
    private final PresetPreviewRenderer renderer;
    private final ExecutorService worker;
    private final Object passes = new Object();
    private CompletableFuture<Integer> queued; // a pass waiting for the worker
    private CompletableFuture<Integer> lastPass = CompletableFuture.completedFuture(0);
    private volatile boolean closed;

    public PresetThumbnails(DSLContext dsl, Storage storage, PresetPreviewRenderer renderer) {
        this.dsl = dsl;
        this.storage = storage;
        this.renderer = renderer;
        this.worker = ServerThreads.named("preset-previews").fixedPool(1);
    }

    /** The public link of a preset's picture, or null while it has none. */
    public static String url(PresetsRecord preset) {
        return preset.getThumbnailKey() == null
                ? null
                : ApiPaths.PRESET_THUMBNAIL.replace("{id}", preset.getId().toString());
    }

    /** The ETag of a picture: its SHA-256, quoted. */
    public static String etag(String sha256) {
        return "\"" + sha256 + "\"";
    }

    /**
     * An active preset's picture.
     *
     * @throws DomainException 404 for an unknown or inactive preset, and for one whose preview is not rendered yet
     */
    public Picture picture(long presetId) {
        PresetsRecord preset = dsl.selectFrom(PRESETS)
                .where(PRESETS.ID.eq(presetId).and(PRESETS.ACTIVE.isTrue()))
                .fetchOptional()
                .orElseThrow(() -> DomainException.notFound("Preset " + presetId));
        if (preset.getThumbnailKey() == null) {
            throw notReady(presetId);
        }
        try {
            return new Picture(storage.open(preset.getThumbnailKey()), CONTENT_TYPE, etag(preset.getThumbnailSha256()));
        } catch (StoredFileNotFoundException e) {
            // the row moved on to another picture between the read and the open: the next request gets it
            log.warn("event=preset_thumbnail_missing preset={} key={}", presetId, preset.getThumbnailKey());
            throw notReady(presetId);
        }
    }

    private static DomainException notReady(long presetId) {
        return new DomainException(
                DomainException.Kind.NOT_FOUND,
                "thumbnail_not_ready",
                "Preset " + presetId + " has no preview picture yet: it is being rendered, try again in a minute.");
    }

    /**
     * Queues one background pass over the presets without a picture (at start, after an admin adds a preset) and
     * answers it: how many previews it stored. A pass already waiting to run is answered instead of queueing another.
     */
    public CompletableFuture<Integer> renderMissingSoon() {
        synchronized (passes) {
            if (queued != null || closed) {
                return queued != null ? queued : lastPass;
            }
            CompletableFuture<Integer> pass = new CompletableFuture<>();
            queued = pass;
            lastPass = pass;
            try {
                worker.execute(() -> run(pass));
            } catch (RejectedExecutionException e) { // closing
                queued = null;
                pass.complete(0);
            }
            return pass;
        }
    }

    /** The latest pass queued (a completed one of 0 before any). */
    public CompletableFuture<Integer> lastPass() {
        synchronized (passes) {
            return lastPass;
        }
    }

    private void run(CompletableFuture<Integer> pass) {
        synchronized (passes) {
            queued = null; // from now on a new preset needs a new pass
        }
        try {
            pass.complete(renderMissing());
        } catch (RuntimeException e) {
            log.warn("event=preset_previews_failed message={}", e.getMessage());
            pass.completeExceptionally(e);
        }
    }

    /**
     * Renders and stores a preview for every preset that has no picture, one at a time, and answers how many it
     * stored. A preset that got a picture meanwhile (an admin's upload, another server's render) keeps it.
     */
    public int renderMissing() {
        long start = System.nanoTime();
        List<PresetsRecord> missing = dsl.selectFrom(PRESETS)
                .where(PRESETS.THUMBNAIL_KEY.isNull())
                .orderBy(PRESETS.ID)
                .fetch();
        int stored = 0;
        for (PresetsRecord preset : missing) {
            if (closed) {
                break;
            }
            try {
                if (renderOne(preset)) {
                    stored++;
                }
            } catch (RuntimeException e) {
                // one preset's failure (storage down a moment) leaves the others' previews, and the next pass retries
                // it
                log.warn("event=preset_preview_failed preset={} message={}", preset.getId(), e.getMessage());
            }
        }
        if (!missing.isEmpty()) {
            log.info(
                    "event=preset_previews_rendered count={} millis={}",
                    stored,
                    (System.nanoTime() - start) / 1_000_000);
        }
        return stored;
    }

    /** Renders and stores one preset's preview; false when the row got a picture meanwhile. */
    private boolean renderOne(PresetsRecord preset) {
        byte[] jpeg = renderer.render(preset);
        String sha256 = Sha256.hex(jpeg);
        String key = key(preset.getId(), sha256);
        storage.put(key, jpeg, CONTENT_TYPE);
        int updated = dsl.update(PRESETS)
                .set(PRESETS.THUMBNAIL_KEY, key)
                .set(PRESETS.THUMBNAIL_SHA256, sha256)
                .set(PRESETS.THUMBNAIL_SOURCE, Source.RENDERED.name())
                .where(PRESETS.ID.eq(preset.getId()).and(PRESETS.THUMBNAIL_KEY.isNull()))
                .execute();
        if (updated == 1) {
            return true;
        }
        if (!isCurrent(preset.getId(), key)) {
            storage.delete(key); // another picture won: ours is nobody's
        }
        return false;
    }

    /**
     * Points the preset (its row locked in the caller's transaction) at a stored picture. The caller deletes the file
     * it pointed at before once its transaction commits ({@link #forget}).
     */
    public PresetsRecord point(DSLContext tx, long presetId, Change picture) {
        return tx.update(PRESETS)
                .set(PRESETS.THUMBNAIL_KEY, picture.key())
                .set(PRESETS.THUMBNAIL_SHA256, picture.sha256())
                .set(PRESETS.THUMBNAIL_SOURCE, picture.source())
                .where(PRESETS.ID.eq(presetId))
                .returning()
                .fetchOne();
    }

    /** What the row points at now. */
    public static Change pictureOf(PresetsRecord preset) {
        return new Change(preset.getThumbnailKey(), preset.getThumbnailSha256(), preset.getThumbnailSource());
    }

    /** Stores an admin's picture (JPEG bytes) under the key its content names; the row is not changed yet. */
    public Change store(long presetId, byte[] jpeg) {
        String sha256 = Sha256.hex(jpeg);
        String key = key(presetId, sha256);
        storage.put(key, jpeg, CONTENT_TYPE);
        return new Change(key, sha256, Source.UPLOADED.name());
    }

    /** Deletes a file no row points at any more (an old picture, or a new one whose transaction failed). */
    public void forget(String key) {
        if (key != null) {
            storage.delete(key);
        }
    }

    /** Whether the preset's row points at this file now. */
    public boolean isCurrent(long presetId, String key) {
        return key.equals(currentKey(presetId).orElse(null));
    }

    private Optional<String> currentKey(long presetId) {
        return dsl.select(PRESETS.THUMBNAIL_KEY)
                .from(PRESETS)
                .where(PRESETS.ID.eq(presetId))
                .fetchOptional(PRESETS.THUMBNAIL_KEY);
    }

    /** {@code presets/7/thumbnail-<first 16 hex of the SHA-256>.jpg}: a new picture is a new file. */
    static String key(long presetId, String sha256) {
        return "presets/" + presetId + "/thumbnail-" + sha256.substring(0, 16) + ".jpg";
    }

    /** Stops the background pass between two presets (a render takes a few tens of milliseconds). */
    @Override
    public void close() {
        closed = true;
        worker.shutdown();
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
